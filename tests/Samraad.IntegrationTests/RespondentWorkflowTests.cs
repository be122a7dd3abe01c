using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Samraad.IntegrationTests;

/// <summary>The issue's story through HTTP: the secretariat reopens Faxe, Faxe corrects and submits, the summary follows.</summary>
public class RespondentWorkflowTests
{
    const string Akut = "/indsamlinger/akutfunktioner-2024";
    const string Faxe = Akut + "/besvarelser/faxe";

    static async Task<TestApp> AppWithOpenWindow(Db db)
    {
        var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var sek = await app.LoggedIn("sek");
        var window = await sek.PostAsync(Akut + "/frist", await TestApp.Form(sek, Akut, new() { ["opens"] = "01-11-2026 08.00", ["deadline"] = "15-12-2026 23.59" }));
        Assert.Equal(HttpStatusCode.Redirect, window.StatusCode);
        var reopen = await sek.PostAsync(Faxe + "/genaabn", await TestApp.Form(sek, Faxe, new() { ["reason"] = "Kommunen har meldt en rettelse" }));
        Assert.Equal(HttpStatusCode.Redirect, reopen.StatusCode);
        return app;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Faxe_changes_an_answer_saves_previews_submits_and_the_secretariat_sees_it(Db db)
    {
        await using var app = await AppWithOpenWindow(db);
        var faxe = await app.LoggedIn("faxe-bruger");

        var form = await faxe.GetStringAsync(Faxe);
        Assert.True(Html.RadioChecked(form, "blodtransfusioner.udfoeres", "nej"));
        Assert.Contains("Genåbnet af sekretariatet", Html.Text(form));

        // Gem kladde: Faxe now performs blood transfusions.
        var fields = CurrentFields(form);
        fields["blodtransfusioner.udfoeres"] = "ja";
        fields["blodtransfusioner.oplysninger"] = "Opstartet 1. november 2026";
        fields["action"] = "save";
        var saved = await faxe.PostAsync(Faxe, await TestApp.Form(faxe, Faxe, fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var afterSave = await faxe.GetStringAsync(saved.Headers.Location!.ToString());
        Assert.Contains("Kladden er gemt", afterSave);
        Assert.True(Html.RadioChecked(afterSave, "blodtransfusioner.udfoeres", "ja"));

        // Vis: the print view shows the draft.
        var preview = Html.Text(await faxe.GetStringAsync(Faxe + "/vis"));
        Assert.Contains("Genåbnet – ikke indsendt igen", preview);
        Assert.Contains("Opstartet 1. november 2026", preview);

        // The summary still counts the last submitted answers while the draft is open.
        var sek = await app.LoggedIn("sek");
        Assert.Equal(0, await Performed(sek, "Blodtransfusioner"));

        // Indsend: a receipt with number, organisation, user and Danish time.
        fields = CurrentFields(afterSave);
        fields["action"] = "submit";
        app.Clock.Now = new DateTimeOffset(2026, 11, 30, 13, 5, 0, TimeSpan.Zero);
        var submitted = await faxe.PostAsync(Faxe, await TestApp.Form(faxe, Faxe, fields));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var receipt = Html.Text(await faxe.GetStringAsync(submitted.Headers.Location!.ToString()));
        Assert.Matches(@"Kvitteringsnummer KV-2026-\d{6}", receipt);
        Assert.Contains("Organisation Faxe Kommune", receipt);
        Assert.Contains("Indsendt af Test faxe-bruger (faxe-bruger)", receipt);
        Assert.Contains("30. november 2026 kl. 14.05 (dansk tid)", receipt);
        Assert.Contains("Underskrift", receipt);

        // Locked now.
        var locked = await faxe.GetStringAsync(Faxe);
        Assert.DoesNotContain("name=\"action\"", locked);

        // The secretariat sees the new count and the change in the audit log.
        Assert.Equal(1, await Performed(sek, "Blodtransfusioner"));
        var log = Html.Text(await sek.GetStringAsync(Akut + "/log?respondent=faxe"));
        Assert.Contains("Test faxe-bruger (faxe-bruger) Faxe Kommune Svar ændret Blodtransfusioner: Udføres opgaven? Nej Ja", log);
        Assert.Contains("Genåbnet", log);
        Assert.Contains("Kommunen har meldt en rettelse", log);
        Assert.Contains("Indsendt", log);
        var api = await sek.GetFromJsonAsync<JsonElement>("/api/collections/akutfunktioner-2024/audit?respondent=faxe");
        Assert.Contains(api.EnumerateArray(), e => e.GetProperty("field").GetString() == "blodtransfusioner.udfoeres"
                                                   && e.GetProperty("oldValue").GetString() == "nej" && e.GetProperty("newValue").GetString() == "ja");
    }

    static async Task<int> Performed(HttpClient client, string task)
    {
        var summary = await client.GetFromJsonAsync<JsonElement>("/api/collections/akutfunktioner-2024/summary");
        return summary.GetProperty("tables")[0].GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("label").GetString()!.StartsWith(task)).GetProperty("cells")[0].GetProperty("count").GetInt32();
    }

    /// <summary>What the browser would post for the form as it is: checked radios, text areas, hidden fields.</summary>
    internal static Dictionary<string, string> CurrentFields(string html)
    {
        var fields = new Dictionary<string, string>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<input type=\"radio\"[^>]*name=\"([^\"]+)\" value=\"([^\"]*)\" checked"))
            fields[m.Groups[1].Value] = m.Groups[2].Value;
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<textarea[^>]*name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>"))
            fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<input type=\"hidden\" name=\"revision\" value=\"(\\d+)\""))
            fields["revision"] = m.Groups[1].Value;
        return fields;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Outside_the_window_a_respondent_reads_but_cannot_change_and_is_told_why(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var faxe = await app.LoggedIn("faxe-bruger");
        var page = Html.Text(await faxe.GetStringAsync(Faxe));
        Assert.Contains("Fristen udløb 4. marts 2024 kl. 23.59", page);
        Assert.Contains("Intravenøs AB-behandling", page); // the answers are readable

        var put = await faxe.PutAsJsonAsync("/api/collections/akutfunktioner-2024/responses/faxe", new { answers = new Dictionary<string, string> { ["iv.udfoeres"] = "nej" } });
        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Contains("Fristen udløb", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Reopening_needs_the_secretariat_and_a_reason(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var faxe = await app.LoggedIn("faxe-bruger");
        var byRespondent = await faxe.PostAsJsonAsync("/api/collections/akutfunktioner-2024/responses/faxe/reopen", new { reason = "vil rette" });
        Assert.Equal(HttpStatusCode.Forbidden, byRespondent.StatusCode);

        var sek = await app.LoggedIn("sek");
        var noReason = await sek.PostAsync(Faxe + "/genaabn", await TestApp.Form(sek, Faxe, new() { ["reason"] = " " }));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var html = await noReason.Content.ReadAsStringAsync();
        Assert.StartsWith("Fejl:", Html.Title(html));
        Assert.Contains("href=\"#f-reason\"", html);
        Assert.Contains("Skriv hvorfor besvarelsen genåbnes", html);
    }
}
