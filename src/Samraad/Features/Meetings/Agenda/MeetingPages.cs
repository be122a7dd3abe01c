using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Meetings.Pages;

namespace Samraad.Features.Meetings;

/// <summary>Pages for meetings: list, create, the secretariat's meeting page, publishing, the packet (web and PDF), files.</summary>
public static class MeetingPages
{
    public static void MapMeetingPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("/moeder", List);
        pages.MapGet("/moeder/ny", async (HttpContext http, AppDbContext db) =>
            await Bodies(http, db) is { Count: > 0 } bodies ? Html.Render<NewMeetingPage>(new { Bodies = bodies }) : Html.Forbidden());
        pages.MapPost("/moeder", Create).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapGet("/moeder/{slug}", Show);
        pages.MapPost("/moeder/{slug}/offentliggoer", Publish).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapGet("/moeder/{slug}/offentliggoerelse/{id:long}", PublishStatus);
        pages.MapGet("/moeder/{slug}/dagsorden", Packet);
        pages.MapGet("/moeder/{slug}/bilag/{id:int}", Attachment);
        // The PDFs and files are open to the public where their content is public (see FileAccess).
        app.MapGet("/moeder/{slug}/dagsorden.pdf", PacketPdf).ExcludeFromDescription();
        app.MapGet("/moeder/{slug}/dagsorden/v{version:int}.pdf", PacketPdf).ExcludeFromDescription();
        app.MapGet("/filer/{id:int}", File).ExcludeFromDescription();
    }

    internal static UserContext? User(HttpContext http) => UserContext.From(http.User);

    static async Task<IReadOnlyList<(string, string)>> Bodies(HttpContext http, AppDbContext db) =>
        (await db.Bodies.OrderBy(b => b.Name).ToListAsync()).Where(b => Access.CanAdminister(User(http)!, b.OrganisationId))
        .Select(b => (b.Slug, b.Name)).ToList();

    static async Task<IResult> List(HttpContext http, AppDbContext db)
    {
        // Each user is shown what they can open: a draft meeting only to those who run it.
        var user = User(http)!;
        var meetings = (await db.Meetings.Include(m => m.Body).OrderByDescending(m => m.StartsAtUtc).ToListAsync())
            .Where(m => m.ListedFor(user)).ToList();
        return Html.Render<MeetingsIndexPage>(new { Meetings = meetings, CanCreate = (await Bodies(http, db)).Count > 0 });
    }

    static async Task<IResult> Create(HttpContext http, AppDbContext db, CreateMeeting create)
    {
        var form = await http.Request.ReadFormAsync();
        var input = new CreateMeeting.Input(form["body"], form["title"], form["startsAt"], form["place"]);
        var outcome = await create.Handle(User(http)!, input);
        return await Html.From(outcome, meeting => Results.Redirect($"/moeder/{meeting.Slug}"),
            async failed => Html.Render<NewMeetingPage>(new { Input = input, Bodies = await Bodies(http, db), failed.Errors }, failed.Status));
    }

    /// <summary>Loads a meeting for the secretariat; others are sent to the agenda they may read.</summary>
    internal static Task<(MeetingContext? Value, IResult? Denied)> Administered(HttpContext http, AppDbContext db, string slug) =>
        Guard.Page(MeetingContext.Load(db, slug), "Mødet", m => m.CanAdminister(User(http)));

    internal static async Task<IResult> ShowMeeting(AppDbContext db, MeetingContext ctx, CheckFreshness freshness, TimeProvider clock,
        IReadOnlyList<FieldError>? errors = null, string? problem = null, string? notice = null, int status = 200)
    {
        var key = PublishAgenda.JobKey(ctx.Meeting);
        var building = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Key == key);
        var first = ctx.Publications.FirstOrDefault()?.PublishedAtUtc;
        var last = ctx.Latest?.PublishedAtUtc;
        return Html.Render<MeetingPage>(new
        {
            Ctx = ctx, Warnings = MeetingRules.Warnings(ctx.Meeting, first, last, clock.GetUtcNow().UtcDateTime),
            Newer = await freshness.Handle(ctx), Errors = errors ?? [], Problem = problem, Notice = notice, Building = building,
        }, status);
    }

    static async Task<IResult> Show(string slug, HttpContext http, AppDbContext db, CheckFreshness freshness, TimeProvider clock)
    {
        var ctx = await MeetingContext.Load(db, slug);
        if (ctx is null) return Html.NotFound("Mødet");
        if (!ctx.CanAdminister(User(http))) return Results.Redirect($"/moeder/{slug}/dagsorden");
        var notice = http.Request.Query.ContainsKey("offentliggjort") ? $"Dagsordenen er offentliggjort som version {ctx.Latest?.Version}." : null;
        return await ShowMeeting(db, ctx, freshness, clock, notice: notice);
    }

    static async Task<IResult> Publish(string slug, HttpContext http, AppDbContext db, PublishAgenda publish, CheckFreshness freshness, TimeProvider clock)
    {
        var (ctx, other) = await Administered(http, db, slug);
        if (ctx is null) return other!;
        var outcome = await publish.Handle(ctx, User(http)!);
        return await Html.From(outcome, job => Results.Redirect($"/moeder/{slug}/offentliggoerelse/{job.Id}"), async failed =>
        {
            db.ChangeTracker.Clear();
            return await ShowMeeting(db, (await MeetingContext.Load(db, slug))!, freshness, clock, failed.Errors, failed.Message, status: failed.Status);
        });
    }

    /// <summary>The build's status page; once the packet is published, the meeting page with its notice.</summary>
    static async Task<IResult> PublishStatus(string slug, long id, HttpContext http, AppDbContext db)
    {
        var (ctx, other) = await Administered(http, db, slug);
        if (ctx is null) return other!;
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.Kind == BuildPublication.Kind);
        if (job is null || job.Input<PublishAgenda.Input>()?.MeetingSlug != slug) return Html.NotFound("Offentliggørelsen");
        if (job.State == Operations.Jobs.JobState.Done) return Results.Redirect($"/moeder/{slug}?offentliggjort=1");
        return Html.Render<PublishStatusPage>(new { ctx.Meeting, Job = job, Published = ctx.Latest?.Version });
    }

    static async Task<IResult> Packet(string slug, HttpContext http, AppDbContext db, CheckFreshness freshness)
    {
        var ctx = await MeetingContext.Load(db, slug);
        if (ctx is null) return Html.NotFound("Mødet");
        var user = User(http);
        if (ctx.Latest is null && !ctx.CanAdminister(user)) return Html.NotFound("Dagsordenen");
        return Html.Render<PacketWebPage>(new { Ctx = ctx, Items = ctx.VisibleItems(user).ToList(), Newer = await freshness.Handle(ctx) });
    }

    /// <summary>
    /// An attachment as the user's version of the agenda has it: for the secretariat the current one (a live one
    /// rendered from today's data); for everybody else the file it was when the agenda was published — a live
    /// attachment is never rendered from current data for someone who does not run the meeting.
    /// </summary>
    static async Task<IResult> Attachment(string slug, int id, HttpContext http, AppDbContext db, LiveAttachments live)
    {
        var ctx = await MeetingContext.Load(db, slug);
        var user = User(http);
        var item = ctx?.ItemsFor(user).FirstOrDefault(i => i.Attachments.Any(a => a.Id == id));
        if (ctx is null || item is null) return Html.NotFound("Bilaget");
        if (item.IsClosed && !ctx.CanSeeClosed(user)) return Html.Forbidden();
        var attachment = item.Attachments.First(a => a.Id == id);
        if (attachment.FileId is int fileId) return Results.Redirect($"/filer/{fileId}");
        if (!ctx.CanAdminister(user)) return Html.NotFound("Bilaget");
        var rendering = attachment.LiveSource is null ? null : await live.Render(attachment.LiveSource);
        return rendering is null ? Html.NotFound("Bilagets data") : Html.Render<LiveAttachmentPage>(new { Ctx = ctx, Rendering = rendering });
    }

    static async Task<IResult> PacketPdf(string slug, int? version, HttpContext http, AppDbContext db, PacketAttachments attachments, BuildPacket build)
    {
        var ctx = await MeetingContext.Load(db, slug);
        if (ctx is null) return Html.NotFound("Mødet");
        var user = User(http);
        var publication = version is int v ? ctx.Publications.FirstOrDefault(p => p.Version == v) : ctx.Latest;
        if (publication is null)
        {
            // Before publishing: a preview with live data, for the secretariat only.
            if (!ctx.CanAdminister(user)) return Html.NotFound("Dagsordenen");
            var preview = await build.Handle(ctx.Meeting, await attachments.Handle(ctx, useFrozen: false), null, null);
            return Results.File(preview.Pdf, "application/pdf", $"{slug}-udkast.pdf");
        }
        if (AgendaSnapshot.FromJson(publication.SnapshotJson).Items.Any(i => i.IsClosed) && !ctx.CanSeeClosed(user))
            return user is null ? Results.Challenge() : Html.Forbidden();
        var file = await db.Files.FirstAsync(f => f.Id == publication.PacketFileId);
        return Results.File(file.Content, "application/pdf", file.FileName);
    }

    static async Task<IResult> File(int id, HttpContext http, AppDbContext db)
    {
        var file = await db.Files.FirstOrDefaultAsync(f => f.Id == id);
        if (file is null) return Html.NotFound("Filen");
        var user = User(http);
        // The meeting the file belongs to: as a current attachment, as a packet, or as an attachment of a published version.
        var attachment = await db.Attachments.Include(a => a.AgendaItem).FirstOrDefaultAsync(a => a.FileId == id);
        var publication = await db.Publications.FirstOrDefaultAsync(p => p.PacketFileId == id);
        var marker = AgendaSnapshot.FileMarker(id);
        var meetingId = attachment?.AgendaItem?.MeetingId ?? publication?.MeetingId
            ?? await db.Publications.Where(p => p.SnapshotJson.Contains(marker)).Select(p => (int?)p.MeetingId).FirstOrDefaultAsync();
        var ctx = meetingId is int mid ? await MeetingContext.Load(db, await db.Meetings.Where(m => m.Id == mid).Select(m => m.Slug).FirstAsync()) : null;
        if (ctx is null || !FileAccess.CanRead(ctx, id, publication, user)) return user is null ? Results.Challenge() : Html.Forbidden();
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
