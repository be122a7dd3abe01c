using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Samraad.IntegrationTests;

/// <summary>"1.250" is 1.250 kr. wherever a person writes it; JSON numbers stay numbers; a misplaced dot is refused, never guessed.</summary>
public class DanishNumberTests
{
    const string Api = "/api/collections/alle-felttyper/responses/faxe";

    [Theory, OnSqlite, OnPostgres]
    public async Task An_amount_written_1_250_is_stored_and_shown_as_1_250_kroner(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var faxe = await app.LoggedIn("faxe-bruger");

        var put = await faxe.PutAsJsonAsync(Api, new { answers = new Dictionary<string, object> { ["beloeb"] = "1.250", ["antal"] = "1.234", ["andel"] = 12.5 } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var answers = (await faxe.GetFromJsonAsync<JsonElement>(Api)).GetProperty("answers");
        Assert.Equal("125000", answers.GetProperty("beloeb").GetProperty("value").GetString()); // whole øre
        Assert.Equal("1234", answers.GetProperty("antal").GetProperty("value").GetString());
        Assert.Equal("12.5", answers.GetProperty("andel").GetProperty("value").GetString());   // the JSON number 12.5
        var preview = await faxe.GetStringAsync("/indsamlinger/alle-felttyper/besvarelser/faxe/vis");
        Assert.Contains("1.250,00 kr.", preview);

        var bad = await faxe.PutAsJsonAsync(Api, new { answers = new Dictionary<string, object> { ["beloeb"] = "12.50" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("»12.50« er ikke skrevet som et dansk tal", problem.GetProperty("errors").GetProperty("beloeb")[0].GetString());
        var after = (await faxe.GetFromJsonAsync<JsonElement>(Api)).GetProperty("answers");
        Assert.Equal("125000", after.GetProperty("beloeb").GetProperty("value").GetString()); // nothing changed
    }
}
