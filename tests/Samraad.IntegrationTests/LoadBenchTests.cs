using Npgsql;

namespace Samraad.IntegrationTests;

/// <summary>
/// `samraad bench load` as an operator runs it, scaled down to a smoke run: it starts its nodes and nginx, the users
/// save, submit and read, a packet is built, and every acknowledged save is read back. Timings are the benchmark's to
/// report, not the test's to judge (the README quotes the full run); what must hold at any size is checked here.
/// </summary>
public class LoadBenchTests
{
    [Theory, OnSqlite, OnPostgres, Trait("Speed", "Slow")]
    public async Task A_small_deadline_day_runs_end_to_end_without_errors_or_lost_writes(Db db)
    {
        var data = TestApp.Start(db);
        data.KeepData = true;
        await data.DisposeAsync();
        try
        {
            var nodes = db == Db.Postgres ? "2" : "1";
            var run = await ServedApp.Verb(data.DataDir, data.PostgresConnection, "bench", "load", "--respondents", "24", "--seconds", "12", "--nodes", nodes,
                "--secretariats", "2", "--saturate-seconds", "2", "--saturate-clients", "4");
            Assert.True(run.Code == 0, $"exit {run.Code}\n{run.Out}\n{run.Error}");
            Assert.Contains($"24 besvarere i 1 indsamling(er) × 98 kommuner", run.Out);
            Assert.Contains(db == Db.Postgres ? "PostgreSQL, 2 noder bag nginx" : "SQLite, 1 node bag nginx", run.Out);
            Assert.Contains("I alt", run.Out);
            Assert.Contains(" 0 fejl.", run.Out);
            Assert.Matches(@"Tabte skrivninger: 0 \([1-9]\d* kvitterede", run.Out);
            Assert.Contains("Dagsordenspakken var offentliggjort", run.Out);
            Assert.Matches(db == Db.Postgres ? @"node 1 \d+ MB, node 2 \d+ MB" : @"node 1 \d+ MB", run.Out);
            Assert.Matches(@"Basislinje \d+/s, kladdegemning \d+/s", run.Out);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await data.RemoveData();
        }
    }

    [Fact]
    public async Task The_baseline_endpoint_exists_only_on_nodes_the_benchmark_starts()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await app.Client().PostAsync("/bench/basislinje/1", null)).StatusCode);
    }

    [Fact]
    public async Task Bench_load_refuses_sizes_outside_its_bounds_and_two_nodes_on_sqlite()
    {
        var dir = Directory.CreateTempSubdirectory("samraad-load-").FullName;
        try
        {
            var big = await ServedApp.Verb(dir, null, "bench", "load", "--respondents", "5000");
            Assert.Equal(1, big.Code);
            Assert.Contains("--respondents skal være 1–1000.", big.Error);
            var two = await ServedApp.Verb(dir, null, "bench", "load", "--nodes", "2");
            Assert.Equal(1, two.Code);
            Assert.Contains("SQLite er én node", two.Error);
        }
        finally { Directory.Delete(dir, true); }
    }
}
