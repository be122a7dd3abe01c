using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Samraad.Auth;
using Samraad.Data;
using Samraad.Features.Collections.Forms;
using Samraad.Features.Reference;

namespace Samraad.Features.Collections;

/// <summary>A collection with its parsed current form and its respondents: what every page and endpoint starts from.</summary>
public sealed record CollectionContext(Collection Collection, FormSpec Form, IReadOnlyList<Organisation> Respondents)
{
    public bool IsRespondent(int organisationId) => Respondents.Any(r => r.Id == organisationId);

    public bool CanAdminister(UserContext user) => Access.CanAdminister(user, Collection.OwnerOrganisationId);

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
