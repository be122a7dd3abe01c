using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Documents;

namespace Samraad.Features.Reference;

/// <summary>Loads per-municipality figures with source and year (befolkning.csv: kommunekode, aar, befolkning, kilde).</summary>
public sealed class ImportReferenceFigures(AppDbContext db)
{
    public async Task<int> Handle(string csvText, string key, string valueColumn, CancellationToken ct = default)
    {
        var rows = Csv.Read(csvText, out _);
        var byCode = await db.Organisations.Where(o => o.MunicipalityCode != null).ToDictionaryAsync(o => o.MunicipalityCode!.Value, ct);
        var existing = await db.ReferenceFigures.Where(f => f.Key == key).ToListAsync(ct);
        var line = 1;
        foreach (var r in rows)
        {
            line++;
            if (!int.TryParse(r["kommunekode"], out var code) || !byCode.TryGetValue(code, out var org)
                || !int.TryParse(r["aar"], out var year) || !long.TryParse(r[valueColumn], out var value))
                throw new InvalidDataException($"{key}: linje {line} kan ikke læses (kommunekode, aar, {valueColumn}).");
            var figure = existing.FirstOrDefault(f => f.OrganisationId == org.Id && f.Year == year);
            if (figure is null) db.ReferenceFigures.Add(figure = new ReferenceFigure { OrganisationId = org.Id, Key = key, Year = year });
            figure.Value = value;
            figure.Source = r.GetValueOrDefault("kilde") ?? "";
        }
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }
}
