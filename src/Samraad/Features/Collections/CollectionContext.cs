using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections.Forms;
using Samraad.Features.Reference;

namespace Samraad.Features.Collections;

/// <summary>
/// A collection with its parsed current form and its respondents: what every page and endpoint starts from.
/// <see cref="Respondents"/> are those asked now (the summary's base); <see cref="Memberships"/> also holds the
/// removed ones, whose answers are kept and shown as such, and each respondent's own deadline.
/// </summary>
public sealed record CollectionContext(Collection Collection, FormSpec Form, IReadOnlyList<Organisation> Respondents)
{
    public IReadOnlyList<CollectionRespondent> Memberships { get; init; } = [];

    public CollectionRespondent? Membership(int organisationId) => Memberships.FirstOrDefault(m => m.OrganisationId == organisationId);

    /// <summary>The deadline that holds for one respondent: its own when extended, the collection's otherwise.</summary>
    /// An extension never shortens: if the common deadline was moved past it since, the common one holds.
    public DateTime DeadlineFor(int organisationId) =>
        Membership(organisationId)?.ExtendedDeadlineUtc is DateTime own && own > Collection.DeadlineUtc ? own : Collection.DeadlineUtc;

    /// <summary>Why this respondent cannot change answers now; null when it can.</summary>
    public string? ClosedReasonFor(int organisationId, DateTime nowUtc) =>
        Membership(organisationId) is { IsActive: false } ? "Organisationen er ikke længere respondent i denne indsamling. Svarene er gemt, men kan ikke ændres."
        : Collection.ClosedReason(nowUtc, DeadlineFor(organisationId));

    /// <summary>A draft is seen only by those who administer it: to everyone else it does not exist.</summary>
    public bool HiddenFrom(UserContext user) => Collection.Status == CollectionStatus.Draft && !CanAdminister(user);

    /// <summary>The period responses are read and written for: "" for a one-off collection; one of its periods otherwise.</summary>
    public string Period { get; init; } = "";

    /// <summary>
    /// This context for the period asked for (?periode=2023). No period given means the latest; a period outside the
    /// collection's range, or any period on a one-off collection, gives null (the page answers 404).
    /// </summary>
    public CollectionContext? ForPeriod(string? requested)
    {
        var asked = string.IsNullOrWhiteSpace(requested) ? null : requested.Trim();
        if (!Collection.IsPeriodic) return asked is null ? this : null;
        asked ??= Collection.LastPeriod!;
        return Collection.Periods().Contains(asked) ? this with { Period = asked } : null;
    }

    public string PeriodLabel => Collection.PeriodLabel(Period);
    /// <summary>"?periode=2023" for links within a periodic collection, "" otherwise.</summary>
    public string PeriodQuery => Period == "" ? "" : $"?periode={Period}";

    /// <summary>The query for a link in this period with one more parameter: "?periode=2023&amp;gemt=1" or "?gemt=1".</summary>
    public string QueryWith(string parameter) => Period == "" ? $"?{parameter}" : $"{PeriodQuery}&{parameter}";

    public bool IsRespondent(int organisationId) => Respondents.Any(r => r.Id == organisationId);

    public bool CanAdminister(UserContext user) => Access.CanAdminister(user, Collection.OwnerOrganisationId);

    /// <summary>The collection as this user may know it: null when it does not exist, or is a draft the user does not administer.</summary>
    /// <param name="db">Where to read.</param>
    /// <param name="slug">The collection.</param>
    /// <param name="user">Who asks.</param>
    /// <param name="ct">Stops the work.</param>
    /// <param name="onlyRespondent">As in <see cref="Load"/>: only this respondent's membership.</param>
    public static async Task<CollectionContext?> LoadVisible(AppDbContext db, string slug, UserContext user, CancellationToken ct = default, string? onlyRespondent = null) =>
        await Load(db, slug, ct, onlyRespondent) is { } ctx && !ctx.HiddenFrom(user) ? ctx : null;

    /// <summary>The collection in one period (the latest when none is given), or null when either does not exist.</summary>
    public static async Task<CollectionContext?> LoadPeriod(AppDbContext db, string slug, string? period, CancellationToken ct = default) =>
        (await Load(db, slug, ct))?.ForPeriod(period);

    /// <param name="db">Where to read.</param>
    /// <param name="slug">The collection.</param>
    /// <param name="ct">Stops the work.</param>
    /// <param name="onlyRespondent">
    /// Load only this respondent's membership (an organisation slug): <see cref="Respondents"/> and
    /// <see cref="Memberships"/> then hold it alone, which is all that reading or saving one response needs. A draft
    /// save loading and tracking all 98 memberships spent a quarter of its time on them (`bench load`).
    /// </param>
    public static async Task<CollectionContext?> Load(AppDbContext db, string slug, CancellationToken ct = default, string? onlyRespondent = null)
    {
        var collection = await db.Collections.Include(c => c.Owner).Include(c => c.FormVersion).Include(c => c.CopiedFrom)
            .FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (collection is null) return null;
        var memberships = await db.CollectionRespondents.Include(r => r.Organisation)
            .Where(r => r.CollectionId == collection.Id && (onlyRespondent == null || r.Organisation!.Slug == onlyRespondent)).ToListAsync(ct);
        var respondents = memberships.Where(m => m.IsActive).Select(m => m.Organisation!).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        return new CollectionContext(collection, FormSpecs.Get(collection.FormVersion!), respondents)
        {
            Memberships = memberships.OrderBy(m => m.Organisation!.Name, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>Finds a respondent of this collection by slug, if the user may see its response.</summary>
    public Outcome<Organisation> RespondentFor(UserContext user, string orgSlug)
    {
        // A removed respondent's response is still there to read (marked), by the secretariat and by itself.
        var org = HiddenFrom(user) ? null : Memberships.Select(m => m.Organisation!).FirstOrDefault(r => r.Slug == orgSlug);
        // Not-a-respondent and not-allowed look the same from outside: no probing for which organisations answer.
        if (org is null || !Access.CanViewResponse(user, Collection.OwnerOrganisationId, org.Id))
            return org is null ? Outcome<Organisation>.Fail(Problem.NotFound, "Besvarelsen findes ikke.")
                : Outcome<Organisation>.Fail(Problem.Forbidden, "Du har ikke adgang til denne organisations besvarelse.");
        return Outcome<Organisation>.Success(org);
    }
}

/// <summary>Parsed form versions, cached: a stored version never changes.</summary>
public static class FormSpecs
{
    static readonly ConcurrentDictionary<string, FormSpec> Cache = new();

    public static FormSpec Get(FormVersion version) =>
        Cache.GetOrAdd(version.Sha256 + ":" + version.Id, _ => FormSpecReader.Parse(version.Json));
}
