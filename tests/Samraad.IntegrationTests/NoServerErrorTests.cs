using System.Net;
using System.Text;

namespace Samraad.IntegrationTests;

/// <summary>Input the review found to give a 500 gets a 4xx with a Danish message instead; error bodies stay small.</summary>
public class NoServerErrorTests
{
    const string Api = "/api/collections/alle-felttyper/responses/faxe";

    static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory, OnSqlite, OnPostgres]
    public async Task Broken_text_in_answers_is_refused_by_field_and_nothing_is_stored(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var faxe = await app.LoggedIn("faxe-bruger");
        foreach (var body in new[]
        {
            """{"answers":{"tekst":"a\ud800b"}}""",          // a lone surrogate in a value
            """{"answers":{"a\udc00":"x"}}""",               // and in a key
            """{"answers":{"tekst":"a\u0000b"}}""",          // NUL, which PostgreSQL would refuse later
        })
        {
            var response = await faxe.PutAsync(Api, Json(body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
        var stored = await faxe.GetStringAsync(Api);
        Assert.DoesNotContain("\"tekst\"", stored);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_nul_anywhere_in_a_request_is_a_400_before_any_handler(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("sek");
        // Found by FuzzTests: on PostgreSQL a NUL in a query value reached the database and gave a 500.
        var query = await sek.GetAsync("/api/reference/organisations?kkr=%00");
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        Assert.Equal("application/problem+json", query.Content.Headers.ContentType!.MediaType);
        var reopen = await sek.PostAsync("/api/collections/akutfunktioner-2024/responses/faxe/reopen", Json("""{"reason":"ret\u0000"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, reopen.StatusCode);
        var before = await app.WithDb(d => Task.FromResult(d.Meetings.Count()));
        var page = await sek.PostAsync("/moeder", await TestApp.Form(sek, "/moeder/ny", new()
        {
            ["body"] = "kkr-sjaelland", ["title"] = "Møde\0med NUL", ["startsAt"] = "2027-01-10T10:00", ["place"] = "Sorø",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("NUL-tegn", await page.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.WithDb(d => Task.FromResult(d.Meetings.Count())));
    }

    [Fact]
    public async Task A_body_with_too_many_or_too_long_keys_gets_a_short_400()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var faxe = await app.LoggedIn("faxe-bruger");
        var longKey = await faxe.PutAsync(Api, Json("{\"answers\":{\"" + new string('k', 1_000_000) + "\":\"x\"}}"));
        Assert.Equal(HttpStatusCode.BadRequest, longKey.StatusCode);
        Assert.True((await longKey.Content.ReadAsByteArrayAsync()).Length < 4_000);
        var many = await faxe.PutAsync(Api, Json("{\"answers\":{" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"k{i}\":\"x\"")) + "}}"));
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.True((await many.Content.ReadAsByteArrayAsync()).Length < 4_000);
    }

    [Theory]
    [InlineData("places=2147483648")]
    [InlineData("years=99999999999")]
    [InlineData("etablering=7.9e25")]
    [InlineData("grund=1.000.000.000.000.000")]
    public async Task Out_of_range_figures_in_the_cost_model_are_a_400(string query)
    {
        await using var app = TestApp.Start(Db.Sqlite);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("sek");
        var response = await sek.GetAsync("/noegletal/kofoedsminde-noegletal/beregning?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/fejl/-1")]
    [InlineData("/fejl/2147483647")]
    [InlineData("/fejl/200")]
    public async Task The_error_page_with_a_made_up_code_is_a_404(string path)
    {
        await using var app = TestApp.Start(Db.Sqlite);
        var response = await app.Client().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task HEAD_is_answered_like_GET_without_a_body()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        var client = app.Client();
        var login = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/log-ind"));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Empty(await login.Content.ReadAsByteArrayAsync());
        var page = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/indsamlinger/akutfunktioner-2024"));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode); // to the log-in, as GET
    }
}
