using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Documents;

namespace Samraad.Features.Reference;

/// <summary>Loads partner organisations and agencies (partnere.csv: slug, navn, type, regionskode, kilde).</summary>
public sealed class ImportPartners(AppDbContext db)
{
    public async Task<int> Handle(string csvText, CancellationToken ct = default)
    {
        var rows = Csv.Read(csvText, out _);
        var existing = await db.Organisations.ToDictionaryAsync(o => o.Slug, ct);
        foreach (var r in rows)
        {
            if (!Enum.TryParse<OrganisationKind>(r["type"], out var kind))
                throw new InvalidDataException($"partnere.csv: ukendt type »{r["type"]}« for {r["slug"]}");
            if (!existing.TryGetValue(r["slug"], out var org)) db.Organisations.Add(org = new Organisation { Slug = r["slug"] });
            org.Name = r["navn"];
            org.Kind = kind;
            org.RegionCode = int.TryParse(r.GetValueOrDefault("regionskode"), out var rc) ? rc : null;
            org.Source = r.GetValueOrDefault("kilde");
        }
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }
}
