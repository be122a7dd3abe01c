using System.Net;
using System.Text.RegularExpressions;

namespace Samraad.IntegrationTests;

/// <summary>Each role lands on a front page made for it, and a body's meetings can be subscribed to as a calendar.</summary>
public class HomeTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_council_member_gets_the_next_meetings_packet_as_the_first_thing(Db db)
    {
        var (app, sek) = await MeetingTests.Start(db);
        await using var _ = app;
        await MeetingTests.Publish(sek);
        await app.CreateUser("medlem", Roles.Reader, "kkr-sjaelland");
        var home = await (await app.LoggedIn("medlem")).GetStringAsync("/");
        var main = home[home.IndexOf("<main", StringComparison.Ordinal)..];
        var firstLink = Regex.Match(main, "<a [^>]*href=\"([^\"]+)\"[^>]*>([^<]*)</a>");
        Assert.Equal("/moeder/" + MeetingTests.Slug + "/dagsorden.pdf", firstLink.Groups[1].Value);
        Assert.Equal("Hent dagsordenspakken", firstLink.Groups[2].Value);
        Assert.Contains("Dagsorden og bilag som webside (tilgængelig udgave)", main);
        Assert.Contains("/offentlig/kalender/kkr-sjaelland.ics", main);
        // The menu offers what a member reads, not the secretariat's tools.
        Assert.DoesNotContain("href=\"/brugere\"", home);
        Assert.DoesNotContain("href=\"/referencedata\"", home);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_municipality_sees_what_it_must_answer_and_a_secretariat_who_is_late(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var faxe = Html.Text(await (await app.LoggedIn("faxe-bruger")).GetStringAsync("/"));
        // The test collection "alle-felttyper" is open until 15 December 2026 and Faxe has not started it.
        Assert.Matches("Det skal I svare på Indsamling Frist Jeres besvarelse Testindsamling med alle felttyper 15.12.2026 23.59 Ikke påbegyndt", faxe);
        Assert.DoesNotContain("Indsamlinger i gang", faxe);

        var sek = Html.Text(await (await app.LoggedIn("sek")).GetStringAsync("/"));
        Assert.Contains("Indsamlinger i gang", sek);
        Assert.Contains("Testindsamling med alle felttyper 15.12.2026 23.59 0 af 17 Ingen 0", sek);
        Assert.DoesNotContain("Det skal I svare på", sek);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_pools_caseworker_sees_the_applications_awaiting_assessment(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("ism", Roles.Secretariat, "indenrigs-og-sundhedsministeriet");
        var home = Html.Text(await (await app.LoggedIn("ism")).GetStringAsync("/"));
        Assert.Matches(@"Lånepulje til udvidelse af den kommunale botilbudskapacitet 2025–26 \d+ ansøgninger; \d+ projekt(er)? afventer vurdering\. Se ansøgningerne", home);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_bodys_published_meetings_are_a_calendar_anyone_can_subscribe_to(Db db)
    {
        var (app, sek) = await MeetingTests.Start(db);
        await using var _ = app;
        var anonymous = app.Client();
        Assert.DoesNotContain("BEGIN:VEVENT", await anonymous.GetStringAsync("/offentlig/kalender/kkr-sjaelland.ics")); // the draft is not public
        await MeetingTests.Publish(sek);
        var response = await anonymous.GetAsync("/offentlig/kalender/kkr-sjaelland.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var feed = await response.Content.ReadAsStringAsync();
        Assert.Contains("\r\nSUMMARY:Møde i KKR Sjælland\r\n", feed);
        Assert.Contains("\r\nDTSTART:20240412T080000Z\r\n", feed);
        Assert.Contains("\r\nUID:" + MeetingTests.Slug + "@samraad\r\n", feed);
        Assert.Contains("/offentlig/moeder/" + MeetingTests.Slug, feed);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/offentlig/kalender/findes-ikke.ics")).StatusCode);
    }
}
