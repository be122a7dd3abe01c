using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Contracts;

namespace Samraad.Bench;

/// <summary>
/// The contract benchmark: 1,000,000 registrations and 200,000 evaluations for a copy of the 2024 contract, then all
/// goal statuses as the app computes them (EF aggregates) against the same figures by hand-written SQL on the same
/// tables; the two must agree before any time is quoted.
/// </summary>
public sealed class ContractBenchmark(IServiceProvider services)
{
    public const string Slug = "bench-resultatkontrakt";

    public async Task<(double AppMs, double SqlMs)> Handle(int runs, int registrations, int evaluations, TextWriter log, CancellationToken ct = default)
    {
        using (var scope = services.CreateScope()) await Ensure(scope.ServiceProvider.GetRequiredService<AppDbContext>(), registrations, evaluations, log, ct);

        var app = await Timing.Measure(services, runs, async db => (await (await ContractContext.Load(db, Slug, ct))!.Report(db, ct)).Figures);
        var sql = await Timing.Measure(services, runs, async db =>
        {
            var ctx = (await ContractContext.Load(db, Slug, ct))!;
            return await HandWritten(db, ctx.Contract.Id, ctx.Contract.Year, ct);
        });
        if (!app.Result.SameAs(sql.Result)) throw new InvalidOperationException("Den håndskrevne SQL og Samraads beregning giver ikke de samme tal.");
        await log.WriteLineAsync($"Resultatkontrakt, alle måls status ({registrations.ToString("N0", DanishTime.Culture)} registreringer, {evaluations.ToString("N0", DanishTime.Culture)} evalueringer)  median {app.Median:0} ms (min {app.Min:0}, max {app.Max:0})");
        await log.WriteLineAsync($"Samme tal med håndskrevet SQL                                                        median {sql.Median:0} ms (min {sql.Min:0}, max {sql.Max:0})");
        await log.WriteLineAsync($"Forhold Samraad / håndskrevet SQL (medianer): {(app.Median / sql.Median).ToString("0.00", DanishTime.Culture)}; tallene er ens: {app.Result.Cases.ToString("N0", DanishTime.Culture)} forløb, {app.Result.Evaluations.ToString("N0", DanishTime.Culture)} evalueringer.");
        return (app.Median, sql.Median);
    }


