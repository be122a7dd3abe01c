using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samraad.Features.Reference;

namespace Samraad.IntegrationTests;

public class StartupTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_fresh_database_is_migrated_and_seeded_with_reference_data_and_the_seed_pack(Db db)
    {
        await using var app = TestApp.StartFresh(db);
        var (municipalities, regions, kkrs, sets, respondents, receipts) = await app.WithDb(async d => (
            await d.Organisations.CountAsync(o => o.Kind == OrganisationKind.Kommune),
            await d.Organisations.CountAsync(o => o.Kind == OrganisationKind.Region),
            await d.Organisations.CountAsync(o => o.Kind == OrganisationKind.Kkr),
            await d.GroupSets.Include(s => s.Groups).ToDictionaryAsync(s => s.Key, s => s.Groups.Count),
            await d.CollectionRespondents.CountAsync(r => d.Collections.Any(c => c.Id == r.CollectionId && c.Slug == "akutfunktioner-2024")),
            await d.Receipts.CountAsync(r => r.Response!.Collection!.Slug == "akutfunktioner-2024")));
        Assert.Equal(98, municipalities);
        Assert.Equal((5, 5), (regions, kkrs));
        Assert.Equal(17, respondents);
        Assert.Equal(17, receipts);
        Assert.Equal(5, sets[GroupSets.DstKommunegrupper]);
        Assert.Equal(3, sets[GroupSets.KlSurveyGrupper]);
        Assert.True(await app.WithDb(d => d.Organisations.AnyAsync(o => o.Slug == "erhvervshus-sjaelland")));
    }

    [Fact]
    public async Task The_database_and_the_key_ring_are_for_the_owner_only()
    {
        await using var app = TestApp.StartFresh(Db.Sqlite);
        await app.Client().GetAsync("/log-ind"); // an antiforgery token makes the first key
        if (OperatingSystem.IsWindows()) return;
        foreach (var file in Directory.GetFiles(app.DataDir, "samraad.db*"))
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(app.DataDir, "keys")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(app.DataDir, "keys")));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_secretariat_sees_17_of_17_and_the_chemotherapy_difference(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var client = await app.LoggedIn("sek");

        var front = await client.GetStringAsync("/");
        Assert.Contains("Akutfunktioner og forbeholdt virksomhedsområde for sygeplejersker", front);
        Assert.Contains("17 af 17 har svaret", front);

        var summary = await client.GetFromJsonAsync<JsonElement>("/api/collections/akutfunktioner-2024/summary");
        var kemo = summary.GetProperty("tables")[0].GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("label").GetString()!.StartsWith("Kemoterapi"));
        var performed = kemo.GetProperty("cells")[0];
        Assert.Equal((14, 17), (performed.GetProperty("count").GetInt32(), performed.GetProperty("of").GetInt32()));
        Assert.Contains(performed.GetProperty("printed").EnumerateArray(), p => p.GetProperty("printed").GetString() == "15 /17" && !p.GetProperty("agrees").GetBoolean());
        var parenteral = summary.GetProperty("tables")[0].GetProperty("rows")[2].GetProperty("cells")[0];
        Assert.Equal(16, parenteral.GetProperty("count").GetInt32());
        Assert.Equal(11, summary.GetProperty("differences").GetArrayLength());

        var unknown = await client.GetAsync("/api/collections/akutfunktioner-2024/summary?groupSet=findes-ikke");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("dst-kommunegrupper-v1-2018", await unknown.Content.ReadAsStringAsync());

        var page = await client.GetStringAsync("/indsamlinger/akutfunktioner-2024/sammendrag");
        Assert.Contains("11 af 280 trykte tal stemmer ikke med svarene", page);
        Assert.Contains("Trykt: 15 /17", page);

        var matrix = await client.GetStringAsync("/indsamlinger/akutfunktioner-2024/matrix");
        Assert.Contains("Kalundborg Kommune", matrix);
        Assert.Contains("<td>15/17</td>", matrix); // hjemmedialyse udføres in the "I alt" row
        Assert.Contains("<td>14/17</td>", matrix);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        var doc = await app.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/collections/{slug}/responses/{org}", paths);
        Assert.Contains("/api/collections/{slug}/responses/{org}/submit", paths);
        Assert.Contains("/api/collections/{slug}/summary", paths);
        Assert.Contains("/api/collections/{slug}/matrix", paths);
        Assert.Contains("/api/collections/{slug}/export", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/indsamlinger"));
    }

    [Fact]
    public async Task Unknown_pages_get_a_Danish_404_and_the_api_a_problem()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        var client = app.Client();
        var page = await client.GetAsync("/findes-ikke");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Siden findes ikke", await page.Content.ReadAsStringAsync());
        var api = await client.GetAsync("/api/collections");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
    }
}
