using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections;
using Samraad.Features.Collections.Forms;
using Samraad.Features.Collections.Summaries;
using Samraad.Features.Meetings;
using Samraad.Features.Reference;

namespace Samraad.Bench;

/// <summary>
/// `samraad bench`: times the read paths at national scale (98 respondents) and compares the summary with a
/// hand-written SQL GROUP BY on the same data, after checking that both give the same counts.
/// Medians, because the machine is small and noisy.
/// </summary>
public sealed class RunBenchmarks(IServiceProvider services)
{
    public sealed record Measurement(string Name, int Runs, double MedianMs, double MinMs, double MaxMs);

    public async Task<List<Measurement>> Handle(int runs, TextWriter log, string? only = null, CancellationToken ct = default)
    {
        if (only == "contracts")
        {
            await new ContractBenchmark(services).Handle(runs, 1_000_000, 200_000, log, ct);
            return [];
        }
        if (only == "surveys")
        {
            await new SurveyBenchmark(services).Handle(runs, 100_000, log, ct);
            await new KeyFigureBenchmark(services).Handle(runs, log, ct);
            return [];
        }
        if (only == "packet")
        {
            var packet = await PacketBuild(runs, log, ct);
            await log.WriteLineAsync($"{packet.Name,-62} median {packet.MedianMs,8:0.00} ms  (min {packet.MinMs:0.00}, max {packet.MaxMs:0.00}, {packet.Runs} kørsler)");
            return [packet];
        }
        await Scoped(db => new NationalDataGenerator(db).Ensure(ct));
        await Scoped(db => new NationalDataGenerator(db).EnsureAllTypes(ct));
        var results = new List<Measurement>
        {
            await Time("Sammendrag (indlæs + beregn, opdelt på DST-kommunegrupper)", runs, db => Summary(db, ct)),
            await Time("Oversigtstabel (98 × 21)", runs, async db =>
            {
                var ctx = (await CollectionContext.Load(db, NationalDataGenerator.Slug, ct))!;
                var input = await LoadSummaryInput.Handle(db, ctx, ct);
                return Matrix.Build(input, [], includeText: true).Rows.Count;
            }),
            await Time("CSV-eksport", runs, async db =>
                (await new ExportResponses(db).Handle((await CollectionContext.Load(db, NationalDataGenerator.Slug, ct))!, "csv", ct)).Content.Length),
            await Time("SQL-basislinje: GROUP BY på seneste kvitteringer", runs, db => SqlBaseline(db, ct)),
            // Every field type: multi-select, a conditional question, Likert, a matrix, a five-row project table.
            await Time("Sammendrag, alle felttyper (98 kommuner, betingelser, flervalg, tabel)", runs, async db =>
            {
                var ctx = (await CollectionContext.Load(db, NationalDataGenerator.AllTypesSlug, ct))!;
                var report = await new ComputeSummary(db).Handle(ctx, null, ct);
                return report.Leaves.Count + report.RepeatingTables.Sum(t => t.Rows);
            }),
        };
        await CheckBaselineAgrees(ct);
        if (only == "collections")
        {
            foreach (var r in results)
                await log.WriteLineAsync($"{r.Name,-62} median {r.MedianMs,8:0.00} ms  (min {r.MinMs:0.00}, max {r.MaxMs:0.00}, {r.Runs} kørsler)");
            return results;
        }
        results.Add(await PacketBuild(Math.Max(3, runs / 5), log, ct));
        foreach (var r in results)
            await log.WriteLineAsync($"{r.Name,-62} median {r.MedianMs,8:0.00} ms  (min {r.MinMs:0.00}, max {r.MaxMs:0.00}, {r.Runs} kørsler)");
        var ratio = results[0].MedianMs / results[3].MedianMs; // summary vs SQL baseline
        await log.WriteLineAsync($"Forhold sammendrag / SQL-basislinje (medianer): {ratio:0.0}");
        await new ContractBenchmark(services).Handle(Math.Max(3, runs / 3), 1_000_000, 200_000, log, ct);
        await new SurveyBenchmark(services).Handle(runs, 100_000, log, ct);
        await new KeyFigureBenchmark(services).Handle(runs, log, ct);
        return results;
    }

