using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Reference;

namespace Samraad.Features.Collections.Authoring;

/// <summary>
/// The groups a secretariat picks respondents by: a KKR's municipalities, all 98 municipalities, a region's
/// municipalities, a group of a group set (DST's, KL's), all regions, all partners. Keys are stable text
/// ("kkr:kkr-sjaelland", "kind:Kommune", "region:1085", "group:kl:Landkommuner") so pages, API and CLI share them.
/// </summary>
public sealed class RespondentGroups(AppDbContext db)
{
    public sealed record Option(string Key, string Label);

    public async Task<List<Option>> Options(CancellationToken ct = default)
    {
        var options = new List<Option>();
        foreach (var kkr in await db.Organisations.Where(o => o.Kind == OrganisationKind.Kkr).OrderBy(o => o.Name).ToListAsync(ct))
            options.Add(new($"kkr:{kkr.Slug}", $"{kkr.Name}s kommuner"));
        options.Add(new("kind:Kommune", "Alle kommuner"));
        foreach (var region in await db.Organisations.Where(o => o.Kind == OrganisationKind.Region).OrderBy(o => o.Name).ToListAsync(ct))
            options.Add(new($"region:{region.RegionCode}", $"Kommunerne i {region.Name}"));
        options.Add(new("kind:Region", "Alle regioner"));
        options.Add(new("kind:Partner", "Alle partnere"));
        foreach (var group in await db.Groups.Include(g => g.GroupSet).OrderBy(g => g.GroupSet!.SortOrder).ThenBy(g => g.SortOrder).ToListAsync(ct))
            options.Add(new($"group:{group.GroupSet!.Key}:{group.Name}", $"{group.GroupSet.Name}: {group.Name}"));
        return options;
    }

    /// <summary>The organisations of a group, or null when the key names no group.</summary>
    public async Task<List<Organisation>?> Members(string? key, CancellationToken ct = default)
    {
        var parts = (key ?? "").Split(':', 3);
        IQueryable<Organisation>? query = parts switch
        {
            ["kkr", var slug] => db.Organisations.Where(o => o.Kind == OrganisationKind.Kommune && o.Kkr!.Slug == slug),
            ["kind", var kind] when Enum.TryParse<OrganisationKind>(kind, out var k) && Enum.IsDefined(k) => db.Organisations.Where(o => o.Kind == k),
            ["region", var code] when int.TryParse(code, out var rc) => db.Organisations.Where(o => o.Kind == OrganisationKind.Kommune && o.RegionCode == rc),
            ["group", var set, var name] => db.Organisations.Where(o => db.GroupMembers.Any(m => m.OrganisationId == o.Id && m.Group!.Name == name && m.Group.GroupSet!.Key == set)),
            _ => null,
        };
        if (query is null) return null;
        var members = await query.OrderBy(o => o.Name).ToListAsync(ct);
        return members.Count == 0 && !(await Options(ct)).Any(o => o.Key == key) ? null : members;
    }
}
