using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections.Forms;
using Samraad.Features.Reference;

namespace Samraad.Features.Collections;

/// <summary>A collection with its parsed current form and its respondents: what every page and endpoint starts from.</summary>
public sealed record CollectionContext(Collection Collection, FormSpec Form, IReadOnlyList<Organisation> Respondents)
{
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

    /// <summary>The collection in one period (the latest when none is given), or null when either does not exist.</summary>
    public static async Task<CollectionContext?> LoadPeriod(AppDbContext db, string slug, string? period, CancellationToken ct = default) =>
        (await Load(db, slug, ct))?.ForPeriod(period);

    public static async Task<CollectionContext?> Load(AppDbContext db, string slug, CancellationToken ct = default)
    {
        var collection = await db.Collections.Include(c => c.Owner).Include(c => c.FormVersion)
            .FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (collection is null) return null;
        var respondents = await db.CollectionRespondents.Where(r => r.CollectionId == collection.Id)
            .Select(r => r.Organisation!).OrderBy(o => o.Name).ToListAsync(ct);
        return new CollectionContext(collection, FormSpecs.Get(collection.FormVersion!), respondents);
    }

    /// <summary>Finds a respondent of this collection by slug, if the user may see its response.</summary>
    public Outcome<Organisation> RespondentFor(UserContext user, string orgSlug)
    {
        var org = Respondents.FirstOrDefault(r => r.Slug == orgSlug);
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
