using Microsoft.EntityFrameworkCore;
using Samraad.Auth;
using Samraad.Data;

namespace Samraad.Features.Indicators;

/// <summary>
/// A key figure set with who may do what: the owner's secretariat sees and edits every reporter's figures, a reader
/// (e.g. a council member) sees them all, a reporting organisation sees and edits only its own.
/// </summary>
public sealed class KeyFigureContext(KeyFigureSet set, IReadOnlyList<(int Id, string Name)> reporters)
{
    public KeyFigureSet Set { get; } = set;
    public IReadOnlyList<(int Id, string Name)> Reporters { get; } = reporters;

    public static async Task<KeyFigureContext?> Load(AppDbContext db, string slug, CancellationToken ct = default)
    {
        var set = await db.KeyFigureSets.AsNoTracking().Include(s => s.Owner).Include(s => s.Reporters).ThenInclude(r => r.Organisation)
            .FirstOrDefaultAsync(s => s.Slug == slug, ct);
        return set is null ? null : new KeyFigureContext(set, set.Reporters.Select(r => (r.OrganisationId, r.Organisation!.Name)).OrderBy(r => r.Name, StringComparer.Create(DanishTime.Culture, false)).ToList());
    }

    public bool CanAdminister(UserContext user) => Access.CanAdminister(user, Set.OwnerOrganisationId);

    /// <summary>The reporters whose figures the user may see; empty = no access.</summary>
    public IReadOnlyList<(int Id, string Name)> Visible(UserContext user) =>
        CanAdminister(user) || user.Role == Roles.Reader ? Reporters : Reporters.Where(r => r.Id == user.OrganisationId).ToList();

    /// <summary>Figures are entered here, unless the set reads them from a collection (then they are reported there).</summary>
    public bool CanEdit(UserContext user, int organisationId) => Set.Definition().Collection is null &&
        Reporters.Any(r => r.Id == organisationId) && (CanAdminister(user) || (user.Role == Roles.Respondent && user.OrganisationId == organisationId));

    public async Task<KeyFigureReport> Report(AppDbContext db, IReadOnlyList<(int Id, string Name)> reporters, CancellationToken ct = default)
    {
        var ids = reporters.Select(r => r.Id).ToList();
        var values = Set.Definition().Collection is { } collection
            ? await CollectionFigures.Load(db, Set, collection, ids, ct)
            : await db.KeyFigureValues.AsNoTracking().Where(v => v.SetId == Set.Id && ids.Contains(v.OrganisationId)).ToListAsync(ct);
        return ComputeKeyFigures.Build(Set, reporters, values);
    }
}
