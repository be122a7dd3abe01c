using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samraad.Features.Collections;

namespace Samraad.IntegrationTests;

/// <summary>
/// A secretariat runs its next collection without a developer: copies last year's acute-care mapping as a draft,
/// publishes it, gives Faxe more time, removes a respondent added by mistake (its answers kept), closes and
/// archives it — every step through the pages, every change in the log, on both databases.
/// </summary>
public class AuthoringTests
{
    const string New = "/indsamlinger/ny", Copy = "/indsamlinger/akutfunktioner-2025";

    static Dictionary<string, string> CopyForm(string slug = "akutfunktioner-2025") => new()
    {
        ["copyFrom"] = "akutfunktioner-2024", ["carryForm"] = "true", ["carryRespondents"] = "true", ["carryTables"] = "true",
        ["title"] = "Akutfunktioner 2025", ["slug"] = slug, ["opens"] = "30-11-2026 08.00", ["deadline"] = "15-12-2026 12.00",
    };

    static async Task<HttpResponseMessage> Post(HttpClient client, string page, string action, Dictionary<string, string> fields) =>
        await client.PostAsync(action, await TestApp.Form(client, page, fields));

    [Theory, OnSqlite, OnPostgres]
    public async Task A_copy_is_a_draft_until_published_then_one_respondent_gets_more_time_and_a_removed_one_keeps_its_answers(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("a-sek", Roles.Secretariat, "kkr-sjaelland");
        await app.CreateUser("a-faxe", Roles.Respondent, "faxe");
        await app.CreateUser("a-greve", Roles.Respondent, "greve");
        var sek = await app.LoggedIn("a-sek");
        var faxe = await app.LoggedIn("a-faxe");
        var greve = await app.LoggedIn("a-greve");

        var created = await Post(sek, New + "?kopi=akutfunktioner-2024", New, CopyForm());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(Copy + "?oprettet=1", created.Headers.Location!.OriginalString);
        var page = await sek.GetStringAsync(Copy);
        Assert.Contains("Kladde", page);
        Assert.Contains("Kopieret fra", page);
        var (status, respondents, form, responses) = await app.WithDb(async d =>
        {
            var c = await d.Collections.Include(x => x.FormVersion).SingleAsync(x => x.Slug == "akutfunktioner-2025");
            return (c.Status, await d.CollectionRespondents.CountAsync(r => r.CollectionId == c.Id), c.FormVersion!, await d.Responses.CountAsync(r => r.CollectionId == c.Id));
        });
        Assert.Equal(CollectionStatus.Draft, status);
        Assert.Equal(17, respondents);
        Assert.Equal(("akutfunktioner-2025", 1, 0), (form.FormKey, form.Version, responses));
        Assert.Contains("\"key\": \"akutfunktioner-2025\"", form.Json);

        var renamed = await Post(sek, Copy, Copy + "/oplysninger", new() { ["title"] = "Akutfunktioner og sygeplejersker 2025", ["description"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains("Titel og beskrivelse er gemt", await sek.GetStringAsync(renamed.Headers.Location!.OriginalString));
        var blankTitle = await Post(sek, Copy, Copy + "/oplysninger", new() { ["title"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, blankTitle.StatusCode);
        Assert.Contains("Skriv indsamlingens titel", await blankTitle.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Post(sek, Copy, Copy + "/oplysninger", new() { ["title"] = "Akutfunktioner 2025" })).StatusCode);

        // A draft does not exist for the respondents.
        Assert.Equal(HttpStatusCode.NotFound, (await faxe.GetAsync(Copy + "/besvarelser/faxe")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await faxe.GetAsync("/api/collections/akutfunktioner-2025")).StatusCode);
        Assert.DoesNotContain("Akutfunktioner 2025", await faxe.GetStringAsync("/"));
        // Nor for the body's readers, nor another KKR: 404 (as if it did not exist), not 403.
        await app.CreateUser("a-laeser", Roles.Reader, "kkr-sjaelland");
        await app.CreateUser("a-hovedstaden", Roles.Secretariat, "kkr-hovedstaden");
        var reader = await app.LoggedIn("a-laeser");
        var other = await app.LoggedIn("a-hovedstaden");
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/collections/akutfunktioner-2025/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(Copy + "/sammendrag")).StatusCode);
        foreach (var url in new[] { Copy + "/respondenter", Copy + "/skema", Copy + "/skema/vis" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("/api/collections/akutfunktioner-2025/status", new { action = "close" })).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await Post(sek, Copy, Copy + "/status", new() { ["action"] = "publish" })).StatusCode);
        Assert.Contains("Akutfunktioner 2025", await faxe.GetStringAsync("/"));
        var draft = new Dictionary<string, object> { ["iv.udfoeres"] = "ja" };
        Assert.Equal(HttpStatusCode.OK, (await faxe.PutAsJsonAsync("/api/collections/akutfunktioner-2025/responses/faxe", new { answers = draft })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await greve.PutAsJsonAsync("/api/collections/akutfunktioner-2025/responses/greve", new { answers = draft })).StatusCode);

        // Faxe alone gets four more days; after the common deadline Faxe can still answer, Greve cannot.
        var frist = Copy + "/respondenter/faxe/frist";
        var refused = await Post(sek, frist, frist, new() { ["deadline"] = "19-12-2026 12.00", ["reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Skriv hvorfor fristen forlænges", await refused.Content.ReadAsStringAsync());
        var extended = await Post(sek, frist, frist, new() { ["deadline"] = "19-12-2026 12.00", ["reason"] = "Byrådsmøde den 18. december" });
        Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);
        Assert.Contains("Faxe Kommune: fristen er forlænget til 19. december 2026 kl. 12.00", await sek.GetStringAsync(extended.Headers.Location!.OriginalString));
        app.Clock.Now = new DateTimeOffset(2026, 12, 16, 9, 0, 0, TimeSpan.Zero);
        (sek, faxe, greve) = (await app.LoggedIn("a-sek"), await app.LoggedIn("a-faxe"), await app.LoggedIn("a-greve")); // sessions end after 16 days
        Assert.Equal(HttpStatusCode.OK, (await faxe.PutAsJsonAsync("/api/collections/akutfunktioner-2025/responses/faxe", new { answers = draft })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await greve.PutAsJsonAsync("/api/collections/akutfunktioner-2025/responses/greve", new { answers = draft })).StatusCode);
        Assert.Contains("forlænget for jer", await faxe.GetStringAsync("/"));

        // Greve was added by mistake: removed, its answers kept and out of the base; adding it again brings them back.
        var list = Copy + "/respondenter";
        Assert.Equal(HttpStatusCode.Redirect, (await Post(sek, list, list, new() { ["action"] = "remove", ["organisation"] = "greve" })).StatusCode);
        Assert.Equal(1, await app.WithDb(d => d.Responses.Where(r => r.Organisation!.Slug == "greve" && r.Collection!.Slug == "akutfunktioner-2025").SelectMany(r => r.Answers).CountAsync()));
        var summary = await sek.GetFromJsonAsync<JsonElement>("/api/collections/akutfunktioner-2025/summary");
        Assert.Equal(16, summary.GetProperty("fields")[0].GetProperty("respondents").GetInt32());
        Assert.Contains("Fjernet", await sek.GetStringAsync(list));
        Assert.Contains("ikke længere respondent", await greve.GetStringAsync(Copy + "/besvarelser/greve"));
        Assert.Equal(HttpStatusCode.Redirect, (await Post(sek, list, list, new() { ["action"] = "add-one", ["organisation"] = "greve" })).StatusCode);
        summary = await sek.GetFromJsonAsync<JsonElement>("/api/collections/akutfunktioner-2025/summary");
        Assert.Equal(17, summary.GetProperty("fields")[0].GetProperty("respondents").GetInt32());
        // Next year's summary beside last year's, question by question.
        var editions = Html.Text(await sek.GetStringAsync(Copy + "/sammendrag"));
        Assert.Contains("Sammenlignet med tidligere udgaver", editions);
        Assert.Contains("Indsamlingen er kopieret fra »Akutfunktioner", editions);

        // Closed early: nobody answers any more, Faxe's extension notwithstanding; archived: off the front page.
        Assert.Equal(HttpStatusCode.Redirect, (await Post(sek, Copy, Copy + "/status", new() { ["action"] = "close" })).StatusCode);
        var closed = await faxe.PutAsJsonAsync("/api/collections/akutfunktioner-2025/responses/faxe", new { answers = draft });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("Sekretariatet har lukket indsamlingen", await closed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Post(sek, Copy, Copy + "/status", new() { ["action"] = "archive" })).StatusCode);
        Assert.DoesNotContain("Akutfunktioner 2025", await sek.GetStringAsync("/"));
        Assert.Contains("Arkiveret", await sek.GetStringAsync(Copy));
        Assert.Contains("Akutfunktioner 2025", await sek.GetStringAsync("/?arkiv=1"));
        var frozen = await Post(sek, Copy + "/skema", Copy + "/skema", new() { ["action"] = "section-add", ["sectionTitle"] = "Nyt afsnit" });
        Assert.Equal(HttpStatusCode.Conflict, frozen.StatusCode);
        Assert.Contains("Indsamlingen er arkiveret. Genåbn den for at rette skemaet.", await frozen.Content.ReadAsStringAsync());

        var log = await sek.GetFromJsonAsync<JsonElement>("/api/collections/akutfunktioner-2025/audit");
        var actions = log.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        foreach (var expected in new[] { "Created", "StatusChanged", "DeadlineExtended", "RespondentRemoved", "RespondentAdded" })
            Assert.Contains(expected, actions);
        Assert.All(log.EnumerateArray().Where(e => e.GetProperty("action").GetString() != "AnswerChanged"),
            e => Assert.Equal("a-sek", e.GetProperty("user").GetString()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Bad_input_is_refused_by_the_field_and_nothing_is_created_and_only_the_owner_copies(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("a-sek", Roles.Secretariat, "kkr-sjaelland");
        await app.CreateUser("a-hovedstaden", Roles.Secretariat, "kkr-hovedstaden");
        await app.CreateUser("a-faxe", Roles.Respondent, "faxe");
        var sek = await app.LoggedIn("a-sek");
        var before = await app.WithDb(d => d.Collections.CountAsync());

        var bad = CopyForm("Akut 2025");
        bad["deadline"] = "29-11-2026 12.00";
        bad["title"] = "";
        var response = await Post(sek, New, New, bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Skriv indsamlingens titel", html);
        Assert.Contains("Adressen må kun have små bogstaver", html);
        Assert.Contains("Fristen skal ligge efter åbningstidspunktet", html);
        Assert.Contains("value=\"Akut 2025\"", html); // what was typed is kept
        var taken = await Post(sek, New, New, CopyForm("akutfunktioner-2024"));
        Assert.Contains("Der findes allerede en indsamling med adressen", await taken.Content.ReadAsStringAsync());

        // Another KKR's secretariat may start collections, but not copy KKR Sjælland's; a municipality may do neither.
        var other = await app.LoggedIn("a-hovedstaden");
        var foreign = await Post(other, New, New, CopyForm());
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("Der er ingen indsamling »akutfunktioner-2024«, du kan kopiere", await foreign.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Akutfunktioner og forbeholdt", await foreign.Content.ReadAsStringAsync());
        var faxe = await app.LoggedIn("a-faxe");
        Assert.Equal(HttpStatusCode.Forbidden, (await faxe.GetAsync(New)).StatusCode);
        Assert.Equal(before, await app.WithDb(d => d.Collections.CountAsync()));

        // A blank draft cannot be published: the page says what is missing.
        var blank = new Dictionary<string, string> { ["title"] = "Klimatilpasning 2026", ["slug"] = "klima-2026", ["opens"] = "01-12-2026 08.00", ["deadline"] = "20-12-2026 12.00" };
        Assert.Equal(HttpStatusCode.Redirect, (await Post(sek, New, New, blank)).StatusCode);
        var publish = await Post(sek, "/indsamlinger/klima-2026", "/indsamlinger/klima-2026/status", new() { ["action"] = "publish" });
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        var why = await publish.Content.ReadAsStringAsync();
        Assert.Contains("Der er ingen respondenter", why);
        Assert.Contains("Skemaet har ingen spørgsmål", why);
        Assert.Equal(CollectionStatus.Draft, await app.WithDb(d => d.Collections.Where(c => c.Slug == "klima-2026").Select(c => c.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(other, "/", "/indsamlinger/akutfunktioner-2024/status", new() { ["action"] = "close" })).StatusCode);
    }
}

/// <summary>The same workflow through the API, as automation would run it: create a copy, publish, extend, remove, close.</summary>
public class AuthoringApiTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_api_creates_publishes_extends_removes_and_closes_with_problems_by_field(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("api-sek", Roles.Secretariat, "kkr-sjaelland");
        await app.CreateUser("api-faxe", Roles.Respondent, "faxe");
        var sek = await app.LoggedIn("api-sek");
        const string api = "/api/collections/akut-api";

        var bad = await sek.PostAsJsonAsync("/api/collections", new { slug = "Akut API", opens = "2026-11-30T08:00", deadline = "2026-11-29T08:00" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _) && errors.TryGetProperty("slug", out _) && errors.TryGetProperty("deadline", out _), errors.ToString());

        var created = await sek.PostAsJsonAsync("/api/collections", new
        {
            slug = "akut-api", title = "Akut via API", opens = "2026-11-30T08:00", deadline = "2026-12-15T12:00", copyFrom = "akutfunktioner-2024",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var state = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Draft", "akutfunktioner-2024", 17), (state.GetProperty("status").GetString(), state.GetProperty("copiedFrom").GetString(), state.GetProperty("respondents").GetArrayLength()));

        var wrong = await sek.PostAsJsonAsync(api + "/status", new { action = "fly" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("Open", (await (await sek.PostAsJsonAsync(api + "/status", new { action = "publish" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var again = await sek.PostAsJsonAsync(api + "/status", new { action = "publish" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var extended = await sek.PutAsJsonAsync(api + "/respondents/faxe/deadline", new { deadline = "2026-12-19T12:00", reason = "Byrådsmøde" });
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var faxe = (await extended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("respondents").EnumerateArray().Single(r => r.GetProperty("slug").GetString() == "faxe");
        Assert.Equal(new DateTime(2026, 12, 19, 11, 0, 0), faxe.GetProperty("deadlineUtc").GetDateTime());
        var removed = await sek.DeleteAsync(api + "/respondents/greve");
        Assert.False((await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("respondents").EnumerateArray().Single(r => r.GetProperty("slug").GetString() == "greve").GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await sek.PostAsJsonAsync(api + "/respondents", new { group = "kkr:findes-ikke" })).StatusCode);
        var added = await sek.PostAsJsonAsync(api + "/respondents", new { organisation = "region-sjaelland" });
        Assert.Equal(17, (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("respondents").EnumerateArray().Count(r => r.GetProperty("active").GetBoolean()));

        var municipality = await app.LoggedIn("api-faxe");
        Assert.Equal(HttpStatusCode.Forbidden, (await municipality.PostAsJsonAsync(api + "/status", new { action = "close" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await municipality.PostAsJsonAsync("/api/collections", new { slug = "x" })).StatusCode);
        Assert.Equal("Closed", (await (await sek.PostAsJsonAsync(api + "/status", new { action = "close" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }
}
