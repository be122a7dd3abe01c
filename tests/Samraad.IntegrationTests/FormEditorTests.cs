using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Samraad.IntegrationTests;

/// <summary>
/// A secretariat builds a climate-adaptation collection from blank in the form editor — a yes/no question with a
/// "Hvis ja" follow-up, a Likert matrix, a project table — publishes it to three municipalities, and Faxe answers;
/// later a question with answers is deleted only after confirming, as a new form version that keeps the answers.
/// </summary>
public class FormEditorTests
{
    const string C = "/indsamlinger/klima-2026", Editor = C + "/skema";

    static async Task<HttpResponseMessage> Post(HttpClient client, string page, string action, Dictionary<string, string> fields) =>
        await client.PostAsync(action, await TestApp.Form(client, page, fields));

    static async Task AddQuestion(HttpClient sek, string section, Dictionary<string, string> fields)
    {
        var page = $"{Editor}/felter/ny?afsnit={section}";
        var saved = await Post(sek, page, page, fields);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"{fields["label"]}: {(int)saved.StatusCode} {Html.Text(await saved.Content.ReadAsStringAsync())[..Math.Min(600, Html.Text(await saved.Content.ReadAsStringAsync()).Length)]}");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_collection_built_from_blank_is_answered_and_summarised(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("e-sek", Roles.Secretariat, "kkr-sjaelland");
        await app.CreateUser("e-faxe", Roles.Respondent, "faxe");
        var sek = await app.LoggedIn("e-sek");
        Assert.Equal(HttpStatusCode.Redirect, (await Post(sek, "/indsamlinger/ny", "/indsamlinger/ny", new()
            { ["title"] = "Klimatilpasning 2026", ["slug"] = "klima-2026", ["opens"] = "30-11-2026 08.00", ["deadline"] = "20-12-2026 12.00" })).StatusCode);

        var empty = await Post(sek, Editor, Editor, new() { ["action"] = "section-add", ["sectionTitle"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Skriv afsnittets titel", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Post(sek, Editor, Editor, new() { ["action"] = "section-add", ["sectionTitle"] = "Plan og tiltag" })).StatusCode);

        await AddQuestion(sek, "plan-og-tiltag", new() { ["label"] = "Har kommunen en klimatilpasningsplan?", ["key"] = "plan", ["type"] = "yesNo", ["required"] = "true" });
        // Bad input is refused by the field, and nothing is saved.
        var page = $"{Editor}/felter/ny?afsnit=plan-og-tiltag";
        var bad = await Post(sek, page, page, new() { ["label"] = "", ["key"] = "Plan Ø", ["type"] = "date", ["conditionField"] = "plan", ["conditionOperator"] = "equals", ["conditionValue"] = "måske" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = Html.Text(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Skriv spørgsmålet", badHtml);
        Assert.Contains("Nøglen må kun have små bogstaver", badHtml);
        Assert.Contains("Skriv et af svarene på »Har kommunen en klimatilpasningsplan?«", badHtml);
        var twice = await Post(sek, page, page, new() { ["label"] = "Igen", ["key"] = "plan", ["type"] = "yesNo" });
        Assert.Contains("Nøglen »plan« bruges allerede", Html.Text(await twice.Content.ReadAsStringAsync()));
        await AddQuestion(sek, "plan-og-tiltag", new()
        {
            ["label"] = "Hvornår blev planen vedtaget?", ["key"] = "vedtaget", ["type"] = "date", ["required"] = "true",
            ["conditionField"] = "plan", ["conditionOperator"] = "isYes",
        });
        await AddQuestion(sek, "plan-og-tiltag", new()
        {
            ["label"] = "Hvor høj er risikoen?", ["key"] = "risiko", ["type"] = "matrix", ["rows"] = "skybrud = Skybrud\nstormflod = Stormflod",
            ["columns"] = "nu = I dag", ["cellType"] = "choice", ["cellOptions"] = "1 = Meget lav\n2 = Lav\n3 = Middel\n4 = Høj\n5 = Meget høj", ["missingCodes"] = "ved-ikke",
        });
        await AddQuestion(sek, "plan-og-tiltag", new()
        {
            ["label"] = "Projekter", ["key"] = "projekter", ["type"] = "table", ["maxRows"] = "5",
            ["tableColumns"] = "navn = Projekt = text\nbeloeb = Anlægsudgift = amount\nfaelles = Fælles med nabokommune = yesNo",
        });
        var overview = Html.Text(await sek.GetStringAsync(Editor));
        Assert.Contains("Besvares kun, hvis du har svaret Ja til »Har kommunen en klimatilpasningsplan?«", overview);

        // Preview as Faxe is the real form, read-only, with a banner; then publish to three municipalities.
        var list = C + "/respondenter";
        foreach (var org in new[] { "faxe", "greve", "koege" })
            Assert.Equal(HttpStatusCode.Redirect, (await Post(sek, list, list, new() { ["action"] = "add-one", ["organisation"] = org })).StatusCode);
        var preview = await sek.GetAsync(Editor + "/vis?som=faxe");
        var previewHtml = Html.Text(await sek.GetStringAsync(preview.Headers.Location!.OriginalString));
        Assert.Contains("Forhåndsvisning: sådan ser skemaet ud for Faxe Kommune", previewHtml);
        Assert.Contains("Hvornår blev planen vedtaget?", previewHtml);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(sek, C, C + "/status", new() { ["action"] = "publish" })).StatusCode);

        var faxe = await app.LoggedIn("e-faxe");
        var submit = await faxe.PostAsJsonAsync("/api/collections/klima-2026/responses/faxe/submit", new
        {
            answers = new Dictionary<string, object>
            {
                ["plan"] = "ja", ["vedtaget"] = "01-06-2025", ["risiko/skybrud/nu"] = "4", ["risiko/stormflod/nu"] = "5",
                ["projekter/1/navn"] = "Regnvandsbassin", ["projekter/1/beloeb"] = "2.500.000", ["projekter/1/faelles"] = "ja",
            },
        });
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var summary = await sek.GetFromJsonAsync<JsonElement>("/api/collections/klima-2026/summary");
        var table = summary.GetProperty("repeatingTables")[0];
        Assert.Equal(1, table.GetProperty("rows").GetInt32());
        Assert.Contains("Regnvandsbassin", await sek.GetStringAsync(C + "/matrix?tekst=1"));
        Assert.Equal(3, summary.GetProperty("fields").EnumerateArray().First(f => f.GetProperty("key").GetString() == "plan").GetProperty("respondents").GetInt32());

        // Removing an option somebody chose needs confirming too (Faxe answered 5 for stormflod).
        var risiko = Editor + "/felter/risiko";
        var narrowed = await Post(sek, risiko, risiko, new()
        {
            ["label"] = "Hvor høj er risikoen?", ["key"] = "risiko", ["type"] = "matrix", ["rows"] = "skybrud = Skybrud\nstormflod = Stormflod",
            ["columns"] = "nu = I dag", ["cellType"] = "choice", ["cellOptions"] = "1 = Meget lav\n2 = Lav\n3 = Middel\n4 = Høj", ["missingCodes"] = "ved-ikke",
        });
        Assert.Equal(HttpStatusCode.Conflict, narrowed.StatusCode);
        Assert.Contains("Ændringen berører 1 svar fra Faxe Kommune", Html.Text(await narrowed.Content.ReadAsStringAsync()));

        // Deleting a question with answers: first how many and whose, then a new version that keeps them.
        var delete = await Post(sek, Editor, Editor, new() { ["action"] = "field-delete", ["field"] = "vedtaget" });
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Contains("Ændringen berører 1 svar fra Faxe Kommune", Html.Text(await delete.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await Post(sek, Editor, Editor, new() { ["action"] = "field-delete", ["field"] = "vedtaget", ["confirmed"] = "true" })).StatusCode);
        var versions = await app.WithDb(d => d.FormVersions.Where(v => v.FormKey == "klima-2026").OrderBy(v => v.Version).Select(v => v.Version).ToListAsync());
        Assert.Equal([1, 2], versions);
        Assert.Equal(1, await app.WithDb(d => d.ReceiptAnswers.CountAsync(a => a.FieldKey == "vedtaget")));
        Assert.Contains("Spørgsmål slettet: »Hvornår blev planen vedtaget?«", Html.Text(await sek.GetStringAsync(C + "/log")));
    }
}
