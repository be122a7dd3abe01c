using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Samraad.IntegrationTests;

/// <summary>What an operator probes and scrapes: /healthz, /readyz and /metrics, anonymous and over a real socket.</summary>
public class OperationsTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Health_and_readiness_answer_anonymously_with_each_check(Db db)
    {
        await using var app = TestApp.Start(db, kestrel: true);
        using var probe = app.ServedClient();
        var live = await probe.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("no-store", live.Headers.CacheControl?.ToString());
        var ready = await probe.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("jobs").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await probe.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/readyz"))).StatusCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Readiness_fails_when_a_migration_is_missing(Db db)
    {
        await using var app = TestApp.Start(db, kestrel: true);
        // As after a restore of an older backup under a newer binary: the newest migration is not recorded.
        await app.WithDb(async d => await d.Database.ExecuteSqlRawAsync(
            "DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = (SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\")"));
        using var probe = app.ServedClient();
        var ready = await probe.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("1 migreringer mangler", body.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/healthz")).StatusCode); // alive all the same
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Metrics_are_scraped_in_Prometheus_format_from_allowed_addresses_only(Db db)
    {
        await using var app = TestApp.Start(db, kestrel: true);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var faxe = await app.LoggedIn("faxe-bruger", served: true);
        await app.WithDb(async d =>
        {
            var c = await d.Collections.SingleAsync(x => x.Slug == "alle-felttyper");
            (c.OpensAtUtc, c.DeadlineUtc) = (app.Clock.Now.UtcDateTime.AddDays(-1), app.Clock.Now.UtcDateTime.AddDays(10));
            return await d.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, (await faxe.PutAsJsonAsync("/api/collections/alle-felttyper/responses/faxe", new { answers = new { tekst = "målt" } })).StatusCode);

        using var scraper = app.ServedClient();
        var metrics = await scraper.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.StartsWith("text/plain", metrics.Content.Headers.ContentType?.MediaType);
        var text = await metrics.Content.ReadAsStringAsync();
        Assert.Matches(@"(?m)^samraad_responses_saves(_total)?(\{[^}]*\})? [1-9]", text);
        Assert.Contains("http_server_request_duration_seconds", text); // ASP.NET Core's own
        Assert.Contains("samraad_jobs_queued", text);
        Assert.Contains("samraad_outbox_oldest_age", text);
        if (db == Db.Postgres) Assert.Contains("db_client", text); // Npgsql's

        // Through a proxy for a client elsewhere: refused.
        var outside = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        outside.Headers.Add("X-Forwarded-For", "203.0.113.9");
        var refused = await scraper.SendAsync(outside);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("samraad_", await refused.Content.ReadAsStringAsync());
    }

    [Theory, OnSqlite]
    public async Task A_network_allowed_by_configuration_may_scrape(Db db)
    {
        await using var app = TestApp.Start(db, kestrel: true, settings: new Dictionary<string, string> { ["Samraad:Metrics:AllowedNetworks"] = "203.0.113.0/24" });
        using var scraper = app.ServedClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.OK, (await scraper.SendAsync(request)).StatusCode);
    }
}
