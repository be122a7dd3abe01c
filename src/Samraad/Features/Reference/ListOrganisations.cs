using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Reference;

/// <summary>Filters for the reference list: kind, region code, KKR slug, group ("set:group").</summary>
public sealed record OrganisationFilter(string? Kind, int? Region, string? Kkr, string? Group);

/// <summary>An organisation with its KKR and its group in each group set.</summary>
public sealed record OrganisationRow(Organisation Organisation, string? Kkr, string? Region, IReadOnlyDictionary<string, string> Groups);

public sealed class ListOrganisations(AppDbContext db)
{
    public async Task<List<OrganisationRow>> Handle(OrganisationFilter filter, CancellationToken ct = default)
    {
        var query = db.Organisations.Include(o => o.Kkr).AsQueryable();
        if (Enum.TryParse<OrganisationKind>(filter.Kind, true, out var kind)) query = query.Where(o => o.Kind == kind);
        if (filter.Region is int region) query = query.Where(o => o.RegionCode == region);
        if (!string.IsNullOrEmpty(filter.Kkr)) query = query.Where(o => o.Kkr!.Slug == filter.Kkr || o.Slug == filter.Kkr);
        if (filter.Group?.Split(':', 2) is [var set, var group])
            query = query.Where(o => db.GroupMembers.Any(m => m.OrganisationId == o.Id && m.Group!.Name == group && m.Group.GroupSet!.Key == set));
        var orgs = await query.OrderBy(o => o.Kind).ThenBy(o => o.MunicipalityCode).ThenBy(o => o.Name).ToListAsync(ct);
        var ids = orgs.Select(o => o.Id).ToList();
        var groups = (await db.GroupMembers.Where(m => ids.Contains(m.OrganisationId))
                .Select(m => new { m.OrganisationId, Set = m.Group!.GroupSet!.Key, m.Group.Name }).ToListAsync(ct))
            .ToLookup(m => m.OrganisationId);
        var regions = await db.Organisations.Where(o => o.Kind == OrganisationKind.Region).ToDictionaryAsync(o => o.RegionCode!.Value, o => o.Name, ct);
        return orgs.Select(o => new OrganisationRow(o, o.Kkr?.Name, o.RegionCode is int rc ? regions.GetValueOrDefault(rc) : null,
            groups[o.Id].ToDictionary(g => g.Set, g => g.Name))).ToList();
    }
}
