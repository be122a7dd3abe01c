using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Samraad.IntegrationTests;

/// <summary>Every kind of bad input gets a Danish message by the field, and nothing already saved is lost or changed.</summary>
public class BadInputTests
{
    const string Api = "/api/collections/alle-felttyper/responses/faxe";
    const string Page = "/indsamlinger/alle-felttyper/besvarelser/faxe";

    static async Task<(TestApp App, HttpClient Faxe)> WithSavedDraft(Db db)
    {
        var app = TestApp.Start(db);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var faxe = await app.LoggedIn("faxe-bruger");
        var put = await faxe.PutAsJsonAsync(Api, new { answers = new Dictionary<string, object> { ["antal"] = 12, ["tekst"] = "gemt tekst", ["pct"] = "40" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return (app, faxe);
    }

    static async Task AssertNothingChanged(HttpClient faxe)
    {
        var stored = await faxe.GetFromJsonAsync<JsonElement>(Api);
        var answers = stored.GetProperty("answers");
        Assert.Equal("12", answers.GetProperty("antal").GetProperty("value").GetString());
        Assert.Equal("gemt tekst", answers.GetProperty("tekst").GetProperty("value").GetString());
        Assert.Equal("40", answers.GetProperty("pct").GetProperty("value").GetString());
        Assert.Equal(3, answers.EnumerateObject().Count());
    }

    public static IEnumerable<object[]> Cases()
    {
        yield return ["""{"answers":{"antal":"tolv","tekst":"ny"}}""", "antal", "Antal pladser skal være et helt tal, fx 12"];
        yield return ["""{"answers":{"pct":120}}""", "pct", "Andel til andre kommuner kan ikke være over 100 %"];
        yield return ["""{"answers":{"tekst":"Denne tekst er meget længere end tyve tegn"}}""", "tekst", "Beskrivelse må højst være 20 tegn (der er skrevet 42)"];
        yield return ["""{"answers":{"findes-ikke":"x"}}""", "findes-ikke", "Feltet »findes-ikke« findes ikke i skemaet"];
        yield return ["""{"answers":{"grad":"Lidt"}}""", "grad", "Svaret »Lidt« findes ikke til Tilfredshed. Vælg mellem »I høj grad«, »I nogen grad«, »Slet ikke«"];
        yield return ["""{"answers":{"projekter/3/navn":"C"}}""", "projekter/3/navn", "Der kan højst angives 2 projekter pr. ansøgning"];
        yield return ["""{"answers": {"antal": 1""", "body", "Indholdet er ikke gyldig JSON"];
        yield return ["""[1,2]""", "body", "Indholdet skal være et JSON-objekt med »answers«"];
        yield return ["""{"answers":{"antal":[1]}}""", "antal", "Værdien for »antal« skal være tekst, tal, true/false, null"];
    }

    [Theory, OnSqlite(nameof(Cases)), OnPostgres(nameof(Cases))]
    public async Task Bad_api_input_gets_400_problem_json_by_field_and_changes_nothing(Db db, string body, string field, string message)
    {
        var (app, faxe) = await WithSavedDraft(db);
        await using var _ = app;
        var response = await faxe.PutAsync(Api, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").GetProperty(field);
        Assert.Contains(errors.EnumerateArray(), e => e.GetString()!.StartsWith(message));
        await AssertNothingChanged(faxe);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Submitting_with_required_fields_missing_lists_them_and_keeps_the_draft(Db db)
    {
        var (app, faxe) = await WithSavedDraft(db);
        await using var _ = app;
        var response = await faxe.PostAsync(Api + "/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Vælg et svar til Udføres opgaven?", errors.GetProperty("ja-nej")[0].GetString());
        Assert.Equal("Vælg et svar til Tilfredshed", errors.GetProperty("grad")[0].GetString());
        await AssertNothingChanged(faxe);
        var state = await faxe.GetFromJsonAsync<JsonElement>(Api);
        Assert.Equal("Draft", state.GetProperty("status").GetString());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_html_form_shows_an_error_summary_linked_to_each_field_and_keeps_what_was_typed(Db db)
    {
        var (app, faxe) = await WithSavedDraft(db);
        await using var _ = app;
        var response = await faxe.PostAsync(Page, await TestApp.Form(faxe, Page, new()
        {
            ["antal"] = "tolv", ["pct"] = "120", ["tekst"] = "gemt tekst", ["aar/deltagere/y2021"] = "x", ["action"] = "save",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("Fejl: ", Html.Title(html));
        Assert.Contains("<h2 id=\"fejl-titel\" class=\"alert-heading\">Der er et problem</h2>", html);
        Assert.Contains("<a href=\"#f-antal\">Antal pladser skal være et helt tal, fx 12</a>", html);
        Assert.Contains("<a href=\"#f-pct\">Andel til andre kommuner kan ikke være over 100 %</a>", html);
        Assert.Contains("<a href=\"#f-aar-deltagere-y2021\">", html);
        Assert.Contains("id=\"f-antal-error\"", html);          // the message again by the field
        Assert.Contains("value=\"tolv\"", html);                 // what was typed is kept for correcting
        Assert.Contains("Ret de markerede felter. Dine øvrige svar er gemt.", html);
        await AssertNothingChanged(faxe);                         // the wrong values kept their stored ones
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Saving_the_page_keeps_every_valid_answer_and_marks_the_wrong_one(Db db)
    {
        var (app, faxe) = await WithSavedDraft(db);
        await using var _ = app;
        var response = await faxe.PostAsync(Page, await TestApp.Form(faxe, Page, new()
        {
            ["antal"] = "12", ["pct"] = "40", ["tekst"] = "ny tekst", ["dato"] = "31-02-2024", ["action"] = "save",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#f-dato\">Forventet færdig skal være en gyldig dato, fx 04-03-2024</a>", html);
        Assert.Contains("value=\"31-02-2024\"", html);             // the field shows what was typed
        var answers = (await faxe.GetFromJsonAsync<JsonElement>(Api)).GetProperty("answers");
        Assert.Equal("ny tekst", answers.GetProperty("tekst").GetProperty("value").GetString()); // saved, not lost
        Assert.False(answers.TryGetProperty("dato", out var _));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Submitting_reports_every_problem_in_one_round(Db db)
    {
        var (app, faxe) = await WithSavedDraft(db);
        await using var _ = app;
        // The page: a wrongly written number and the unanswered required fields together; the valid answer is kept.
        var page = await faxe.PostAsync(Page, await TestApp.Form(faxe, Page, new() { ["antal"] = "tolv", ["tekst"] = "til indsendelse", ["action"] = "submit" }));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#f-antal\"", html);
        Assert.Contains("href=\"#f-ja-nej\"", html);                // required, not answered
        Assert.Contains("href=\"#f-grad\"", html);
        Assert.Equal("til indsendelse", (await faxe.GetFromJsonAsync<JsonElement>(Api)).GetProperty("answers").GetProperty("tekst").GetProperty("value").GetString());

        // The API: the same errors in one 400, and nothing of the submission is saved.
        var api = await faxe.PostAsJsonAsync(Api + "/submit", new { answers = new { antal = "tolv", tekst = "via api" } });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var errors = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("antal", out var _));
        Assert.True(errors.TryGetProperty("ja-nej", out var _));
        Assert.True(errors.TryGetProperty("grad", out var _));
        Assert.Equal("til indsendelse", (await faxe.GetFromJsonAsync<JsonElement>(Api)).GetProperty("answers").GetProperty("tekst").GetProperty("value").GetString());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_stale_form_does_not_overwrite_a_newer_save(Db db)
    {
        var (app, faxe) = await WithSavedDraft(db);
        await using var _ = app;
        var stale = await faxe.GetFromJsonAsync<JsonElement>(Api);
        var revision = stale.GetProperty("revision").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await faxe.PutAsJsonAsync(Api, new { answers = new { antal = 13 }, revision })).StatusCode);
        var conflict = await faxe.PutAsJsonAsync(Api, new { answers = new { antal = 99 }, revision });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var stored = await faxe.GetFromJsonAsync<JsonElement>(Api);
        Assert.Equal("13", stored.GetProperty("answers").GetProperty("antal").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Every_field_type_round_trips_through_the_api()
    {
        var (app, faxe) = await WithSavedDraft(Db.Sqlite);
        await using var _ = app;
        var put = await faxe.PutAsJsonAsync(Api, new
        {
            answers = new Dictionary<string, object?>
            {
                ["ja-nej"] = true, ["antal"] = new { missing = "data-mangler" }, ["andel"] = "12,5", ["beloeb"] = "1.250.000",
                ["dato"] = "04-03-2024", ["grad"] = "I nogen grad", ["aar/deltagere/y2021"] = 120, ["projekter/1/navn"] = "Botilbud Vest",
                ["projekter/1/beloeb"] = "20000000", ["tekst"] = null,
            },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var a = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answers");
        Assert.Equal("ja", a.GetProperty("ja-nej").GetProperty("value").GetString());
        Assert.Equal("Data foreligger endnu ikke", a.GetProperty("antal").GetProperty("display").GetString());
        Assert.Equal("12.5", a.GetProperty("andel").GetProperty("value").GetString());
        Assert.Equal("125000000", a.GetProperty("beloeb").GetProperty("value").GetString());
        Assert.Equal("1.250.000,00 kr.", a.GetProperty("beloeb").GetProperty("display").GetString());
        Assert.Equal("2024-03-04", a.GetProperty("dato").GetProperty("value").GetString());
        Assert.Equal("nogen", a.GetProperty("grad").GetProperty("value").GetString());
        Assert.Equal("120", a.GetProperty("aar/deltagere/y2021").GetProperty("value").GetString());
        Assert.Equal("Botilbud Vest", a.GetProperty("projekter/1/navn").GetProperty("value").GetString());
        Assert.False(a.TryGetProperty("tekst", out var cleared), cleared.ToString());
    }
}
