using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>The meetings a user can open, with status and latest published version (API and command line): a draft only for those who run it.</summary>
public sealed class ListMeetings(AppDbContext db)
{
    public async Task<Outcome<IReadOnlyList<MeetingListItem>>> Handle(UserContext user, CancellationToken ct = default)
    {
        var meetings = (await db.Meetings.Include(m => m.Body).OrderByDescending(m => m.StartsAtUtc).ToListAsync(ct))
            .Where(m => m.ListedFor(user)).ToList();
        var versions = await db.Publications.GroupBy(p => p.MeetingId).Select(g => new { g.Key, V = g.Max(p => p.Version) }).ToListAsync(ct);
        return Outcome<IReadOnlyList<MeetingListItem>>.Success(meetings.Select(m => new MeetingListItem(m.Slug, m.Body!.Name, m.Title, m.StartsAtUtc, m.Place,
            m.Status.ToString(), versions.FirstOrDefault(v => v.Key == m.Id)?.V, m.DemoNote)).ToList());
    }
}
