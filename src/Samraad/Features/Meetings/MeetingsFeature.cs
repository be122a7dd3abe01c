using Samraad.Features.Meetings.Notices;

namespace Samraad.Features.Meetings;

/// <summary>Meetings: agenda and items, attachments and the packet, minutes, follow-up; pages, API, `meetings`, `packet` and `minutes`.</summary>
public sealed class MeetingsFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<LiveAttachments>();
        services.AddScoped<MeetingChanges>();
        services.AddScoped<CheckFreshness>();
        services.AddScoped<BuildPacket>();
        services.AddScoped<PacketAttachments>();
        services.AddScoped<BuildMinutesPdf>();
        services.AddScoped<LoadMeetingPacks>();
        services.AddScoped<CreateMeeting>();
        services.AddScoped<SaveAgendaItem>();
        services.AddScoped<UploadAttachment>();
        services.AddScoped<AddLiveAttachment>();
        services.AddScoped<RemoveAttachment>();
        services.AddScoped<PublishAgenda>();
        services.AddScoped<Operations.Jobs.IJobHandler, BuildPublication>();
        services.AddScoped<RecordDecision>();
        services.AddScoped<RecordAttendance>();
        services.AddScoped<RecordMinutes>();
        services.AddScoped<ChangeMeetingStatus>();
        services.AddScoped<AddAddendum>();
        services.AddScoped<CreateTask>();
        services.AddScoped<Notices.MeetingMail>();
        services.AddScoped<Notices.SendTaskReminders>();
        services.AddScoped<Notifications.IScheduledNotices>(sp => sp.GetRequiredService<Notices.SendTaskReminders>());
        services.AddScoped<CloseTask>();
        services.AddScoped<ListMeetings>();
        services.AddScoped<ReadMeeting>();
        services.AddScoped<ReadPacket>();
        services.AddScoped<ReadMinutes>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapMeetingPages();
        app.MapItemPages();
        app.MapMinutesPages();
        app.MapPublicPages();
        app.MapTaskPages();
        app.MapMeetingApi();
        app.MapMeetingNoticePages();
    }

    /// <summary>The demo meeting is demo data: only where demo data is wanted.</summary>
    public async Task Start(StartContext start)
    {
        if (start.DemoData) await start.Get<LoadMeetingPacks>().Handle(start.PacksDir);
    }

    public IEnumerable<CliVerb> Verbs =>
    [
        new("meetings", "meetings --format json                  møder (id, titel, dato, status)", async call => await call.Json(await call.Get<ListMeetings>().Handle(UserContext.CommandLine))),
        new("packet", "packet <møde> --out FIL.pdf             dagsordenspakken (seneste offentliggjorte; ellers et udkast med aktuelle data)", async call =>
            call.Argument(0) is { } slug ? await call.File(await call.Get<ReadPacket>().Handle(slug, call.User), binary: true) : call.Usage()),
        new("minutes", "minutes <møde> --out FIL.pdf            beslutningsprotokollen", async call =>
            call.Argument(0) is { } slug ? await call.File(await call.Get<ReadMinutes>().Handle(slug, call.User), binary: true) : call.Usage()),
    ];
}
