using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;

namespace Samraad.IntegrationTests;

/// <summary>A respondent from one municipality can neither read nor write another's data, by page or by API.</summary>
public class AccessTests
{
    const string Api = "/api/collections/akutfunktioner-2024";
    const string Pages = "/indsamlinger/akutfunktioner-2024";

    [Theory, OnSqlite, OnPostgres]
    public async Task A_respondent_cannot_read_or_write_another_municipalitys_response(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var faxe = await app.LoggedIn("faxe-bruger");

        Assert.Equal(HttpStatusCode.OK, (await faxe.GetAsync(Pages + "/besvarelser/faxe")).StatusCode);
        foreach (var url in new[] { Pages + "/besvarelser/greve", Pages + "/besvarelser/greve/vis", Pages + "/besvarelser/greve/kvittering",
                     Pages + "/besvarelser/greve/log", Pages + "/sammendrag", Pages + "/matrix", Pages + "/log", Pages + "/eksport.csv",
                     Api + "/responses/greve", Api + "/summary", Api + "/matrix", Api + "/export?format=csv", Api + "/audit" })
        {
            var response = await faxe.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Greve Kommune", await response.Content.ReadAsStringAsync());
        }

        var put = await faxe.PutAsJsonAsync(Api + "/responses/greve", new { answers = new { iv_udfoeres = "nej" } });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await faxe.PostAsync(Api + "/responses/greve/submit", null)).StatusCode);

        // A receipt number of another municipality does not open either, and looks like one that does not exist.
        var greveReceipt = await app.WithDb(d => Task.FromResult(d.Receipts.First(r => r.OrganisationName == "Greve Kommune").Number));
        var foreign = await faxe.GetAsync($"/kvitteringer/{greveReceipt}");
        var missing = await faxe.GetAsync("/kvitteringer/KV-2024-999999");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (foreign.StatusCode, missing.StatusCode));
        Assert.Equal(Html.Text(await missing.Content.ReadAsStringAsync()), Html.Text(await foreign.Content.ReadAsStringAsync()));

        // Posting the HTML form for Greve is refused and changes nothing.
        var before = await app.WithDb(d => Task.FromResult(d.AuditEntries.Count()));
        var post = await faxe.PostAsync(Pages + "/besvarelser/greve", await TestApp.Form(faxe, Pages + "/besvarelser/faxe", new() { ["iv.udfoeres"] = "nej", ["action"] = "save" }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(before, await app.WithDb(d => Task.FromResult(d.AuditEntries.Count())));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Another_KKRs_secretariat_cannot_see_KKR_Sjaellands_collection(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("sek-nord", Roles.Secretariat, "kkr-nordjylland");
        var nord = await app.LoggedIn("sek-nord");
        Assert.DoesNotContain("Akutfunktioner", await nord.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.Forbidden, (await nord.GetAsync(Pages + "/besvarelser/faxe")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nord.GetAsync(Api + "/export?format=json")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nord.PostAsJsonAsync(Api + "/responses/faxe/reopen", new { reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_reader_reads_the_summary_but_no_single_response()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        await app.CreateUser("laeser", Roles.Reader, "kkr-sjaelland");
        var reader = await app.LoggedIn("laeser");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Pages + "/sammendrag")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(Pages + "/besvarelser/faxe")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(Api + "/responses/faxe")).StatusCode);
        // A member of another KKR reads none of KKR Sjælland's collections.
        await app.CreateUser("laeser-hovedstaden", Roles.Reader, "kkr-hovedstaden");
        var other = await app.LoggedIn("laeser-hovedstaden");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Pages + "/sammendrag")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Api + "/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Api + "/matrix")).StatusCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Contact_persons_are_personal_data_the_secretariat_and_the_applicant_see_and_readers_do_not(Db db)
    {
        await using var app = TestApp.Start(db);
        const string Pool = "/api/collections/laanepulje-botilbud-2025-26";
        var applicant = await app.WithDb(d => d.Responses.Where(r => r.Collection!.Slug == "laanepulje-botilbud-2025-26" && r.LatestReceiptId != null)
            .Select(r => r.Organisation!.Slug).FirstAsync());
        // The pool is the ministry's: its caseworkers administer it; a reader there reads it; KKR's members do not.
        await app.CreateUser("laeser", Roles.Reader, "indenrigs-og-sundhedsministeriet");
        await app.CreateUser("laeser-kkr", Roles.Reader, "kkr-sjaelland");
        await app.CreateUser("sek", Roles.Secretariat, "indenrigs-og-sundhedsministeriet");
        await app.CreateUser("ansoeger", Roles.Respondent, applicant);
        static async Task<List<string>> Columns(HttpClient client, string url) =>
            (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("key").GetString()!).ToList();
        var owner = await app.WithDb(d => d.Collections.Where(c => c.Slug == "laanepulje-botilbud-2025-26").Select(c => c.Owner!.Slug).SingleAsync());
        Assert.Equal("indenrigs-og-sundhedsministeriet", owner);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.LoggedIn("laeser-kkr")).GetAsync(Pool + "/matrix?includeText=true")).StatusCode);
        Assert.Contains("kontakt.email", await Columns(await app.LoggedIn("sek"), Pool + "/matrix?includeText=true"));
        var reader = await app.LoggedIn("laeser");
        var columns = await Columns(reader, Pool + "/matrix?includeText=true");
        Assert.Contains("beskrivelse.1", columns); // free text is there when asked for …
        Assert.DoesNotContain(columns, c => c.StartsWith("kontakt.", StringComparison.Ordinal)); // … contact persons are not
        Assert.DoesNotContain("@", Html.Text(await reader.GetStringAsync("/indsamlinger/laanepulje-botilbud-2025-26/matrix?tekst=1")));
        var own = await (await app.LoggedIn("ansoeger")).GetFromJsonAsync<JsonElement>($"{Pool}/responses/{applicant}");
        Assert.Contains("@", own.GetRawText());
    }

    [Fact]
    public async Task Pages_ask_anonymous_users_to_log_in_and_the_api_says_401()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        var anonymous = app.Client();
        var page = await anonymous.GetAsync(Pages + "/sammendrag");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/log-ind", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Api + "/summary")).StatusCode);
    }
}
