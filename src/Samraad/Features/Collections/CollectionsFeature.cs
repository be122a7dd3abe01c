using Samraad.Features.Collections.Authoring;
using Samraad.Features.Collections.Packs;
using Samraad.Features.Collections.Summaries;

namespace Samraad.Features.Collections;

/// <summary>Collections: forms from packs, responses and their workflow, summaries, exports; pages, API, `export` and `summary`.</summary>
public sealed class CollectionsFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, CollectionChangeTracking>();
        services.AddSingleton<CollectionChangeQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<CollectionChangeQueue>());
        services.AddScoped<LoadPacks>();
        services.AddScoped<ListFrontPageCollections>();
        services.AddScoped<SaveDraft>();
        services.AddScoped<SubmitResponse>();
        services.AddScoped<ReopenResponse>();
        services.AddScoped<RequestReopening>();
        services.AddScoped<ChangeWindow>();
        services.AddScoped<CreateCollection>();
        services.AddScoped<CreateFromPack>();
        services.AddScoped<ChangeStatus>();
        services.AddScoped<RespondentGroups>();
        services.AddScoped<ChangeRespondents>();
        services.AddScoped<ExtendDeadline>();
        services.AddScoped<ApplyPackChange>();
        services.AddScoped<EditForm>();
        services.AddScoped<ChangeDetails>();
        services.AddScoped<Notices.CollectionMail>();
        services.AddScoped<Notices.SendReminders>();
        services.AddScoped<Notifications.IScheduledNotices>(sp => sp.GetRequiredService<Notices.SendReminders>());
        services.AddScoped<Notices.ChangeReminderDays>();
        services.AddScoped<ChangeSummaryTables>();
        services.AddScoped<ChangePrintedFigures>();
        services.AddScoped<ComputeSummary>();
        services.AddScoped<ReadSummary>();
        services.AddScoped<ExportResponses>();
        services.AddScoped<ReadExport>();
        services.AddScoped<ILiveSource, CollectionSummarySource>();
        services.AddScoped<ILiveSource, CollectionMatrixSource>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapAuthoringPages();
        Notices.NoticePages.MapNoticePages(app);
        app.MapFormEditorPages();
        app.MapCollectionPages();
        app.MapResponsePages();
        app.MapCollectionApi();
        app.MapAuthoringApi();
    }

    public Task Start(StartContext start) => start.Get<LoadPacks>().Handle(start.PacksDir, start.DemoData);

    public IEnumerable<CliVerb> Verbs =>
    [
        new("collections", Authoring.CollectionsCommand.Usage, Authoring.CollectionsCommand.Run),
        new("export", "export <indsamling> --format csv|xlsx|json [--out FIL]", async call =>
        {
            if (call.Argument(0) is not { } slug) return call.Usage();
            var format = call.Option("--format") ?? "csv";
            var outcome = await call.Get<ReadExport>().Handle(slug, call.Option("--periode"), format, call.User);
            return await call.File(outcome.Map(f => f.Content), binary: format == "xlsx");
        }),
        new("summary", "summary <indsamling> --format json      sammendrag med afvigelser fra trykte tal", async call =>
        {
            if (call.Argument(0) is not { } slug) return call.Usage();
            if (!call.WantsJson) return call.Fail("summary understøtter kun --format json.");
            var outcome = await call.Get<ReadSummary>().Handle(slug, call.Option("--periode"), call.Option("--group-set"), call.User);
            return await call.Json(outcome.Map(s => s.Summary));
        }),
    ];
}