    /// <summary>
    /// The figures by hand, as one would write them against these tables: the same three registration aggregates
    /// (per day/type/municipality, distinct companies, companies per HQ region) and the evaluation counts per segment.
    /// </summary>
    public static async Task<ContractFigures> HandWritten(AppDbContext db, int contractId, int year, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
        const string Where = "\"ContractId\" = @c AND \"Year\" = @year";
        async Task<List<object?[]>> Rows(string sql)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            Param(cmd, "@c", contractId);
            Param(cmd, "@year", year);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            var rows = new List<object?[]>();
            while (await reader.ReadAsync(ct))
            {
                var values = new object?[reader.FieldCount];
                for (var i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(values);
            }
            return rows;
        }
        static int I(object? v) => v is null ? 0 : Convert.ToInt32(v);
        static DateOnly D(object? v) => v switch { DateOnly d => d, DateTime dt => DateOnly.FromDateTime(dt), _ => DateOnly.Parse(v!.ToString()!) };

        var days = (await Rows($"""
            SELECT "StartDate", "Type", "MunicipalityCode", COUNT(*), COUNT(CASE WHEN "IsEsg" THEN 1 END),
                   COUNT(CASE WHEN "IsAiCheck" THEN 1 END), COUNT(CASE WHEN "ReferredExternal" THEN 1 END)
            FROM "Registrations" WHERE {Where}
            GROUP BY "StartDate", "Type", "MunicipalityCode"
            """)).Select(r => (Date: D(r[0]), Type: (CaseType)I(r[1]), Municipality: I(r[2]), N: I(r[3]), Esg: I(r[4]), Ai: I(r[5]), Referred: I(r[6]))).ToList();
        var companies = (await Rows($"""
            SELECT COUNT(*), SUM(guided) FROM
              (SELECT MAX(CASE WHEN "GuidedPreviousYear" THEN 1 ELSE 0 END) AS guided FROM "Registrations" WHERE {Where} GROUP BY "Cvr") AS c
            """))[0];
        var byHq = (await Rows($"""
            SELECT "HqRegionCode", COUNT(*) FROM (SELECT DISTINCT "Cvr", "HqRegionCode" FROM "Registrations" WHERE {Where}) AS c GROUP BY "HqRegionCode"
            """)).ToDictionary(r => I(r[0]), r => I(r[1]));
        var segments = await Rows("""
            SELECT "Segment", COUNT("Satisfaction"), COUNT(CASE WHEN "Satisfaction" = 'meget-tilfreds' THEN 1 END),
                   COUNT("Recommend"), COUNT(CASE WHEN "Recommend" >= 9 THEN 1 END), COUNT(CASE WHEN "Recommend" <= 6 THEN 1 END),
                   COUNT("Effect"), COUNT(CASE WHEN "Effect" = 'hoej' THEN 1 END),
                   COUNT(CASE WHEN "DigitalGuidance" AND "Effect" IS NOT NULL THEN 1 END), COUNT(CASE WHEN "DigitalGuidance" AND "Effect" = 'hoej' THEN 1 END),
                   COUNT(CASE WHEN "ReferralUse" IN ('ja', 'forventer') THEN 1 END), COUNT(CASE WHEN "ReferralUse" = 'nej' THEN 1 END),
                   COUNT(CASE WHEN "ReferralUse" = 'ved-ikke' THEN 1 END)
            FROM "Evaluations" WHERE "ContractId" = @c GROUP BY "Segment"
            """);
        return new ContractFigures(days.Count == 0 ? null : days.Max(d => d.Date), I(companies[0]), I(companies[0]) - I(companies[1]),
            ComputeContractFigures.ByType(days.Select(d => (d.Type, d.N))),
            days.GroupBy(d => d.Date.Month).ToDictionary(g => g.Key, g => g.Sum(d => d.N)),
            days.GroupBy(d => d.Municipality).ToDictionary(g => g.Key, g => g.Sum(d => d.N)),
            days.Where(d => d.Type != CaseType.Kort).Sum(d => d.Esg), days.Sum(d => d.Ai),
            ComputeContractFigures.ByType(days.Select(d => (d.Type, d.Referred))), byHq,
            segments.ToDictionary(s => (Segment)I(s[0]), s => new SegmentFigures(I(s[1]), I(s[2]), I(s[3]), I(s[4]), I(s[5]))),
            segments.Sum(s => I(s[6])), segments.Sum(s => I(s[7])), segments.Sum(s => I(s[8])), segments.Sum(s => I(s[9])),
            segments.Sum(s => I(s[10])), segments.Sum(s => I(s[11])), segments.Sum(s => I(s[12])));
    }

