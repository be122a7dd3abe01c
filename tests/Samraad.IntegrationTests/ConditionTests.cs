using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Samraad.IntegrationTests;

/// <summary>
/// A conditional question (the test pack's "begrundelse", asked only when "Udføres opgaven?" is answered Nej):
/// said in words on the form, refused when not asked, required only when asked, and summarised over those asked.
/// </summary>
public class ConditionTests
{
    const string Api = "/api/collections/alle-felttyper/responses/";

    [Theory, OnSqlite, OnPostgres]
    public async Task A_question_is_asked_required_and_counted_only_when_its_condition_holds(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        await app.CreateUser("greve-bruger", Roles.Respondent, "greve");
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var faxe = await app.LoggedIn("faxe-bruger");
        var greve = await app.LoggedIn("greve-bruger");

        var page = Html.Text(await faxe.GetStringAsync("/indsamlinger/alle-felttyper/besvarelser/faxe"));
        Assert.Contains("Hvorfor udføres opgaven ikke? Besvares kun, hvis du har svaret Nej til »Udføres opgaven?«.", page);

        // Answered though not asked (the answer to the first question is Ja): refused by the field, nothing stored.
        var refused = await faxe.PutAsJsonAsync(Api + "faxe", new { answers = new Dictionary<string, string> { ["ja-nej"] = "ja", ["begrundelse"] = "Mangler personale" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Hvorfor udføres opgaven ikke?: Besvares kun, hvis du har svaret Nej til »Udføres opgaven?«. Svaret er ikke gemt.",
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("begrundelse")[0].GetString());
        Assert.False((await faxe.GetFromJsonAsync<JsonElement>(Api + "faxe")).GetProperty("answers").TryGetProperty("ja-nej", out _));

        // Asked once the answer is Nej, and then required.
        var incomplete = await faxe.PostAsJsonAsync(Api + "faxe/submit", new { answers = new Dictionary<string, string> { ["ja-nej"] = "nej", ["grad"] = "hoej" } });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.True((await incomplete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("begrundelse", out _));
        Assert.Equal(HttpStatusCode.OK, (await faxe.PostAsJsonAsync(Api + "faxe/submit", new { answers = new Dictionary<string, string>
        {
            ["ja-nej"] = "nej", ["grad"] = "hoej", ["begrundelse"] = "Mangler personale",
        } })).StatusCode);
        // Not asked (Ja), so not required.
        Assert.Equal(HttpStatusCode.OK, (await greve.PostAsJsonAsync(Api + "greve/submit", new { answers = new Dictionary<string, string> { ["ja-nej"] = "ja", ["grad"] = "hoej" } })).StatusCode);

        Assert.Contains("Hvorfor udføres opgaven ikke? Ikke spurgt", Html.Text(await greve.GetStringAsync("/indsamlinger/alle-felttyper/besvarelser/greve")));
        var summary = Html.Text(await (await app.LoggedIn("sek")).GetStringAsync("/indsamlinger/alle-felttyper/sammendrag"));
        Assert.Contains("Hvorfor udføres opgaven ikke? Spurgt (besvares kun på betingelse) 1 af 2 indsendte Besvaret 1/1 100 %", summary);
    }
}
