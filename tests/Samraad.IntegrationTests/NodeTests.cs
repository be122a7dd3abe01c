using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Samraad.IntegrationTests;

/// <summary>
/// Two `samraad serve` processes on one PostgreSQL database, each with an empty data directory of its own: nothing a
/// user depends on lives in one node.
/// </summary>
public class NodeTests
{
    const string Collection = "alle-felttyper";

    /// <summary>Two nodes on a copy of the seeded database, after <paramref name="prepare"/> ran on it.</summary>
    static async Task<(TestApp Data, ServedApp A, ServedApp B)> TwoNodes(Func<TestApp, Task>? prepare = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var data = TestApp.Start(Db.Postgres);
        await data.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        await data.WithDb(async d =>
        {
            var c = await d.Collections.SingleAsync(x => x.Slug == Collection);
            (c.OpensAtUtc, c.DeadlineUtc) = (DateTime.UtcNow.AddYears(-1), DateTime.UtcNow.AddYears(1)); // the nodes keep real time
            return await d.SaveChangesAsync();
        });
        if (prepare is not null) await prepare(data);
        data.KeepData = true;
        await data.DisposeAsync();
        var a = await ServedApp.Start(data, settings, Directory.CreateTempSubdirectory("samraad-node-a-").FullName);
        var b = await ServedApp.Start(data, settings, Directory.CreateTempSubdirectory("samraad-node-b-").FullName);
        return (data, a, b);
    }

    /// <summary>A client of <paramref name="node"/> holding the cookies of <paramref name="from"/> (cookies do not know ports: both are 127.0.0.1).</summary>
    static HttpClient Through(ServedApp node, CookieContainer from) =>
        new(new HttpClientHandler { UseCookies = true, CookieContainer = from, AllowAutoRedirect = false }) { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(60) };

    static async Task<CookieContainer> SignIn(ServedApp node, string user)
    {
        var cookies = new CookieContainer();
        using var client = Through(node, cookies);
        var login = await client.PostAsJsonAsync("/api/session", new { userName = user, password = TestApp.Password });
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        return cookies;
    }

    [Theory, OnPostgres, Trait("Speed", "Slow")]
    public async Task A_user_signed_in_through_one_node_acts_through_the_other(Db db)
    {
        Assert.Equal(Db.Postgres, db);
        var (data, a, b) = await TwoNodes();
        try
        {
            var cookies = await SignIn(a, "faxe-bruger");
            using var throughB = Through(b, cookies);
            var put = await throughB.PutAsJsonAsync($"/api/collections/{Collection}/responses/faxe", new { answers = new { tekst = "gemt gennem B" } });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            using var throughA = Through(a, cookies);
            var read = await throughA.GetFromJsonAsync<JsonElement>($"/api/collections/{Collection}/responses/faxe");
            Assert.Equal("gemt gennem B", read.GetProperty("answers").GetProperty("tekst").GetProperty("value").GetString());
            // Neither node wrote a key ring of its own.
            Assert.All(new[] { a, b }, n => Assert.False(Directory.Exists(Path.Combine(n.DataDir, "keys"))));
        }
        finally { a.Dispose(); b.Dispose(); await data.RemoveData(); }
    }

    [Theory, OnPostgres, Trait("Speed", "Slow")]
    public async Task Behind_nginx_a_user_is_known_by_both_nodes_and_keeps_working_when_one_dies(Db db)
    {
        Assert.Equal(Db.Postgres, db);
        var (data, a, b) = await TwoNodes();
        try
        {
            using var nginx = await Samraad.Bench.Load.NginxProxy.Start([a.Address, b.Address]);
            var cookies = new CookieContainer();
            using var browser = nginx.Client(cookies);
            Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsJsonAsync("/api/session", new { userName = "faxe-bruger", password = TestApp.Password })).StatusCode);
            // TLS ends at nginx; the node sees X-Forwarded-Proto: https and marks the session cookie Secure.
            Assert.True(cookies.GetAllCookies().Single(c => c.Name == "samraad").Secure);
            // Round robin: these go to both nodes in turn, and each knows the session and sees the other's save.
            int? revision = null;
            for (var i = 1; i <= 10; i++)
            {
                var put = await browser.PutAsJsonAsync($"/api/collections/{Collection}/responses/faxe", new { answers = new { tekst = $"gem {i}" }, revision });
                Assert.True(put.StatusCode == HttpStatusCode.OK, $"save {i}: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}");
                revision = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32();
            }
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/metrics")).StatusCode); // not for the outside
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/METRICS")).StatusCode);
            // Each node served some of the saves: its own request count, scraped on its own port from loopback.
            var served = (A: await SavesServed(a), B: await SavesServed(b));
            Assert.True(served.A > 0 && served.B > 0, $"saves served by node A {served.A}, by node B {served.B}");

