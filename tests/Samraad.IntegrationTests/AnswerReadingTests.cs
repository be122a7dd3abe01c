using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Samraad.IntegrationTests;

/// <summary>What a respondent writes is read and shown right: "1.250" is 1.250 kr., JSON numbers stay numbers, a misplaced dot is refused (never guessed), and table cells are named whole, in the form's order.</summary>
public class AnswerReadingTests
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

    [Theory, OnSqlite, OnPostgres]
    public async Task The_print_view_names_table_cells_whole_and_in_the_forms_order(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var faxe = await app.LoggedIn("faxe-bruger");
        var put = await faxe.PutAsJsonAsync(Api, new { answers = new Dictionary<string, object>
        {
            ["projekter/2/beloeb"] = "500", ["projekter/2/navn"] = "Botilbud Syd", ["projekter/1/beloeb"] = "2.500.000", ["projekter/1/navn"] = "Botilbud Nord",
        } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var text = Html.Text(await faxe.GetStringAsync("/indsamlinger/alle-felttyper/besvarelser/faxe/vis"));
        var order = new[] { "Række 1: Projektnavn: Botilbud Nord", "Række 1: Beløb 2025: 2.500.000,00 kr.", "Række 2: Projektnavn: Botilbud Syd", "Række 2: Beløb 2025: 500,00 kr." }
            .Select(t => text.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i >= 0, text));
        Assert.Equal(order.Order().ToList(), order);
        Assert.DoesNotContain("ække 1", text.Replace("Række 1", ""));
    }
}
