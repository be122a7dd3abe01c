using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Samraad.IntegrationTests;

/// <summary>
/// `samraad serve` as its own process, killed with SIGKILL in the middle of a burst of saves: after a restart every
/// save it acknowledged is there, and the SQLite file passes its integrity check. (On PostgreSQL the app process is
/// killed; the server keeps running, as when a node dies.)
/// </summary>
public class CrashTests
{
    const string Collection = SaveBurst.Collection;
    static readonly string[] Orgs = SaveBurst.Orgs;

    [Theory, OnSqlite, OnPostgres, Trait("Speed", "Slow")]
    public async Task Every_acknowledged_save_survives_a_kill_9_mid_burst(Db db)
    {
        var data = await SaveBurst.Data(db);
        try
        {
            ConcurrentDictionary<string, int> acknowledged, attempted;
            using (var served = await ServedApp.Start(data))
            {
                await using var burst = await SaveBurst.Start(served);
                // Let the burst run until every respondent has had saves acknowledged, then kill mid-stream.
                await burst.Until(20);
                served.Kill();
                await burst.Stop();
                (acknowledged, attempted) = (burst.Acknowledged, burst.Attempted);
            }
            Assert.All(Orgs, o => Assert.True(acknowledged.GetValueOrDefault(o) >= 20, $"{o}: only {acknowledged.GetValueOrDefault(o)} saves before the kill"));

            if (db == Db.Sqlite)
            {
                await using var sqlite = new SqliteConnection($"Data Source={Path.Combine(data.DataDir, "samraad.db")};Pooling=False");
                await sqlite.OpenAsync();
                await using var check = sqlite.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
            }

            using var restarted = await ServedApp.Start(data);
            foreach (var org in Orgs)
            {
                var client = await restarted.LoggedIn($"{org}-bruger");
                var response = await client.GetFromJsonAsync<JsonElement>($"/api/collections/{Collection}/responses/{org}");
                var stored = SaveBurst.Stored(response);
                // What was acknowledged is there; at most the one save in flight at the kill may have landed too.
                Assert.InRange(stored, acknowledged[org], attempted[org]);
            }
        }
        finally { await data.RemoveData(); }
    }

    [Theory, OnSqlite, OnPostgres, Trait("Speed", "Slow")]
    public async Task A_message_committed_but_not_yet_sent_survives_a_kill_9_and_is_sent_once_after_the_restart(Db db)
    {
        var data = TestApp.Start(db);
        await data.CreateUser("anne-faxe", Roles.Respondent, "faxe", "anne@faxe.dk");
        data.KeepData = true;
        await data.DisposeAsync();
        await using var smtp = new TestSmtp();
        try
        {
            // The first node commits the message with the event and is killed before its sender runs (it sends nothing).
            using (var first = await ServedApp.Start(data, new Dictionary<string, string>(smtp.Settings()) { ["Samraad:Mail:Send"] = "false" }))
            {
                using var anonymous = new HttpClient { BaseAddress = first.Address };
                Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/account/password-reset", new { emailOrUserName = "anne@faxe.dk" })).StatusCode);
                first.Kill();
            }
            Assert.Empty(smtp.Received);

            // After the restart the message goes out, once.
            using var restarted = await ServedApp.Start(data, smtp.Settings());
            var sent = await smtp.WaitFor(1, seconds: 30);
            Assert.Equal("anne@faxe.dk", Assert.Single(sent).To.Mailboxes.Single().Address);
            Assert.Contains("/nulstil-adgangskode/", sent[0].TextBody);
            await Task.Delay(2000); // a few more rounds of the sender (every 0.2 s): nothing more
            Assert.Single(smtp.Received);
        }
        finally { await data.RemoveData(); }
    }
}
