using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Collections;

/// <summary>A collection as the front page lists it: its link for this user, progress, and the user's own status and deadline.</summary>
public sealed record FrontPageCollection(Collection Collection, string Href, int Respondents, int Answered, int Submitted, bool IsOpen, string? OwnStatus,
    string StatusLabel, DateTime? OwnDeadlineUtc, bool Administers = false, bool OwnSubmitted = false);

/// <summary>
/// The collections on the user's front page, with progress computed from the responses: drafts only for their
/// secretariat, archived collections only in the archive, a respondent's own status and extended deadline.
/// </summary>
public sealed class ListFrontPageCollections(AppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<FrontPageCollection>> Handle(UserContext user, bool archive, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var collections = await db.Collections.Include(c => c.Owner).OrderByDescending(c => c.DeadlineUtc).ToListAsync(ct);
        var memberships = (await db.CollectionRespondents.Where(r => r.RemovedAtUtc == null).ToListAsync(ct)).ToLookup(r => r.CollectionId);
        var visible = collections.Where(c => (c.Status == CollectionStatus.Archived) == archive && (c.Status != CollectionStatus.Draft || Access.CanAdminister(user, c.OwnerOrganisationId))
            && Access.CanSeeCollection(user, c.OwnerOrganisationId, memberships[c.Id].Select(m => m.OrganisationId))).ToList();
        var counts = await ReadProgress.Counts(db, visible.Select(c => c.Id).ToList());
        // A periodic collection has a response per period: the front page shows the one of its latest period, as the
        // progress does (an answer for 2023 does not make 2024 submitted).
        var latestPeriod = visible.ToDictionary(c => c.Id, c => c.LastPeriod ?? "");
        var own = user.OrganisationId is int org
            ? (await db.Responses.Where(r => r.OrganisationId == org).ToListAsync(ct)).Where(r => latestPeriod.GetValueOrDefault(r.CollectionId) == r.Period)
                .ToDictionary(r => r.CollectionId)
            : new Dictionary<int, Response>();
        var ownSlug = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Slug).FirstOrDefaultAsync(ct);
        var isRespondent = user.Answers;
        return visible.Select(c =>
        {
            var administers = Access.CanAdminister(user, c.OwnerOrganisationId);
            var href = isRespondent ? $"/indsamlinger/{c.Slug}/besvarelser/{ownSlug}"
                : administers ? $"/indsamlinger/{c.Slug}" : $"/indsamlinger/{c.Slug}/sammendrag";
            var mine = own.GetValueOrDefault(c.Id);
            var ownStatus = isRespondent ? mine switch
            {
                null => "Ikke påbegyndt",
                { Status: ResponseStatus.Submitted } => "Indsendt",
                { LatestReceiptId: not null } => "Genåbnet",
                _ => "Kladde",
            } + (c.IsPeriodic ? $" ({c.PeriodLabel(mine?.Period ?? c.LastPeriod!)})" : "") : null;
            var (n, answered, submitted) = counts[c.Id];
            var ownDeadline = memberships[c.Id].FirstOrDefault(m => m.OrganisationId == user.OrganisationId)?.ExtendedDeadlineUtc;
            return new FrontPageCollection(c, href, n, answered, submitted, c.IsOpen(now, ownDeadline), ownStatus, c.StatusLabel(now), isRespondent ? ownDeadline : null,
                administers, mine?.Status == ResponseStatus.Submitted);
        }).ToList();
    }
}