    static void Param(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    /// <summary>Creates the benchmark contract and its rows once, in one transaction.</summary>
    static async Task Ensure(AppDbContext db, int registrations, int evaluations, TextWriter log, CancellationToken ct)
    {
        if (await db.Contracts.AnyAsync(c => c.Slug == Slug, ct)) return;
        var template = await db.Contracts.Include(c => c.Goals).FirstAsync(c => c.Slug == "resultatkontrakt-2024-erhvervshus-sjaelland", ct);
        var contract = new Contract
        {
            Slug = Slug, Title = "Benchmark: resultatkontrakt med 1 mio. registreringer (syntetiske data)", Year = 2024,
            OwnerOrganisationId = template.OwnerOrganisationId, HubOrganisationId = template.HubOrganisationId, FrameworkText = template.FrameworkText,
            Reporting = template.Reporting, DemoNote = "Syntetiske benchmarkdata.",
            Goals = template.Goals.Select(g => new Goal { Number = g.Number, Title = g.Title, Scope = g.Scope, Target = g.Target, Method = g.Method,
                Reporting = g.Reporting, Cadence = g.Cadence, IsQualitative = g.IsQualitative, MeasuresJson = g.MeasuresJson }).ToList(),
        };
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(ct);
        var import = new ContractImport
        {
            ContractId = contract.Id, Kind = ImportKind.Registrations, State = ImportState.Active, FileName = "benchmark", Rows = registrations,
            UploadedAtUtc = DateTime.UtcNow, ConfirmedAtUtc = DateTime.UtcNow, UploadedBy = "bench",
            File = new StoredFile { FileName = "benchmark", Content = [], Sha256 = StoredFile.Hash([]), CreatedAtUtc = DateTime.UtcNow },
        };
        db.ContractImports.Add(import);
        await db.SaveChangesAsync(ct);
        var sw = Stopwatch.StartNew();
        var postgres = db.Database.IsNpgsql();
        var random = new Random(1_000_000);
        var municipalities = new[] { 253, 259, 265, 269, 306, 316, 320, 326, 329, 330, 336, 340, 350, 360, 370, 376, 390, 101 };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await BulkInsert.Rows(db, "Registrations", ["ContractId", "ImportId", "CaseId", "Cvr", "MunicipalityCode", "HqRegionCode", "Type", "StartDate", "Year", "EndDate", "Themes",
                    "IsEsg", "IsAiCheck", "IsDigital", "ReferredExternal", "GuidedPreviousYear"], registrations, i =>
            {
                var type = random.Next(100) < 55 ? CaseType.Kort : random.Next(100) < 65 ? CaseType.Handlingsplan : CaseType.Vaekstplan;
                var start = new DateOnly(2024, 1, 1).AddDays(random.Next(366));
                var municipality = municipalities[random.Next(municipalities.Length)];
                return [contract.Id, import.Id, $"B-{i:D7}", 10_000_000 + random.Next(300_000) * 13 % 89_999_999, municipality, municipality == 101 ? 1084 : 1085,
                    (int)type, postgres ? start : start.ToString("yyyy-MM-dd"), start.Year, DBNull.Value, "", random.Next(5) == 0, random.Next(60) == 0, random.Next(3) == 0,
                    random.Next(10) < 7, random.Next(10) < 4];
            }, ct);
            await BulkInsert.Rows(db, "Evaluations", ["ContractId", "ImportId", "Cvr", "Segment", "Satisfaction", "Recommend", "Effect", "DigitalGuidance", "ReferralUse"], evaluations, i =>
                [contract.Id, import.Id, 20_000_000 + i, (int)(random.Next(3) == 0 ? Segment.Vaekst : Segment.Drift),
                 new[] { "meget-tilfreds", "tilfreds", "hverken-eller", "ved-ikke" }[random.Next(10) switch { < 8 => 0, 8 => 1, _ => random.Next(2, 4) }],
                 random.Next(20) == 0 ? DBNull.Value : random.Next(11), new[] { "hoej", "nogen", "lav", "ved-ikke" }[random.Next(10) switch { < 7 => 0, < 9 => 1, _ => random.Next(2, 4) }],
                 random.Next(3) == 0, new object[] { DBNull.Value, "ja", "forventer", "nej", "ved-ikke" }[random.Next(5)]], ct);
            await tx.CommitAsync(ct);
        }
        // Statistics (and PostgreSQL's visibility map, which index-only scans need) as autovacuum would leave them on a
        // database that has lived with its data; measuring right after a bulk load would time the bulk load's aftermath.
        await db.Database.ExecuteSqlRawAsync(postgres ? "VACUUM ANALYZE \"Registrations\", \"Evaluations\"" : "ANALYZE", ct);
        await log.WriteLineAsync($"Benchmarkdata dannet: {registrations.ToString("N0", DanishTime.Culture)} registreringer og {evaluations.ToString("N0", DanishTime.Culture)} evalueringer på {sw.Elapsed.TotalSeconds:0} s.");
    }
}
