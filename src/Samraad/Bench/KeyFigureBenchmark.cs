using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Indicators;
using Samraad.Features.Reference;

namespace Samraad.Bench;

/// <summary>
/// The period benchmark: a key figure set with the 98 municipalities as reporters, 500 fields and 10 yearly periods
/// (490,000 figures), summarised per period and field across reporters as the app does it, against the same
/// GROUP BY written by hand. Both must agree before a time is quoted.
/// </summary>
public sealed class KeyFigureBenchmark(IServiceProvider services)
{
    public const string Slug = "bench-noegletal";
    const int Fields = 500, Periods = 10;

    public async Task<(double AppMs, double SqlMs)> Handle(int runs, TextWriter log, CancellationToken ct = default)
    {
        int setId;
        using (var scope = services.CreateScope()) setId = await Ensure(scope.ServiceProvider.GetRequiredService<AppDbContext>(), log, ct);
        var app = await Timing.Measure(services, runs, async db => (await SummariseKeyFigures.Handle(db, setId, ct: ct)).ToDictionary(s => (s.Period, s.Key), s => (s.Reported, s.Sum)));
        var sql = await Timing.Measure(services, runs, async db => await HandWritten(db, setId, ct));
        if (app.Result.Count != sql.Result.Count || app.Result.Any(kv => sql.Result[kv.Key].Reported != kv.Value.Reported || sql.Result[kv.Key].Sum != kv.Value.Sum))
            throw new InvalidOperationException("Den håndskrevne SQL og Samraads sammendrag giver ikke de samme tal.");
        await log.WriteLineAsync($"Nøgletal: sammendrag pr. periode og felt (98 indberettere × {Fields} felter × {Periods} perioder)  median {app.Median:0.0} ms (min {app.Min:0.0}, max {app.Max:0.0})");
        await log.WriteLineAsync($"Samme sammendrag med håndskrevet SQL GROUP BY                                          median {sql.Median:0.0} ms (min {sql.Min:0.0}, max {sql.Max:0.0})");
        await log.WriteLineAsync($"Forhold Samraad / håndskrevet SQL (medianer): {(app.Median / sql.Median).ToString("0.00", DanishTime.Culture)}; {app.Result.Count.ToString("N0", DanishTime.Culture)} felter × perioder ens.");
        return (app.Median, sql.Median);
    }

    static async Task<Dictionary<(string, string), (int Reported, decimal? Sum)>> HandWritten(AppDbContext db, int setId, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        // Values are whole numbers here, so SQLite's SUM over its stored text is exact and comparable.
        cmd.CommandText = """
            SELECT "Period", "Key", COUNT("Value"), SUM("Value"), COUNT("MissingCode")
            FROM "KeyFigureValues" WHERE "SetId" = @s GROUP BY "Period", "Key"
            """;
        var p = cmd.CreateParameter();
        p.ParameterName = "@s";
        p.Value = setId;
        cmd.Parameters.Add(p);
        var result = new Dictionary<(string, string), (int, decimal?)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result[(reader.GetString(0), reader.GetString(1))] = (Convert.ToInt32(reader.GetValue(2)), reader.IsDBNull(3) ? null : Convert.ToDecimal(reader.GetValue(3)));
        return result;
    }


    static async Task<int> Ensure(AppDbContext db, TextWriter log, CancellationToken ct)
    {
        if (await db.KeyFigureSets.FirstOrDefaultAsync(s => s.Slug == Slug, ct) is { } existing) return existing.Id;
        var owner = await db.Organisations.FirstAsync(o => o.Slug == "kkr-sjaelland", ct);
        var municipalities = await db.Organisations.Where(o => o.Kind == OrganisationKind.Kommune).Select(o => o.Id).ToListAsync(ct);
        var fields = Enumerable.Range(1, Fields).Select(i => new FieldDef($"f{i:D3}", $"Felt {i}", null, "t")).ToList();
        var definition = new KeyFigureDefinition { Tables = [new TableDef("t", "Benchmark")], Fields = fields, MissingCodes = [new MissingCodeDef("ved-ikke", "Ved ikke")] };
        var set = new KeyFigureSet
        {
            Slug = Slug, Title = "Benchmark: 98 kommuner × 500 felter × 10 år (syntetiske data)", Source = "Syntetiske benchmarkdata", OwnerOrganisationId = owner.Id,
            PeriodKind = PeriodKind.Year, FirstPeriod = "2015", LastPeriod = "2024", DefinitionJson = definition.ToJson(),
            Reporters = municipalities.Select(id => new KeyFigureReporter { OrganisationId = id }).ToList(),
        };
        db.KeyFigureSets.Add(set);
        await db.SaveChangesAsync(ct);
        var sw = Stopwatch.StartNew();
        var random = new Random(490_000);
        var now = DateTime.UtcNow;
        var postgres = db.Database.IsNpgsql();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await BulkInsert.Rows(db, "KeyFigureValues", ["SetId", "OrganisationId", "Period", "Key", "Value", "MissingCode", "EnteredBy", "EnteredAtUtc"],
                municipalities.Count * Fields * Periods, i =>
                {
                    var missing = random.Next(50) == 0;
                    object value = missing ? DBNull.Value : postgres ? (decimal)random.Next(10_000) : random.Next(10_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return [set.Id, municipalities[i / (Fields * Periods)], (2015 + i / Fields % Periods).ToString(), $"f{i % Fields + 1:D3}", value,
                        missing ? "ved-ikke" : DBNull.Value, "bench", postgres ? now : now.ToString("yyyy-MM-dd HH:mm:ss")];
                }, ct);
            await tx.CommitAsync(ct);
        }
        await db.Database.ExecuteSqlRawAsync(postgres ? "VACUUM ANALYZE \"KeyFigureValues\"" : "ANALYZE", ct);
        await log.WriteLineAsync($"Benchmarkdata dannet: {(municipalities.Count * Fields * Periods).ToString("N0", DanishTime.Culture)} nøgletal på {sw.Elapsed.TotalSeconds:0} s.");
        return set.Id;
    }
}
