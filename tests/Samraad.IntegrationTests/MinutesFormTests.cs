using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Samraad.IntegrationTests;

/// <summary>The minutes page is one form: attendance and every decision saved with one press, or nothing saved.</summary>
public class MinutesFormTests
{
    const string Minutes = "/moeder/" + MeetingTests.Slug + "/referat";

    [Theory, OnSqlite, OnPostgres]
    public async Task Gem_alle_beslutninger_saves_every_decision_at_once_and_a_wrong_one_saves_nothing(Db db)
    {
        var (app, sek) = await MeetingTests.Start(db);
        await using var _ = app;
        await MeetingTests.Publish(sek);
        var page = await sek.GetStringAsync(Minutes);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "Gem alle beslutninger"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "id=\"f-taskText\""));

        // A discussion item (2.3) cannot be "approved": the page says so by the field, and 2.5's valid decision is not saved either.
        var bad = await sek.PostAsync(Minutes, await TestApp.Form(sek, Minutes, new()
            { ["decision-2.3"] = "Approved", ["decision-2.5"] = "Approved", ["decisionText-2.5"] = "Godkendt." }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Intet er gemt", html);
        Assert.Contains("href=\"#f-decision-2-3\"", html);
        Assert.Equal("None", await Outcome(app, "2.5"));
        Assert.Contains("Godkendt.</textarea>", html); // what was typed is shown again, not lost
        Assert.Matches("<option value=\"Approved\" selected[^>]*>", html);

        var good = await sek.PostAsync(Minutes, await TestApp.Form(sek, Minutes, new()
        {
            ["decision-2.3"] = "Noted", ["decision-2.5"] = "Approved", ["decisionText-2.5"] = "Godkendt.", ["decision-2.7"] = "Postponed",
            ["decision-2.9"] = "Noted", ["decisionText-2.10"] = "", ["present"] = "",
        }));
        Assert.True(good.StatusCode == HttpStatusCode.Redirect, Html.Text(await good.Content.ReadAsStringAsync()));
        Assert.Equal(("Noted", "Approved", "Postponed", "Noted", "None"),
            (await Outcome(app, "2.3"), await Outcome(app, "2.5"), await Outcome(app, "2.7"), await Outcome(app, "2.9"), await Outcome(app, "2.10")));

        // The one task form names the item it follows up.
        var task = await sek.PostAsync(Minutes + "/opgaver", await TestApp.Form(sek, Minutes, new()
            { ["taskItem"] = "2.7", ["taskText"] = "Sende anbefalingen", ["taskOwner"] = "faxe", ["taskPerson"] = "", ["taskDue"] = "30-04-2027" }));
        Assert.Equal(HttpStatusCode.Redirect, task.StatusCode);
        var noItem = await sek.PostAsync(Minutes + "/opgaver", await TestApp.Form(sek, Minutes, new() { ["taskItem"] = "", ["taskText"] = "X", ["taskDue"] = "30-04-2027" }));
        Assert.Equal(HttpStatusCode.BadRequest, noItem.StatusCode);
        Assert.Contains("Vælg det punkt, opgaven følger op på", await noItem.Content.ReadAsStringAsync());

        // A second press decides the rest; what was decided before and is left at "Vælg" stays as it was.
        var rest = await sek.PostAsync(Minutes, await TestApp.Form(sek, Minutes, new()
            { ["decision-2.4"] = "Noted", ["decision-2.6"] = "Approved", ["decision-2.8"] = "Approved", ["decision-2.10"] = "Noted" }));
        Assert.Equal(HttpStatusCode.Redirect, rest.StatusCode);
        Assert.Equal(("Approved", "Noted"), (await Outcome(app, "2.5"), await Outcome(app, "2.10")));

        // Approved minutes are read-only: no decision form, no task form, only the addendum.
        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync(Minutes + "/afholdt", await TestApp.Form(sek, Minutes, new()))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync(Minutes + "/godkend", await TestApp.Form(sek, Minutes, new()))).StatusCode);
        var approved = await sek.GetStringAsync(Minutes);
        Assert.DoesNotContain("Gem alle beslutninger", approved);
        Assert.DoesNotContain("Opret opgave", approved);
        Assert.Contains("Tilføj rettelse", approved);
        Assert.Equal(HttpStatusCode.Conflict, (await sek.PostAsync(Minutes, await TestApp.Form(sek, Minutes, new() { ["decision-2.9"] = "Postponed" }))).StatusCode);
    }

    static Task<string> Outcome(TestApp app, string number) =>
        app.WithDb(d => d.AgendaItems.Where(i => i.Number == number).Select(i => i.Outcome.ToString()).FirstAsync());
}