            a.Kill(); // a node dies: nginx sends everything to the other
            for (var i = 11; i <= 14; i++)
            {
                var put = await browser.PutAsJsonAsync($"/api/collections/{Collection}/responses/faxe", new { answers = new { tekst = $"gem {i}" }, revision });
                Assert.True(put.StatusCode == HttpStatusCode.OK, $"save {i} after the kill: {(int)put.StatusCode}");
                revision = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32();
            }
            var read = await browser.GetFromJsonAsync<JsonElement>($"/api/collections/{Collection}/responses/faxe");
            Assert.Equal("gem 14", read.GetProperty("answers").GetProperty("tekst").GetProperty("value").GetString());
        }
        finally { a.Dispose(); b.Dispose(); await data.RemoveData(); }
    }

    [Theory, OnPostgres, Trait("Speed", "Slow")]
    public async Task A_case_text_saved_through_one_node_is_found_by_search_through_the_other(Db db)
    {
        Assert.Equal(Db.Postgres, db);
        var (data, a, b) = await TwoNodes(d => d.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland"));
        try
        {
            var cookies = await SignIn(a, "sek");
            using var throughA = Through(a, cookies);
            using var throughB = Through(b, cookies);
            // B has searched (and so built whatever it keeps) before the change.
            Assert.Equal(0, (await throughB.GetFromJsonAsync<JsonElement>("/api/search?q=tværkommunale+snebrydere")).GetArrayLength());
            var saved = await MeetingTests.SaveItem(throughA, "2.9", MeetingTests.ItemFields("2.9", "Orientering om snerydning", "Orienteringssag",
                "De tværkommunale snebryderes indsats i vinteren."));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var hits = await throughB.GetFromJsonAsync<JsonElement>("/api/search?q=tværkommunale+snebrydere");
            Assert.Equal(1, hits.GetArrayLength());
            Assert.Contains("<mark>", hits[0].GetProperty("snippetHtml").GetString());
        }
        finally { a.Dispose(); b.Dispose(); await data.RemoveData(); }
    }

    [Theory, OnPostgres, Trait("Speed", "Slow")]
    public async Task With_a_certificate_the_shared_keys_are_stored_encrypted_and_read_by_every_node_that_has_it(Db db)
    {
        Assert.Equal(Db.Postgres, db);
        var folder = Directory.CreateTempSubdirectory("samraad-cert-").FullName;
        var pfx = Path.Combine(folder, "noegler.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Samraad nøglering", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "hemmelig"));
        }
        var settings = new Dictionary<string, string> { ["Samraad:KeyProtection:Certificate"] = pfx, ["Samraad:KeyProtection:CertificatePassword"] = "hemmelig" };
        // The template's unencrypted ring goes, so the nodes make a new key under the certificate.
        var (data, a, b) = await TwoNodes(d => d.WithDb(x => x.DataProtectionKeys.ExecuteDeleteAsync()), settings);
        try
        {
            var cookies = await SignIn(a, "faxe-bruger");
            using var throughB = Through(b, cookies);
            Assert.Equal(HttpStatusCode.OK, (await throughB.GetAsync($"/api/collections/{Collection}/responses/faxe")).StatusCode);

            await using var db2 = new Npgsql.NpgsqlConnection(data.PostgresConnection);
            await db2.OpenAsync();
            await using var read = new Npgsql.NpgsqlCommand("SELECT \"Xml\" FROM \"DataProtectionKeys\"", db2);
            var rows = new List<string>();
            await using (var reader = await read.ExecuteReaderAsync())
                while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
            Assert.NotEmpty(rows);
            Assert.All(rows, xml =>
            {
                Assert.Contains("EncryptedData", xml);
                Assert.Contains("Samraad.Operations.CertificateDecryptor", xml);
                Assert.DoesNotContain("<value>", xml); // the plain master key's element
            });
        }
        finally { a.Dispose(); b.Dispose(); await data.RemoveData(); Directory.Delete(folder, true); }
    }

    [Theory, OnPostgres, Trait("Speed", "Slow")]
    public async Task A_reminder_due_while_two_nodes_run_is_sent_once(Db db)
    {
        Assert.Equal(Db.Postgres, db);
        await using var smtp = new TestSmtp();
        var settings = new Dictionary<string, string>(smtp.Settings()) { ["Samraad:Mail:ReminderSeconds"] = "0.5" };
        var (data, a, b) = await TwoNodes(async d =>
        {
            await d.CreateUser("anne-faxe", Roles.Respondent, "faxe", "anne@faxe.dk");
            await d.WithDb(async x =>
            {
                // The 7-day reminder's moment (9:00 a week before the deadline) has passed; nobody has been reminded.
                var c = await x.Collections.SingleAsync(c => c.Slug == Collection);
                (c.OpensAtUtc, c.DeadlineUtc, c.ReminderDays) = (DateTime.UtcNow.AddDays(-30), DateTime.UtcNow.AddDays(3), "7");
                return await x.SaveChangesAsync();
            });
        }, settings);
        try
        {
            await smtp.WaitFor(1, seconds: 30);
            await Task.Delay(4000); // several more rounds on both nodes
            var reminders = smtp.Received.Where(m => m.To.Mailboxes.Any(x => x.Address == "anne@faxe.dk")).ToList();
            Assert.Single(reminders);
            // Both nodes asked twice a second; the minute's key let one round through (two if the minute turned meanwhile).
            var rounds = await WithDb(data, x => x.Jobs.AsNoTracking().Where(j => j.Kind == "reminders").ToListAsync());
            Assert.InRange(rounds.Count, 1, 2);
            Assert.All(rounds, r => Assert.Equal((Operations.Jobs.JobState.Done, 1), (r.State, r.Attempts)));
        }
        finally { a.Dispose(); b.Dispose(); await data.RemoveData(); }
    }

    [Theory, OnPostgres, Trait("Speed", "Slow")]
    public async Task A_node_killed_while_building_a_packet_leaves_the_job_to_the_other_which_publishes_it_once(Db db)
    {
        Assert.Equal(Db.Postgres, db);
        var (data, a, b) = await TwoNodes(d => d.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland"),
            new Dictionary<string, string> { ["Samraad:Jobs:LeaseSeconds"] = "4" });
        try
        {
            var cookies = await SignIn(a, "sek");
            using var throughA = Through(a, cookies);
            const string meeting = "/moeder/" + MeetingTests.Slug;
            var status = (await MeetingTests.Publish(throughA, meeting, wait: false)).Headers.Location!.OriginalString;
            // Whichever node claimed the build dies with it, mid-build.
            Operations.Jobs.Job job;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while ((job = await WithDb(data, x => x.Jobs.AsNoTracking().SingleAsync(j => j.Kind == "packet"))).State != Operations.Jobs.JobState.Running)
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "no node claimed the build");
                await Task.Delay(50);
            }
            var (holder, survivor) = job.LeasedBy!.Contains($"/{a.Pid}/") ? (a, b) : (b, a);
            holder.Kill();

            using var throughSurvivor = Through(survivor, cookies);
            var ended = await MeetingTests.BuildEnded(throughSurvivor, status);
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
            var done = await WithDb(data, x => x.Jobs.AsNoTracking().SingleAsync(j => j.Kind == "packet"));
            Assert.Equal(Operations.Jobs.JobState.Done, done.State);
            Assert.Equal(2, done.Attempts);
            Assert.Contains($"/{survivor.Pid}/", done.LeasedBy);
            Assert.Equal(1, await WithDb(data, x => x.Publications.CountAsync()));
        }
        finally { a.Dispose(); b.Dispose(); await data.RemoveData(); }
    }

    /// <summary>The node's count of answered draft saves (PUT on the response route), from its /metrics.</summary>
    static async Task<double> SavesServed(ServedApp node)
    {
        using var scraper = new HttpClient { BaseAddress = node.Address };
        var text = await scraper.GetStringAsync("/metrics");
        return System.Text.RegularExpressions.Regex.Matches(text, @"(?m)^http_server_request_duration_seconds_count\{(.*)\} ([0-9.e+]+)\r?$")
            .Where(m => m.Groups[1].Value.Contains("http_request_method=\"PUT\"") && m.Groups[1].Value.Contains("http_route=\"/api/collections/{slug}/responses/{org}\""))
            .Sum(m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The shared database, read by the test (the nodes' <see cref="TestApp"/> has stopped).</summary>
    static async Task<T> WithDb<T>(TestApp data, Func<Data.AppDbContext, Task<T>> work)
    {
        var options = new DbContextOptionsBuilder<Data.PostgresAppDbContext>().UseNpgsql(data.PostgresConnection).Options;
        await using var db = new Data.PostgresAppDbContext(options);
        return await work(db);
    }
}

/// <summary>PostgreSQL's search lives in the database: the entries, the generated Danish tsvector and its GIN index.</summary>
public class PostgresSearchTests
{
    [Theory, OnPostgres]
    public async Task The_entries_are_rows_with_a_danish_document_under_a_GIN_index(Db db)
    {
        await using var app = TestApp.Start(db);
        Assert.True(await app.WithDb(d => d.SearchEntries.CountAsync()) > 100);
        var plan = await app.WithDb(async d =>
        {
            await using var connection = new Npgsql.NpgsqlConnection(app.PostgresConnection);
            await connection.OpenAsync();
            await using (var off = new Npgsql.NpgsqlCommand("SET enable_seqscan = off", connection)) await off.ExecuteNonQueryAsync();
            await using var explain = new Npgsql.NpgsqlCommand("EXPLAIN SELECT \"Id\" FROM \"SearchEntries\" WHERE \"Document\" @@ plainto_tsquery('danish', 'bevillinger')", connection);
            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
            return string.Join("\n", lines);
        });
        Assert.Contains("IX_SearchEntries_Document", plan);
        // Danish stemming in the database: the plural finds the singular.
        var stemmed = await app.WithDb(d => d.Database.SqlQuery<bool>($"SELECT to_tsvector('danish', 'bevilling') @@ plainto_tsquery('danish', 'bevillinger') AS \"Value\"").SingleAsync());
        Assert.True(stemmed);
    }
}
