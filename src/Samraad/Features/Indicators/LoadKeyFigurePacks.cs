using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Documents;

namespace Samraad.Features.Indicators;

/// <summary>
/// packs/**/keyfigures.json: a key figure set (owner, reporters, periods, fields, indicators, checks, printed figures)
/// and its values.csv (indberetter, periode, felt, vaerdi, mangelkode) as printed. Refuses a pack that does not hold
/// together (a formula naming an unknown field, a value for a period outside the range) with the line at fault.
/// </summary>
public sealed class LoadKeyFigurePacks(AppDbContext db, TimeProvider clock, ILogger<LoadKeyFigurePacks> log, PackReport report)
{
    sealed record Pack(string Slug, string Title, string Owner, List<string> Reporters, string Source, string? Note, PeriodKind PeriodKind,
        string FirstPeriod, string LastPeriod, JsonElement Definition);

    static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public async Task Handle(string packsDir, CancellationToken ct = default)
    {
        await report.ForEach(packsDir, "keyfigures.json", db, log, clock, async file =>
        {
            var pack = JsonSerializer.Deserialize<Pack>(await File.ReadAllTextAsync(file, ct), Json) ?? throw new InvalidDataException($"{file} er tom");
            if (await db.KeyFigureSets.AnyAsync(s => s.Slug == pack.Slug, ct)) return;
            var definition = KeyFigureDefinition.Parse(pack.Definition.GetRawText());
            var problems = definition.Problems();
            if (Periods.Parse(pack.PeriodKind, pack.FirstPeriod) is null || Periods.Parse(pack.PeriodKind, pack.LastPeriod) is null)
                problems.Add($"Perioderne {pack.FirstPeriod}–{pack.LastPeriod} passer ikke til periodetypen {pack.PeriodKind}.");
            if (definition.Collection is { } source)
            {
                var collection = await db.Collections.FirstOrDefaultAsync(c => c.Slug == source, ct);
                if (collection is null) problems.Add($"Indsamlingen »{source}«, som tallene skal komme fra, findes ikke.");
                else if (collection.PeriodKind != pack.PeriodKind) problems.Add($"Indsamlingen »{source}« gentages ikke pr. {pack.PeriodKind}.");
            }
            if (problems.Count > 0) throw new InvalidDataException($"{file}: {string.Join(" ", problems)}");

            var owner = await db.Organisations.FirstOrDefaultAsync(o => o.Slug == pack.Owner, ct) ?? throw new InvalidDataException($"{file}: ejeren »{pack.Owner}« findes ikke");
            var reporters = await db.Organisations.Where(o => pack.Reporters.Contains(o.Slug)).ToListAsync(ct);
            if (reporters.Count != pack.Reporters.Count)
                throw new InvalidDataException($"{file}: indberetterne {string.Join(", ", pack.Reporters.Except(reporters.Select(r => r.Slug)))} findes ikke");
            var set = new KeyFigureSet
            {
                Slug = pack.Slug, Title = pack.Title, Source = pack.Source, Note = pack.Note, OwnerOrganisationId = owner.Id, PeriodKind = pack.PeriodKind,
                FirstPeriod = pack.FirstPeriod, LastPeriod = pack.LastPeriod, DefinitionJson = definition.ToJson(),
                Reporters = reporters.Select(r => new KeyFigureReporter { OrganisationId = r.Id }).ToList(),
            };
            var valuesFile = Path.Combine(Path.GetDirectoryName(file)!, "values.csv");
            var values = File.Exists(valuesFile) && definition.Collection is null ? ReadValues(set, definition, reporters.ToDictionary(r => r.Slug, r => r.Id), valuesFile, clock.GetUtcNow().UtcDateTime) : [];
            db.KeyFigureSets.Add(set);
            await db.SaveChangesAsync(ct);
            foreach (var v in values) v.SetId = set.Id;
            db.KeyFigureValues.AddRange(values);
            await db.SaveChangesAsync(ct);
            log.LogInformation("Nøgletal {Slug} indlæst: {Fields} felter, {Indicators} indikatorer, {Values} tal", pack.Slug, definition.Fields.Count, definition.Indicators.Count, values.Count);
        });
    }

    static List<KeyFigureValue> ReadValues(KeyFigureSet set, KeyFigureDefinition def, Dictionary<string, int> reporters, string file, DateTime now)
    {
        var fields = def.Fields.Select(f => f.Key).ToHashSet();
        var codes = def.MissingCodes.Select(m => m.Key).ToHashSet();
        var periods = set.Periods().ToHashSet();
        var errors = new List<string>();
        var values = new List<KeyFigureValue>();
        foreach (var (line, row) in Csv.ReadWithLines(File.ReadAllText(file), out _))
        {
            var reporter = row.GetValueOrDefault("indberetter", "");
            var period = row.GetValueOrDefault("periode", "");
            var key = row.GetValueOrDefault("felt", "");
            var raw = row.GetValueOrDefault("vaerdi", "");
            var code = row.GetValueOrDefault("mangelkode", "");
            if (!reporters.TryGetValue(reporter, out var org)) errors.Add($"linje {line}: indberetteren »{reporter}« hører ikke til sættet");
            if (!periods.Contains(period)) errors.Add($"linje {line}: perioden »{period}« ligger uden for {set.FirstPeriod}–{set.LastPeriod}");
            if (!fields.Contains(key)) errors.Add($"linje {line}: feltet »{key}« findes ikke");
            decimal? value = null;
            if (code != "") { if (!codes.Contains(code)) errors.Add($"linje {line}: mangelkoden »{code}« findes ikke"); }
            else if (decimal.TryParse(raw, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)) value = d;
            else errors.Add($"linje {line}: »{raw}« er ikke et tal");
            values.Add(new KeyFigureValue { OrganisationId = org, Period = period, Key = key, Value = value, MissingCode = code == "" ? null : code,
                EnteredBy = "Indlæst fra bilagsmappen", EnteredAtUtc = now });
        }
        foreach (var dup in values.GroupBy(v => (v.OrganisationId, v.Period, v.Key)).Where(g => g.Count() > 1))
            errors.Add($"feltet »{dup.Key.Key}« for {dup.Key.Period} står flere gange");
        if (errors.Count > 0) throw new InvalidDataException($"{file}: {string.Join("; ", errors)}");
        return values;
    }
}
