using Microsoft.EntityFrameworkCore;
using Samraad.Auth;
using Samraad.Data;
using Samraad.Features.Search;
using Samraad.Common;

namespace Samraad.Features.Meetings;

/// <summary>A meeting in the list.</summary>
public sealed record MeetingListItem(string Slug, string Body, string Title, DateTime StartsAtUtc, string Place, string Status, int? PublishedVersion, string? DemoNote);

/// <summary>A meeting with its agenda as the user may see it.</summary>
public sealed record MeetingDto(string Slug, string Body, string Title, DateTime StartsAtUtc, string Place, string Status,
    IReadOnlyList<PublicationDto> Publications, IReadOnlyList<ItemDto> Items, IReadOnlyList<string> Warnings);

/// <summary>A published version of the agenda.</summary>
public sealed record PublicationDto(int Version, DateTime PublishedAtUtc, string PublishedBy, string PacketSha256, int Pages, IReadOnlyList<string> Changes);

/// <summary>An agenda item; closed items carry only their public summary for those who may not see them.</summary>
public sealed record ItemDto(string Number, string Title, string Kind, bool IsClosed, string? PublicSummary, string? CaseText,
    string? Recommendation, string? Decision, string Outcome, IReadOnlyList<AttachmentDto> Attachments, IReadOnlyList<TaskDto> Tasks);

/// <summary>An attachment: uploaded or live, with its frozen file's hash.</summary>
public sealed record AttachmentDto(int Id, string Title, string Kind, string? LiveSource, string? Sha256, int? Pages, DateTime? FrozenAtUtc);

/// <summary>A follow-up task.</summary>
public sealed record TaskDto(int Id, string Text, string? OwnerOrganisation, string? OwnerPerson, DateOnly DueDate, string State, bool Overdue);

/// <summary>JSON API for meetings, tasks and search, with the pages' visibility rules.</summary>
public static class MeetingApi
{
    public static void MapMeetingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Møder");
        api.MapGet("/meetings", async (AppDbContext db) => (await List(db)).ToList()).WithSummary("Møder med status og offentliggjort version");
        api.MapGet("/meetings/{slug}", Get).WithSummary("Et møde med dagsorden, bilag, beslutninger og opgaver");
        api.MapGet("/tasks", Tasks).WithSummary("Opfølgningsopgaver; open=true for kun åbne");
        api.MapGet("/search", (string q, HttpContext http, SearchIndex index) =>
        {
            var user = UserContext.From(http.User)!;
            return index.Search(q, user.IsAdmin || user.Role is Roles.Secretariat or Roles.Reader);
        }).WithSummary("Fuldtekstsøgning med dansk ordstamme");
    }

    public static async Task<List<MeetingListItem>> List(AppDbContext db)
    {
        var meetings = await db.Meetings.Include(m => m.Body).OrderByDescending(m => m.StartsAtUtc).ToListAsync();
        var versions = await db.Publications.GroupBy(p => p.MeetingId).Select(g => new { g.Key, V = g.Max(p => p.Version) }).ToListAsync();
        return meetings.Select(m => new MeetingListItem(m.Slug, m.Body!.Name, m.Title, m.StartsAtUtc, m.Place, m.Status.ToString(),
            versions.FirstOrDefault(v => v.Key == m.Id)?.V, m.DemoNote)).ToList();
    }

    static async Task<IResult> Get(string slug, HttpContext http, AppDbContext db, TimeProvider clock)
    {
        var ctx = await MeetingContext.Load(db, slug);
        if (ctx is null) return ApiProblems.NotFound("Mødet findes ikke.");
        var user = UserContext.From(http.User);
        if (ctx.Latest is null && !ctx.CanAdminister(user)) return ApiProblems.NotFound("Dagsordenen er ikke offentliggjort.");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(DanishTime.ToLocal(now));
        var seeClosed = ctx.CanSeeClosed(user);
        return Results.Ok(new MeetingDto(ctx.Meeting.Slug, ctx.Meeting.Body!.Name, ctx.Meeting.Title, ctx.Meeting.StartsAtUtc, ctx.Meeting.Place,
            ctx.Meeting.Status.ToString(),
            ctx.Publications.Select(p => new PublicationDto(p.Version, p.PublishedAtUtc, p.PublishedBy, p.PacketFile!.Sha256, p.PacketFile.Pages, p.Changes.Split('\n'))).ToList(),
            ctx.Items.Select(i => Item(i, !i.IsClosed || seeClosed, today)).ToList(),
            ctx.CanAdminister(user) ? MeetingRules.Warnings(ctx.Meeting, ctx.Publications.FirstOrDefault()?.PublishedAtUtc, ctx.Latest?.PublishedAtUtc, now) : []));
    }

    static ItemDto Item(AgendaItem i, bool full, DateOnly today) => new(i.Number, i.Title, i.Kind.ToString(), i.IsClosed, i.PublicSummary,
        full ? i.CaseText : null, full ? i.Recommendation : null, full ? i.Decision : null, i.Outcome.ToString(),
        full ? i.Attachments.OrderBy(a => a.SortOrder).Select(a => new AttachmentDto(a.Id, a.Title, a.Kind.ToString(), a.LiveSource, a.File?.Sha256, a.File?.Pages, a.FrozenAtUtc)).ToList() : [],
        full ? i.Tasks.Select(t => Task(t, today)).ToList() : []);

    static TaskDto Task(FollowUpTask t, DateOnly today) =>
        new(t.Id, t.Text, t.OwnerOrganisation?.Slug, t.OwnerPerson, t.DueDate, t.State.ToString(), t.IsOverdue(today));

    static async Task<IResult> Tasks(bool? open, HttpContext http, AppDbContext db, TimeProvider clock)
    {
        var user = UserContext.From(http.User)!;
        var today = DateOnly.FromDateTime(DanishTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var tasks = await db.Tasks.Include(t => t.OwnerOrganisation).Include(t => t.AgendaItem).ThenInclude(i => i!.Meeting).ThenInclude(m => m!.Body)
            .Where(t => open != true || t.State == TaskState.Open).OrderBy(t => t.DueDate).ToListAsync();
        return Results.Ok(tasks.Where(t => Access.CanAdminister(user, t.AgendaItem!.Meeting!.Body!.OrganisationId)
                || (user.OrganisationId is int org && t.OwnerOrganisationId == org) || (user.Role == Roles.Reader && !t.AgendaItem.IsClosed))
            .Select(t => Task(t, today)).ToList());
    }
}
