using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samraad.Documents.Pdf;

namespace Samraad.IntegrationTests;

/// <summary>
/// What the secretariat changes after publishing is its draft: the public, municipalities and members see the
/// published version — pages, API, files, live attachments and search — until the agenda is published again.
/// </summary>
public class PublishedVersionTests
{
    const string Slug = MeetingTests.Slug;
    const string Meeting = "/moeder/" + Slug;

    static async Task<string> CaseText(HttpClient client, string number) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/meetings/{Slug}")).GetProperty("items").EnumerateArray()
        .Single(i => i.GetProperty("number").GetString() == number).GetProperty("caseText").GetString()!;

    [Theory, OnSqlite, OnPostgres]
    public async Task Edits_after_publishing_stay_with_the_secretariat_until_it_publishes_again(Db db)
    {
        var (app, sek) = await MeetingTests.Start(db);
        await using var _ = app;
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        await app.CreateUser("laeser", Roles.Reader, "kkr-sjaelland");
        var faxe = await app.LoggedIn("faxe-bruger");
        var member = await app.LoggedIn("laeser");
        var anonymous = app.Client();

        // Before the first publishing the meeting does not exist for anyone but the secretariat.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/offentlig/moeder/" + Slug)).StatusCode);
        Assert.DoesNotContain(Slug, await faxe.GetStringAsync("/moeder"));
        Assert.Contains(Slug, await sek.GetStringAsync("/moeder"));
        Assert.DoesNotContain(Slug, (await faxe.GetFromJsonAsync<JsonElement>("/api/meetings")).GetRawText());
        Assert.Equal(HttpStatusCode.Forbidden, (await faxe.GetAsync("/moeder/ny")).StatusCode);
        Assert.DoesNotContain("Opret møde", await faxe.GetStringAsync("/moeder"));

        Assert.Equal(HttpStatusCode.Redirect, (await MeetingTests.Publish(sek)).StatusCode);
        var published = await CaseText(sek, "2.9");
        var fields = await app.WithDb(d => d.AgendaItems.Where(i => i.Number == "2.9" && i.Meeting!.Slug == Slug).Select(i => new { i.Title, i.Kind }).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await MeetingTests.SaveItem(sek, "2.9", new()
        {
            ["number"] = "2.9", ["title"] = fields.Title, ["kind"] = fields.Kind.ToString(), ["caseText"] = "Udkast: kvoteringsmodellen er ændret efter offentliggørelsen.",
            ["recommendation"] = "", ["isClosed"] = "false", ["closedReason"] = "", ["publicSummary"] = "",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MeetingTests.Upload(sek, "2.9", TextPdf.Create("Nyt bilag", "Hemmeligt udkast om kvoteringsmodellen."), "udkast.pdf", "Nyt udkast")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync(Meeting + "/punkter/2.9/bilag/levende", await TestApp.Form(sek, Meeting + "/punkter/2.9", new()
        {
            ["source"] = "collection-matrix:akutfunktioner-2024",
        }))).StatusCode);
        var added = await app.WithDb(d => d.Attachments.Where(a => a.AgendaItem!.Number == "2.9" && a.AgendaItem.Meeting!.Slug == Slug)
            .OrderByDescending(a => a.Id).Take(2).Select(a => new { a.Id, a.FileId, a.Kind }).ToListAsync());
        var upload = added.Single(a => a.Kind == Features.Meetings.AttachmentKind.Upload);
        var live = added.Single(a => a.Kind == Features.Meetings.AttachmentKind.Live);

        // The secretariat works on the draft …
        Assert.StartsWith("Udkast:", await CaseText(sek, "2.9"));
        Assert.Contains("ændret efter offentliggørelsen", await sek.GetStringAsync(Meeting + "/dagsorden"));
        Assert.Equal(HttpStatusCode.OK, (await sek.GetAsync($"/filer/{upload.FileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sek.GetAsync($"{Meeting}/bilag/{live.Id}")).StatusCode);
        // … everybody else sees what was published.
        foreach (var client in new[] { faxe, member })
        {
            Assert.Equal(published, await CaseText(client, "2.9"));
            var page = await client.GetStringAsync(Meeting + "/dagsorden");
            Assert.DoesNotContain("ændret efter offentliggørelsen", page);
            Assert.DoesNotContain("Nyt udkast", page);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/filer/{upload.FileId}")).StatusCode);
            // The live matrix of every municipality's answers, added after publishing: not rendered for them at all.
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Meeting}/bilag/{live.Id}")).StatusCode);
            Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/search?q=kvoteringsmodellen")).GetArrayLength());
        }
        var publicPage = await anonymous.GetStringAsync("/offentlig/moeder/" + Slug);
        Assert.DoesNotContain("ændret efter offentliggørelsen", publicPage);
        Assert.Contains("0 resultater", await anonymous.GetStringAsync("/soeg?q=kvoteringsmodellen"));
        Assert.NotEqual(0, (await sek.GetFromJsonAsync<JsonElement>("/api/search?q=kvoteringsmodellen")).GetArrayLength());
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/filer/{upload.FileId}")).StatusCode); // to the log-in

        // Published again: now it is everybody's.
        Assert.Equal(HttpStatusCode.Redirect, (await MeetingTests.Publish(sek)).StatusCode);
        Assert.StartsWith("Udkast:", await CaseText(faxe, "2.9"));
        Assert.Contains("ændret efter offentliggørelsen", await anonymous.GetStringAsync("/offentlig/moeder/" + Slug));
        Assert.Equal(HttpStatusCode.OK, (await faxe.GetAsync($"/filer/{upload.FileId}")).StatusCode);
        var frozen = await faxe.GetAsync($"{Meeting}/bilag/{live.Id}");
        Assert.Equal(HttpStatusCode.Redirect, frozen.StatusCode); // to the file frozen at publishing
        Assert.Equal(HttpStatusCode.OK, (await faxe.GetAsync(frozen.Headers.Location!.ToString())).StatusCode);
        Assert.NotEqual(0, (await faxe.GetFromJsonAsync<JsonElement>("/api/search?q=kvoteringsmodellen")).GetArrayLength());

        // An attachment removed after that stays in the version that was published (its file included).
        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync($"{Meeting}/punkter/2.9/bilag/{upload.Id}/fjern", await TestApp.Form(sek, Meeting + "/punkter/2.9", new()))).StatusCode);
        Assert.Contains("Nyt udkast", await faxe.GetStringAsync(Meeting + "/dagsorden"));
        Assert.Equal(HttpStatusCode.OK, (await faxe.GetAsync($"/filer/{upload.FileId}")).StatusCode);
    }
}
