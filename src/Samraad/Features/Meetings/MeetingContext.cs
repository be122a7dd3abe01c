using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>A meeting with everything its pages need, and who may do what with it.</summary>
public sealed record MeetingContext(Meeting Meeting, IReadOnlyList<Publication> Publications)
{
    public Publication? Latest => Publications.OrderByDescending(p => p.Version).FirstOrDefault();

    public IEnumerable<AgendaItem> Items => Meeting.Items.OrderBy(i => AgendaItem.SortKey(i.Number));

    /// <summary>The body's secretariat (staff of the owning organisation) and admins run the meeting.</summary>
    public bool CanAdminister(UserContext? user) => user is not null && Access.CanAdminister(user, Meeting.Body!.OrganisationId);

    /// <summary>
    /// The body's members (readers whose organisation is the body's) and its secretariat see closed items; the public,
    /// respondents and other bodies' members do not.
    /// </summary>
    public bool CanSeeClosed(UserContext? user) => user is not null && (CanAdminister(user) || Access.IsReaderOf(user, Meeting.Body!.OrganisationId));

    /// <summary>The latest published version, or null before the first publishing.</summary>
    public AgendaSnapshot? PublishedSnapshot => publishedSnapshot ??= Latest is { } latest ? AgendaSnapshot.FromJson(latest.SnapshotJson) : null;
    AgendaSnapshot? publishedSnapshot;

    /// <summary>
    /// The agenda a user sees: the secretariat works on the items as they are now; everybody else sees the version
    /// last published (nothing before the first), so an edit is nobody else's until the agenda is published again.
    /// </summary>
    public IReadOnlyList<AgendaItem> ItemsFor(UserContext? user)
    {
        if (CanAdminister(user)) return Items.ToList();
        if (PublishedSnapshot is not { } snapshot) return [];
        // A version published before the texts were kept into snapshots: the items as they are now stand in.
        return snapshot.HasContent ? published ??= snapshot.ToItems(Meeting) : Items.ToList();
    }
    IReadOnlyList<AgendaItem>? published;

    public IEnumerable<AgendaItem> VisibleItems(UserContext? user) => ItemsFor(user).Where(i => !i.IsClosed || CanSeeClosed(user));

    public static async Task<MeetingContext?> Load(AppDbContext db, string slug, CancellationToken ct = default)
    {
        var meeting = await db.Meetings
            .Include(m => m.Body).ThenInclude(b => b!.Members.OrderBy(x => x.SortOrder)).ThenInclude(x => x.Organisation)
            .Include(m => m.Items).ThenInclude(i => i.Attachments).ThenInclude(a => a.File)
            .Include(m => m.Items).ThenInclude(i => i.Tasks).ThenInclude(t => t.OwnerOrganisation)
            .Include(m => m.Attendance)
            .Include(m => m.Addenda)
            .FirstOrDefaultAsync(m => m.Slug == slug, ct);
        if (meeting is null) return null;
        var publications = await db.Publications.Include(p => p.PacketFile).Where(p => p.MeetingId == meeting.Id)
            .OrderBy(p => p.Version).ToListAsync(ct);
        return new MeetingContext(meeting, publications);
    }
}