    /// <summary>The packet of a generated meeting (20 items, ~200 attachment pages), with the split of each run's time.</summary>
    async Task<Measurement> PacketBuild(int runs, TextWriter log, CancellationToken ct)
    {
        var (meeting, pdfs) = GeneratedMeeting.Create();
        var attachmentPages = pdfs.Values.Sum(p => global::Samraad.Documents.Pdf.PdfFiles.PageCount(p.Pdf));
        var packetPages = 0;
        var splits = new List<PacketTimings>();
        var measured = await Time($"Dagsordenspakke: 20 punkter, {attachmentPages} siders bilag (Chromium + PDFsharp)", runs, async db =>
        {
            using var scope = services.CreateScope();
            var packet = await scope.ServiceProvider.GetRequiredService<BuildPacket>().Handle(meeting, pdfs, 1, DateTime.UtcNow, ct);
            splits.Add(packet.Timings);
            return packetPages = packet.Pages;
        });
        static double Median(IEnumerable<TimeSpan> times) => times.Select(t => t.TotalMilliseconds).Order().ElementAt(times.Count() / 2);
        await log.WriteLineAsync($"Dagsordenspakken fik {packetPages} sider. Fordeling (medianer): punkter udskrevet {Median(splits.Select(s => s.Items)):0} ms, " +
            $"forside og indhold {Median(splits.Select(s => s.Contents)):0} ms, samling og stempling {Median(splits.Select(s => s.Merge)):0} ms.");
        return measured;
    }

    async Task<T> Scoped<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    async Task<Measurement> Time<T>(string name, int runs, Func<AppDbContext, Task<T>> work)
    {
        var t = await Timing.Measure(services, runs, work);
        return new Measurement(name, runs, t.Median, t.Min, t.Max);
    }

    static async Task<IReadOnlyList<LeafSummary>> Summary(AppDbContext db, CancellationToken ct)
    {
        var ctx = (await CollectionContext.Load(db, NationalDataGenerator.Slug, ct))!;
        var report = await new ComputeSummary(db).Handle(ctx, GroupSets.DstKommunegrupper, ct);
        return report.Leaves;
    }

    /// <summary>Per field and value, how many respondents' latest receipts hold it — the core of the summary, by hand.</summary>
    static async Task<Dictionary<(string Field, string Value), int>> SqlBaseline(AppDbContext db, CancellationToken ct)
    {
        var collectionId = await db.Collections.Where(c => c.Slug == NationalDataGenerator.Slug).Select(c => c.Id).FirstAsync(ct);
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            SELECT a."FieldKey", COALESCE(a."Value", '[' || a."MissingCode" || ']'), COUNT(*)
            FROM "ReceiptAnswers" a JOIN "Responses" r ON r."LatestReceiptId" = a."ReceiptId"
            WHERE r."CollectionId" = @c AND r."Period" = ''
            GROUP BY a."FieldKey", COALESCE(a."Value", '[' || a."MissingCode" || ']')
            """;
        var p = cmd.CreateParameter();
        p.ParameterName = "@c";
        p.Value = collectionId;
        cmd.Parameters.Add(p);
        var counts = new Dictionary<(string, string), int>();
        await using DbDataReader reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) counts[(reader.GetString(0), reader.GetString(1))] = Convert.ToInt32(reader.GetValue(2));
        return counts;
    }

    /// <summary>The benchmark is only worth quoting if both ways count the same.</summary>
    async Task CheckBaselineAgrees(CancellationToken ct)
    {
        var sql = await Scoped(db => SqlBaseline(db, ct));
        var leaves = await Scoped(db => Summary(db, ct));
        foreach (var leaf in leaves.Where(l => FieldValues.IsCategorical(l.Leaf.Spec.Type)))
        foreach (var option in leaf.Options.Concat(leaf.MissingCodes))
        {
            var key = option.IsMissingCode ? $"[{option.Key}]" : option.Key;
            if (sql.GetValueOrDefault((leaf.Leaf.Key, key)) != option.Count)
                throw new InvalidOperationException($"SQL-basislinjen og sammendraget er uenige om {leaf.Leaf.Key}={key}");
        }
    }
}
