using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Samraad.Documents;

namespace Samraad.IntegrationTests;

/// <summary>"Vælg alle relevante" (the test pack's "tiltag": four measures and the exclusive "Ingen af delene", at most three) through the API, the page, the summary and the export.</summary>
public class MultiChoiceTests
{
    const string Api = "/api/collections/alle-felttyper/responses/";
    const string Page = "/indsamlinger/alle-felttyper/besvarelser/faxe";

    static async Task<JsonElement> Tiltag(HttpClient client, string org = "faxe") =>
        (await client.GetFromJsonAsync<JsonElement>(Api + org)).GetProperty("answers").GetProperty("tiltag");

    [Theory, OnSqlite, OnPostgres]
    public async Task Several_options_are_saved_in_the_scales_order_and_bad_combinations_are_refused_by_the_field(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var faxe = await app.LoggedIn("faxe-bruger");
        Assert.Equal(HttpStatusCode.OK, (await faxe.PutAsJsonAsync(Api + "faxe", new { answers = new { tiltag = new[] { "lar", "plan" } } })).StatusCode);
        var stored = await Tiltag(faxe);
        Assert.Equal("plan;lar", stored.GetProperty("value").GetString());
        Assert.Equal("Klimatilpasningsplan, Lokal afledning af regnvand (LAR)", stored.GetProperty("display").GetString());

        foreach (var (choice, message) in new[]
        {
            (new[] { "plan", "ingen" }, "»Ingen af delene« kan ikke vælges sammen med andre svar"),
            (new[] { "plan", "kort", "lar", "dige" }, "vælg højst 3 (der er valgt 4)"),
            (new[] { "plan", "bro" }, "Svaret »bro« findes ikke"),
        })
        {
            var refused = await faxe.PutAsJsonAsync(Api + "faxe", new { answers = new { tiltag = choice } });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("tiltag")[0].GetString();
            Assert.Contains(message, errors);
        }
        Assert.Equal("plan;lar", (await Tiltag(faxe)).GetProperty("value").GetString()); // nothing changed
        Assert.Equal(HttpStatusCode.OK, (await faxe.PutAsJsonAsync(Api + "faxe", new { answers = new { tiltag = new[] { "ingen" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await faxe.PutAsJsonAsync(Api + "faxe", new { answers = new { tiltag = "Risikokortlægning; dige" } })).StatusCode);
        Assert.Equal("kort;dige", (await Tiltag(faxe)).GetProperty("value").GetString()); // labels and keys, as text too
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_page_shows_checkboxes_and_saves_what_was_ticked(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var faxe = await app.LoggedIn("faxe-bruger");
        var html = await faxe.GetStringAsync(Page);
        Assert.Contains("<legend class=\"form-label\">Hvilke tiltag har kommunen? (vælg alle relevante) (valgfrit)</legend>", html);
        Assert.Contains("Vælg højst 3.", html);
        Assert.Contains("id=\"f-tiltag-ingen\" name=\"tiltag\" value=\"ingen\"", html);
        Assert.Contains("Ingen af delene – kan ikke kombineres med andre svar", html);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        async Task<HttpResponseMessage> Post(params string[] ticked) => await faxe.PostAsync(Page, new FormUrlEncodedContent(
            ticked.Select(t => new KeyValuePair<string, string>("tiltag", t)).Append(new("action", "save")).Append(new("__RequestVerificationToken", token))));
        Assert.Equal(HttpStatusCode.Redirect, (await Post("dige", "plan")).StatusCode);
        Assert.Equal("plan;dige", (await Tiltag(faxe)).GetProperty("value").GetString());
        var again = await faxe.GetStringAsync(Page);
        Assert.Contains("value=\"plan\" checked", again);
        Assert.Contains("value=\"dige\" checked", again);
        var refused = await Post("plan", "ingen");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("»Ingen af delene« kan ikke vælges sammen med andre svar", await refused.Content.ReadAsStringAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_summary_counts_respondents_per_option_and_the_export_has_a_column_per_option(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var choices = new Dictionary<string, string[]> { ["faxe"] = ["plan", "lar"], ["greve"] = ["plan"], ["koege"] = ["ingen"] };
        foreach (var (org, chosen) in choices)
        {
            await app.CreateUser(org + "-bruger", Roles.Respondent, org);
            var client = await app.LoggedIn(org + "-bruger");
            var submit = await client.PostAsJsonAsync(Api + org + "/submit", new { answers = new Dictionary<string, object> { ["ja-nej"] = "ja", ["grad"] = "hoej", ["tiltag"] = chosen } });
            Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        }
        var sek = await app.LoggedIn("sek");
        var summary = Html.Text(await sek.GetStringAsync("/indsamlinger/alle-felttyper/sammendrag"));
        Assert.Contains("Klimatilpasningsplan 2/17", summary);
        Assert.Contains("Lokal afledning af regnvand (LAR) 1/17", summary);
        Assert.Contains("Ingen af delene 1/17", summary);
        Assert.Contains("Valgt mindst én 3/17", summary);
        Assert.Contains("andelene kan tilsammen give mere end 100 %", summary);

        var csv = Csv.Read(Tabular.Decode(await sek.GetByteArrayAsync("/api/collections/alle-felttyper/export?format=csv")).Text, out var header);
        Assert.Contains("tiltag", header);
        Assert.Contains("tiltag:plan", header);
        Assert.Contains("tiltag:ingen", header);
        var faxe = csv.Single(r => r["respondent"] == "faxe");
        Assert.Equal("Klimatilpasningsplan, Lokal afledning af regnvand (LAR)", faxe["tiltag"]);
        Assert.Equal(("1", "0", "1", "0"), (faxe["tiltag:plan"], faxe["tiltag:kort"], faxe["tiltag:lar"], faxe["tiltag:ingen"]));
        Assert.Equal("", csv.Single(r => r["respondent"] == "roskilde")["tiltag:plan"]); // not submitted: no 0
    }
}
