using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Hosting;

/// <summary>The automation verbs: the host's own (migrate, bench) and each feature's. Each runs against the configured database after it is created, migrated and seeded.</summary>
public static class Cli
{
    /// <summary>The host's verbs; the features bring the rest.</summary>
    static readonly CliVerb[] HostVerbs =
    [
        new("serve", "serve                                   start webserveren (standard), http://127.0.0.1:5080 (--urls for andet)", _ => Task.FromResult(0)),
        new("migrate", "migrate                                 opret/migrér databasen og indlæs referencedata og packs", async call =>
        {
            var db = call.Get<AppDbContext>();
            await call.Stdout.WriteLineAsync($"Databasen er klar: {await db.Collections.CountAsync()} indsamlinger, {await db.Organisations.CountAsync()} organisationer.");
            return 0;
        }),
        new("bench", """
            bench [--runs N] [--only collections|contracts|surveys|packet] tidsmålinger på landsdækkende syntetiske data (98 kommuner) og en
                                                    resultatkontrakt med 1 mio. registreringer; brug en separat
                                                    --data-dir, da den tilføjer benchmarkdata
            bench load [--respondents 300] [--seconds 60] [--nodes 2] [--secretariats 4] [--saturate-seconds 15]
                       [--saturate-clients 16] [--max-requests 500000] [--packet false] [--timeline FIL.csv]
                                                    fristdag: noder (samraad serve) og nginx med TLS på loopback, besvarere
                                                    fra 98 kommuner gemmer og indsender, sekretariatet læser, en pakke
                                                    bygges; p50/p95/p99, fejl, tabte skrivninger, RSS, basislinje
            """, async call =>
        {
            if (call.Argument(0) == "load")
            {
                var (load, error) = Bench.Load.LoadOptions.Parse(call.Option, call.Get<SamraadOptions>().IsPostgres);
                if (load is null) return call.Fail(error!);
                return await new Bench.Load.LoadBenchmark(call.Services).Handle(load, call.Stdout);
            }
            var runs = int.TryParse(call.Option("--runs"), out var n) && n > 0 ? n : 25;
            await new Bench.RunBenchmarks(call.Services).Handle(runs, call.Stdout, call.Option("--only"));
            return 0;
        }),
    ];

    /// <summary>Backup and restore work on the database as it is: a backup changes nothing, a restore needs an empty database.</summary>
    static readonly CliVerb[] OperationVerbs =
    [
        new("backup", """
            backup --out FIL                        konsistent sikkerhedskopi, mens appen kører (SQLite: online backup-API;
                                                    PostgreSQL: pg_dump i custom-format)
            """, async call =>
        {
            if (call.Option("--out") is not { } file) return call.Usage();
            var outcome = await call.Get<Operations.BackupDatabase>().Handle(file);
            if (!outcome.Ok) return call.Fail(outcome.Message!);
            await call.Stdout.WriteLineAsync(outcome.Value);
            return 0;
        }, PrepareDatabase: false),
        new("restore", """
            restore FIL                             gendan en sikkerhedskopi i en tom database (den konfigurerede)
            """, async call =>
        {
            if (call.Argument(0) is not { } file) return call.Usage();
            var outcome = await call.Get<Operations.RestoreDatabase>().Handle(file);
            if (!outcome.Ok) return call.Fail(outcome.Message!);
            await call.Stdout.WriteLineAsync(outcome.Value);
            return 0;
        }, PrepareDatabase: false),
    ];

    static IEnumerable<CliVerb> All => HostVerbs.Take(2).Concat(SamraadApp.Features.SelectMany(f => f.Verbs)).Concat(OperationVerbs).Concat(HostVerbs.Skip(2));

    /// <summary>Whether the verb wants the database created, migrated and seeded before it runs.</summary>
    public static bool PreparesDatabase(string verb) => All.First(v => v.Name == verb).PrepareDatabase;

    public static bool IsVerb(string verb) => All.Any(v => v.Name == verb);

    public static string Usage => $"""
        Brug: samraad [verbum] [argumenter] [--data-dir DIR] [--db-provider sqlite|postgres] [--db FORBINDELSESSTRENG]

        {string.Join("\n", All.Select(v => "  " + v.Usage.Replace("\n", "\n  ")))}

        Miljøvariabler: SAMRAAD_DATA_DIR, SAMRAAD_DB_PROVIDER, SAMRAAD_DB.
        """;

    public static async Task<int> Run(WebApplication app, CommandLine command, TextWriter stdout)
    {
        using var scope = app.Services.CreateScope();
        var verb = All.First(v => v.Name == command.Verb);
        try { return await verb.Run(new CliCall(scope.ServiceProvider, command.Arguments, command.Options, stdout, Usage)); }
        finally
        {
            // What the verb committed reaches the search index before the process ends (on PostgreSQL the index is a table).
            await app.Services.GetRequiredService<Features.Collections.CollectionChangeQueue>().Flush(TimeSpan.FromMinutes(5), CancellationToken.None);
        }
    }
}
