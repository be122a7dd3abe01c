using Samraad.Documents;
using Microsoft.AspNetCore.Mvc;
using Samraad.Data;
using Samraad.Documents.Pdf;
using Samraad.Features.Meetings.Pages;

namespace Samraad.Features.Meetings;

/// <summary>Pages to add and edit agenda items and their attachments.</summary>
public static class ItemPages
{
    const string Item = "/moeder/{slug}/punkter/{number}";

    public static void MapItemPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("/moeder/{slug}/punkter/ny", New);
        pages.MapPost("/moeder/{slug}/punkter", (string slug, HttpContext http, AppDbContext db, SaveAgendaItem save, LiveAttachments live, CheckFreshness f) =>
            Save(slug, null, http, db, save, live, f)).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapGet(Item, Edit);
        pages.MapPost(Item, (string slug, string number, HttpContext http, AppDbContext db, SaveAgendaItem save, LiveAttachments live, CheckFreshness f) =>
            Save(slug, number, http, db, save, live, f)).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost(Item + "/bilag", Upload).AddEndpointFilter(AntiforgeryTokens.Validate).WithMetadata(new RequestSizeLimitAttribute(UploadLimits.PdfUploadRequestBytes));
        pages.MapPost(Item + "/bilag/levende", AddLive).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost(Item + "/bilag/{id:int}/fjern", Remove).AddEndpointFilter(AntiforgeryTokens.Validate);
    }

    static async Task<IResult> New(string slug, HttpContext http, AppDbContext db, LiveAttachments live)
    {
        var (ctx, other) = await MeetingPages.Administered(http, db, slug);
        if (ctx is null) return other!;
        return Html.Render<ItemEditPage>(new { Ctx = ctx, LiveOptions = await live.Options(MeetingPages.User(http)!) });
    }

    static async Task<IResult> Render(MeetingContext ctx, AgendaItem? item, HttpContext http, LiveAttachments live, CheckFreshness freshness,
        SaveAgendaItem.Input? input = null, IReadOnlyList<FieldError>? errors = null, string? problem = null, string? notice = null, int status = 200) =>
        Html.Render<ItemEditPage>(new
        {
            Ctx = ctx, Item = item, Input = input ?? (item is null ? new SaveAgendaItem.Input(null, null, null, null, null, false, null, null) : ItemEditPage.From(item)),
            LiveOptions = await live.Options(MeetingPages.User(http)!), Newer = await freshness.Handle(ctx),
            Errors = errors ?? [], Problem = problem, Notice = notice,
        }, status);

    static async Task<IResult> Edit(string slug, string number, HttpContext http, AppDbContext db, LiveAttachments live, CheckFreshness freshness)
    {
        var (ctx, other) = await MeetingPages.Administered(http, db, slug);
        if (ctx is null) return other!;
        var item = ctx.Meeting.Items.FirstOrDefault(i => i.Number == number);
        if (item is null) return Html.NotFound("Punktet");
        var notice = http.Request.Query["gemt"].ToString() switch
        {
            "punkt" => "Punktet er gemt.", "bilag" => "Bilaget er tilføjet.", "fjernet" => "Bilaget er fjernet.", _ => null,
        };
        return await Render(ctx, item, http, live, freshness, notice: notice);
    }

    static async Task<IResult> Save(string slug, string? number, HttpContext http, AppDbContext db, SaveAgendaItem save, LiveAttachments live, CheckFreshness freshness)
    {
        var (ctx, other) = await MeetingPages.Administered(http, db, slug);
        if (ctx is null) return other!;
        var item = number is null ? null : ctx.Meeting.Items.FirstOrDefault(i => i.Number == number);
        if (number is not null && item is null) return Html.NotFound("Punktet");
        var form = await http.Request.ReadFormAsync();
        var input = new SaveAgendaItem.Input(form["number"], form["title"], form["kind"], form["caseText"], form["recommendation"],
            form["isClosed"] == "true", form["closedReason"], form["publicSummary"]);
        var outcome = await save.Handle(ctx, MeetingPages.User(http)!, item, input);
        return await Html.From(outcome, saved => Results.Redirect($"/moeder/{slug}/punkter/{saved.Number}?gemt=punkt"), async failed =>
        {
            db.ChangeTracker.Clear();
            var reloaded = (await MeetingContext.Load(db, slug))!;
            return await Render(reloaded, number is null ? null : reloaded.Meeting.Items.First(i => i.Number == number), http, live, freshness, input,
                failed.Errors, failed.Message, status: failed.Status);
        }, "Punktet");
    }

    static async Task<(MeetingContext? Ctx, AgendaItem? Item, IResult? Other)> Load(HttpContext http, AppDbContext db, string slug, string number)
    {
        var (ctx, other) = await MeetingPages.Administered(http, db, slug);
        if (ctx is null) return (null, null, other);
        var item = ctx.Meeting.Items.FirstOrDefault(i => i.Number == number);
        return item is null ? (null, null, Html.NotFound("Punktet")) : (ctx, item, null);
    }

    /// <summary>After an attachment change: back to the item's attachments, or the item again with the errors.</summary>
    static Task<IResult> Done(string slug, string number, HttpContext http, AppDbContext db, LiveAttachments live, CheckFreshness freshness,
        Outcome<Attachment> outcome, string saved) =>
        Html.From(outcome, _ => Results.Redirect($"/moeder/{slug}/punkter/{number}?gemt={saved}#bilag"), async failed =>
        {
            db.ChangeTracker.Clear();
            var ctx = (await MeetingContext.Load(db, slug))!;
            return await Render(ctx, ctx.Meeting.Items.First(i => i.Number == number), http, live, freshness,
                errors: failed.Errors, problem: failed.Message, status: failed.Status);
        }, "Bilaget");

    static async Task<IResult> Upload(string slug, string number, HttpContext http, AppDbContext db, UploadAttachment upload, LiveAttachments live, CheckFreshness freshness)
    {
        var (ctx, item, other) = await Load(http, db, slug, number);
        if (ctx is null) return other!;
        var form = await http.Request.ReadFormAsync();
        var file = form.Files["file"];
        Outcome<Attachment> outcome;
        if (file is null || file.Length == 0)
            outcome = Outcome<Attachment>.Fail(Problem.Invalid, "Bilaget er ikke gemt.", [new FieldError("file", "Vælg en PDF-fil")]);
        else if (file.Length > PdfFiles.MaxUploadBytes)
            outcome = Outcome<Attachment>.Fail(Problem.Invalid, "Bilaget er ikke gemt.", [new FieldError("file", $"Filen er for stor. Højst {PdfFiles.MaxUploadBytes / 1024 / 1024} MB.")]);
        else
        {
            outcome = await upload.Handle(ctx, item!, MeetingPages.User(http)!, form["attachmentTitle"], file.FileName, await file.Bytes());
        }
        return await Done(slug, number, http, db, live, freshness, outcome, "bilag");
    }

    static async Task<IResult> AddLive(string slug, string number, HttpContext http, AppDbContext db, AddLiveAttachment add, LiveAttachments live, CheckFreshness freshness)
    {
        var (ctx, item, other) = await Load(http, db, slug, number);
        if (ctx is null) return other!;
        var form = await http.Request.ReadFormAsync();
        var outcome = await add.Handle(ctx, item!, MeetingPages.User(http)!, form["source"]);
        return await Done(slug, number, http, db, live, freshness, outcome, "bilag");
    }

    static async Task<IResult> Remove(string slug, string number, int id, HttpContext http, AppDbContext db, RemoveAttachment remove, LiveAttachments live, CheckFreshness freshness)
    {
        var (ctx, item, other) = await Load(http, db, slug, number);
        if (ctx is null) return other!;
        var attachment = item!.Attachments.FirstOrDefault(a => a.Id == id);
        if (attachment is null) return Html.NotFound("Bilaget");
        var outcome = await remove.Handle(ctx, attachment, MeetingPages.User(http)!);
        return await Done(slug, number, http, db, live, freshness, outcome.As<Attachment>(), "fjernet");
    }
}
