using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Surveys;

namespace Samraad.Bench;

/// <summary>
/// The survey benchmark: 100,000 synthetic respondents × 10 questions (1,000,000 answers) in the 5 regions and 14
/// clusters, then one question pivoted by region × answer as the app does it (survey loaded, EF GROUP BY, the pivot
/// with percentages and checks built) against one hand-written SQL GROUP BY over the same table. Both must count
/// the same before a time is quoted.
/// </summary>
public sealed class SurveyBenchmark(IServiceProvider services)
{
    public const string Slug = "bench-undersoegelse";
    const int Questions = 10;

    public async Task<(double AppMs, double SqlMs)> Handle(int runs, int respondents, TextWriter log, CancellationToken ct = default)
    {
        using (var scope = services.CreateScope()) await Ensure(scope.ServiceProvider.GetRequiredService<AppDbContext>(), respondents, log, ct);
        var app = await Timing.Measure(services, runs, async db =>
        {
            var ctx = (await SurveyContext.Load(db, Slug, ct))!;
            var pivot = await ctx.Pivot(db, "q1", "region", ct: ct);
            return pivot.Rows.SelectMany(r => r.Cells.SkipLast(1).Select((c, j) => (r.Label, Column: pivot.Columns[j], c.Count)))
                .Where(x => x.Label != SurveyDefinition.Total).ToDictionary(x => (x.Label, x.Column), x => x.Count);
        });
        var sql = await Timing.Measure(services, runs, async db => await HandWritten(db, ct));
        var labels = new[] { "I høj grad", "I nogen grad", "I mindre grad", "Slet ikke", "Ved ikke" };
        var translated = sql.Result.ToDictionary(kv => (kv.Key.Answer is short a ? labels[a] : SurveyDefinition.Blank, kv.Key.Region), kv => kv.Value);
        if (!app.Result.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key).SequenceEqual(translated.OrderBy(kv => kv.Key)))
            throw new InvalidOperationException("Den håndskrevne SQL og Samraads pivottabel tæller ikke det samme.");
        await log.WriteLineAsync($"Pivottabel: 1 spørgsmål × region × svar ({respondents.ToString("N0", DanishTime.Culture)} besvarelser × {Questions} spørgsmål)  median {app.Median:0.0} ms (min {app.Min:0.0}, max {app.Max:0.0})");
        await log.WriteLineAsync($"Samme optælling med én håndskrevet SQL GROUP BY                                        median {sql.Median:0.0} ms (min {sql.Min:0.0}, max {sql.Max:0.0})");
        await log.WriteLineAsync($"Forhold Samraad / håndskrevet SQL (medianer): {(app.Median / sql.Median).ToString("0.00", DanishTime.Culture)}; {app.Result.Values.Sum().ToString("N0", DanishTime.Culture)} svar talt ens.");
        return (app.Median, sql.Median);
    }

    static async Task<Dictionary<(short? Answer, string Region), int>> HandWritten(AppDbContext db, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            SELECT "D1", "Answer", COUNT(*) FROM "SurveyAnswers"
            WHERE "SurveyId" = (SELECT "Id" FROM "Surveys" WHERE "Slug" = @slug) AND "Question" = 0
            GROUP BY "D1", "Answer"
            """;
        var p = cmd.CreateParameter();
        p.ParameterName = "@slug";
        p.Value = Slug;
        cmd.Parameters.Add(p);
        var result = new Dictionary<(short?, string), int>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result[(reader.IsDBNull(1) ? null : Convert.ToInt16(reader.GetValue(1)), reader.GetString(0))] = Convert.ToInt32(reader.GetValue(2));
        return result;
    }


    /// <summary>Creates the benchmark survey and its rows once, in one transaction; answers skewed like real ones, 15 % blank.</summary>
    static async Task Ensure(AppDbContext db, int respondents, TextWriter log, CancellationToken ct)
    {
        if (await db.Surveys.AnyAsync(s => s.Slug == Slug, ct)) return;
        var template = await db.Surveys.FirstAsync(s => s.Slug == "klyngedeltagersurvey", ct);
        var clusters = Enumerable.Range(1, 14).Select(i => $"Klynge {i}").ToList();
        var def = new SurveyDefinition(Slug, "Benchmark: 100.000 besvarelser (syntetiske data)", "kkr-sjaelland", "Syntetiske benchmarkdata", "Syntetiske data.",
            "besvarelser", "id",
            [new SurveyDimension("region", "Region", "region", DimensionKind.Region), new SurveyDimension("klynge", "Klynge", "klynge", DimensionKind.Text, clusters)],
            new Dictionary<string, List<string>> { ["grad"] = ["I høj grad", "I nogen grad", "I mindre grad", "Slet ikke", "Ved ikke"] }, null,
            Enumerable.Range(1, Questions).Select(i => new SurveyQuestion($"q{i}", $"q{i}", $"Spørgsmål {i}", "grad")).ToList(), null, null);
        var survey = new Survey { Slug = Slug, Title = def.Title, OwnerOrganisationId = template.OwnerOrganisationId, DefinitionJson = def.ToJson() };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        var regions = new[] { "Region Hovedstaden", "Region Midtjylland", "Region Nordjylland", "Region Sjælland", "Region Syddanmark" };
        var sw = Stopwatch.StartNew();
        var random = new Random(100_000);
        var who = Enumerable.Range(0, respondents).Select(_ => (Region: regions[random.Next(100) switch { < 32 => 0, < 55 => 1, < 65 => 2, < 81 => 3, _ => 4 }], Cluster: clusters[random.Next(clusters.Count)])).ToArray();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await BulkInsert.Rows(db, "SurveyRespondents", ["SurveyId", "No", "Key", "D1", "D2"], respondents, i =>
                [survey.Id, i + 1, $"R{i + 1:D6}", who[i].Region, who[i].Cluster], ct);
            await BulkInsert.Rows(db, "SurveyAnswers", ["SurveyId", "RespondentNo", "Question", "Answer", "D1", "D2"], respondents * Questions, i =>
            {
                var r = i / Questions;
                var roll = random.Next(100);
                object answer = roll < 15 ? DBNull.Value : (short)(roll switch { < 35 => 0, < 65 => 1, < 80 => 2, < 88 => 3, _ => 4 });
                return [survey.Id, r + 1, (short)(i % Questions), answer, who[r].Region, who[r].Cluster];
            }, ct);
            await tx.CommitAsync(ct);
        }
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM ANALYZE \"SurveyAnswers\", \"SurveyRespondents\"" : "ANALYZE", ct);
        await log.WriteLineAsync($"Benchmarkdata dannet: {respondents.ToString("N0", DanishTime.Culture)} besvarelser × {Questions} spørgsmål på {sw.Elapsed.TotalSeconds:0} s.");
    }
}
