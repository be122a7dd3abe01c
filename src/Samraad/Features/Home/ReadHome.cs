using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections;
using Samraad.Features.Meetings;
using Samraad.Features.Pools;

namespace Samraad.Features.Home;

/// <summary>What the front page shows a user, by what the user does.</summary>
/// <param name="User">Who is signed in.</param>
/// <param name="Organisation">The organisation acted for, by name.</param>
/// <param name="ToAnswer">A respondent's open collections not yet submitted, deadline first.</param>
/// <param name="FollowUp">A secretariat's open collections: who is missing, who is late, who asks to reopen.</param>
/// <param name="Collections">Every collection the user can see (the cards).</param>
/// <param name="NextMeeting">The next meeting the user may read (or the latest, when none is ahead).</param>
/// <param name="PastMeetings">The latest held meetings, for their minutes and decisions.</param>
/// <param name="Tasks">Open follow-up tasks of the meetings the user runs, and how many are overdue.</param>
/// <param name="Pools">The pools the user's organisation runs, with the applications awaiting assessment.</param>
/// <param name="NowUtc">When the page was made (the clock of the app).</param>
public sealed record Home(UserContext User, string? Organisation, IReadOnlyList<FrontPageCollection> ToAnswer, IReadOnlyList<Home.CollectionFollowUp> FollowUp,
    IReadOnlyList<FrontPageCollection> Collections, Meeting? NextMeeting, IReadOnlyList<Meeting> PastMeetings, (int Open, int Overdue)? Tasks,
    IReadOnlyList<Home.PoolQueue> Pools, DateTime NowUtc)
{
    /// <summary>An open collection's state for its secretariat.</summary>
    public sealed record CollectionFollowUp(FrontPageCollection Item, int Missing, IReadOnlyList<string> Late, int ReopenRequests);

    /// <summary>A pool's queue for its caseworker.</summary>
    public sealed record PoolQueue(string Slug, string Title, int Applications, int AwaitingAssessment);

    public bool IsMember => User.Role == Roles.Reader;

    /// <summary>"Næste møde" for a meeting today or ahead, "Seneste møde" for one held.</summary>
    public string MeetingHeading(Meeting m) => m.StartsAtUtc >= NowUtc.Date ? "Næste møde" : "Seneste møde";
}

public sealed class ReadHome(AppDbContext db, TimeProvider clock, ListFrontPageCollections list, ReadApplications applications, IMenu menu)
{
    public async Task<Home> Handle(UserContext user, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var collections = await list.Handle(user, archive: false, ct);
        // The frame asks the same of the menu; it answers once per request.
        var organisation = (await menu.For(user, ct)).Organisation;
        var toAnswer = user.Answers
            ? collections.Where(c => c.IsOpen && !c.OwnSubmitted).OrderBy(c => c.OwnDeadlineUtc ?? c.Collection.DeadlineUtc).ToList() : [];
        var followUp = new List<Home.CollectionFollowUp>();
        foreach (var item in collections.Where(c => c.Administers && c.Collection.Status == CollectionStatus.Open))
            followUp.Add(await FollowUp(item, now, ct));

        // Meetings the user may read: published ones (drafts only for those who run them, and they have the meeting page).
        var meetings = (await db.Meetings.Include(m => m.Body).Where(m => m.Status != Meetings.MeetingStatus.Draft).OrderBy(m => m.StartsAtUtc).ToListAsync(ct))
            .Where(m => m.ListedFor(user) && (user.Role != Roles.Reader || Access.IsReaderOf(user, m.Body!.OrganisationId))).ToList();
        var next = meetings.FirstOrDefault(m => m.StartsAtUtc >= now.Date) ?? meetings.LastOrDefault();
        var past = meetings.Where(m => m != next && m.Status is Meetings.MeetingStatus.Held or Meetings.MeetingStatus.MinutesApproved)
            .OrderByDescending(m => m.StartsAtUtc).Take(5).ToList();

        // Open tasks: of the meetings the user runs, or given to the user's organisation to close.
        (int, int)? tasks = null;
        if (user.IsAdmin || user.Role == Roles.Secretariat || user.Answers)
        {
            // The same tasks as Opgaver lists: of the bodies the user runs, and those its organisation owns.
            var open = FollowUpTask.VisibleTo(db.Tasks, user).Where(t => t.State == TaskState.Open);
            var today = DateOnly.FromDateTime(DanishTime.ToLocal(now));
            var count = await open.CountAsync(ct);
            if (count > 0 || !user.Answers && meetings.Any(m => Access.CanAdminister(user, m.Body!.OrganisationId))) tasks = (count, await open.CountAsync(t => t.DueDate < today, ct));
        }

        var pools = new List<Home.PoolQueue>();
        if (user.IsAdmin || user.Role == Roles.Secretariat)
            foreach (var pool in await db.Pools.Where(p => user.IsAdmin || p.OwnerOrganisationId == user.OrganisationId).OrderBy(p => p.Title).ToListAsync(ct))
                if ((await applications.Handle(pool.Slug, user, ct)).Value is { } read)
                    pools.Add(new(pool.Slug, pool.Title, read.Count, read.Sum(a => a.Projects.Count(p => p.AwaitsAssessment))));

        return new Home(user, organisation, toAnswer, followUp, collections, next, past, tasks, pools, now);
    }

    /// <summary>Who has not submitted, who has passed the deadline (their own, when extended), who asks to reopen.</summary>
    async Task<Home.CollectionFollowUp> FollowUp(FrontPageCollection item, DateTime now, CancellationToken ct)
    {
        var c = item.Collection;
        var period = c.LastPeriod ?? "";
        var rows = await db.CollectionRespondents.Where(r => r.CollectionId == c.Id && r.RemovedAtUtc == null)
            .Select(r => new
            {
                r.Organisation!.Name, r.Organisation.Kind, r.ExtendedDeadlineUtc,
                Response = db.Responses.Where(x => x.CollectionId == c.Id && x.OrganisationId == r.OrganisationId && x.Period == period)
                    .Select(x => new { x.Status, x.ReopenRequestedAtUtc }).FirstOrDefault(),
            }).ToListAsync(ct);
        var missing = rows.Where(r => r.Response?.Status != ResponseStatus.Submitted).ToList();
        var late = missing.Where(r => (r.ExtendedDeadlineUtc ?? c.DeadlineUtc) < now)
            .Select(r => r.Kind == Reference.OrganisationKind.Kommune ? r.Name + " Kommune" : r.Name).Order(StringComparer.Create(DanishTime.Culture, false)).ToList();
        return new(item, missing.Count, late, rows.Count(r => r.Response?.ReopenRequestedAtUtc is not null));
    }
}
