using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>A meeting with its agenda as the user may see it: closed items carry only their public summary for those who may not see them.</summary>
public sealed class ReadMeeting(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<MeetingDto>> Handle(string slug, UserContext? user, CancellationToken ct = default)
    {
        var ctx = await MeetingContext.Load(db, slug, ct);
        if (ctx is null) return Outcome<MeetingDto>.Fail(Problem.NotFound, "Mødet findes ikke.");
        if (ctx.Latest is null && !ctx.CanAdminister(user)) return Outcome<MeetingDto>.Fail(Problem.NotFound, "Dagsordenen er ikke offentliggjort.");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(DanishTime.ToLocal(now));
        var seeClosed = ctx.CanSeeClosed(user);
        return Outcome<MeetingDto>.Success(new MeetingDto(ctx.Meeting.Slug, ctx.Meeting.Body!.Name, ctx.Meeting.Title, ctx.Meeting.StartsAtUtc, ctx.Meeting.Place,
            ctx.Meeting.Status.ToString(),
            ctx.Publications.Select(p => new PublicationDto(p.Version, p.PublishedAtUtc, p.PublishedBy, p.PacketFile!.Sha256, p.PacketFile.Pages, p.Changes.Split('\n'))).ToList(),
            ctx.ItemsFor(user).Select(i => Item(i, !i.IsClosed || seeClosed, today)).ToList(),
            ctx.CanAdminister(user) ? MeetingRules.Warnings(ctx.Meeting, ctx.Publications.FirstOrDefault()?.PublishedAtUtc, ctx.Latest?.PublishedAtUtc, now) : []));
    }

    static ItemDto Item(AgendaItem i, bool full, DateOnly today) => new(i.Number, i.Title, i.Kind.ToString(), i.IsClosed, i.PublicSummary,
        full ? i.CaseText : null, full ? i.Recommendation : null, full ? i.Decision : null, i.Outcome.ToString(),
        full ? i.Attachments.OrderBy(a => a.SortOrder).Select(a => new AttachmentDto(a.Id, a.Title, a.Kind.ToString(), a.LiveSource, a.File?.Sha256, a.File?.Pages, a.FrozenAtUtc)).ToList() : [],
        full ? i.Tasks.Select(t => Task(t, today)).ToList() : []);

    internal static TaskDto Task(FollowUpTask t, DateOnly today) =>
        new(t.Id, t.Text, t.OwnerOrganisation?.Slug, t.OwnerPerson, t.DueDate, t.State.ToString(), t.IsOverdue(today));

}
