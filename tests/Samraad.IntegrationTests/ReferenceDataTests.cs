using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samraad.Documents;

namespace Samraad.IntegrationTests;

public class ReferenceDataTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_list_filters_by_kind_region_kkr_and_group(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("laeser", Roles.Reader, "kkr-sjaelland");
        var client = await app.LoggedIn("laeser");
        async Task<List<string>> Slugs(string query) =>
            (await client.GetFromJsonAsync<JsonElement>("/api/reference/organisations" + query)).EnumerateArray().Select(o => o.GetProperty("slug").GetString()!).ToList();

        Assert.Equal(98, (await Slugs("?kind=Kommune")).Count);
        Assert.Equal(17, (await Slugs("?kind=Kommune&kkr=kkr-sjaelland")).Count);
        Assert.Equal(17, (await Slugs("?kind=Kommune&region=1085")).Count);
        Assert.Equal(["odsherred", "kalundborg", "lolland", "guldborgsund", "vordingborg"],
            await Slugs("?kkr=kkr-sjaelland&group=" + Uri.EscapeDataString("dst-kommunegrupper-v1-2018:Landkommuner")));
        Assert.Contains("erhvervshus-sjaelland", await Slugs("?kind=Partner"));

        var page = Html.Text(await client.GetStringAsync("/referencedata?type=Kommune&region=&kkr=kkr-sjaelland&gruppe="));
        Assert.Contains("17 organisationer", page);
        Assert.Contains("320 Faxe Kommune Region Sjælland KKR Sjælland Oplandskommuner Provins- og oplandskommuner", page);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_municipality_export_reimports_and_a_bad_file_changes_nothing(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("admin", Roles.Admin, null);
        var admin = await app.LoggedIn("admin");
        var exported = Encoding.UTF8.GetString(await admin.GetByteArrayAsync("/referencedata/kommuner.csv"));
        var original = File.ReadAllText(Path.Combine(TestApp.RepoRoot, "reference", "kommuner.csv"));
        Assert.Equal(Csv.Read(original, out _).Select(r => string.Join("|", r.Values)).Order(),
            Csv.Read(exported, out _).Select(r => string.Join("|", r.Values)).Order());

        // Faxe moves group in a corrected file: the import applies it.
        var corrected = exported.Replace("320,Faxe,1085,Region Sjælland,KKR Sjælland,Oplandskommuner", "320,Faxe,1085,Region Sjælland,KKR Sjælland,Landkommuner");
        Assert.Equal(HttpStatusCode.Redirect, (await Upload(admin, corrected)).StatusCode);
        Assert.Equal("Landkommuner", await DstGroup(app, "faxe"));

        // A file with one bad line is refused whole, with the line number.
        var broken = corrected.Replace("320,Faxe,1085,Region Sjælland,KKR Sjælland,Landkommuner", "320,Faxe,1085,Region Sjælland,KKR Sjælland,Oplandskommuner")
            .Replace("253,Greve,1085", "2x3,Greve,1085");
        var refused = await Upload(admin, broken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.StartsWith("Fejl:", Html.Title(html));
        Assert.Contains("kommunekode »2x3« skal være et tal fra 101 til 999", html);
        Assert.Equal("Landkommuner", await DstGroup(app, "faxe"));
    }

    [Fact]
    public async Task Only_an_admin_may_import()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("sek");
        Assert.Equal(HttpStatusCode.Forbidden, (await Upload(sek, "kommunekode\n")).StatusCode);
    }

    static async Task<string> DstGroup(TestApp app, string slug) => await app.WithDb(d => d.GroupMembers
        .Where(m => m.Organisation!.Slug == slug && m.Group!.GroupSet!.Key == "dst-kommunegrupper-v1-2018").Select(m => m.Group!.Name).SingleAsync());

    static async Task<HttpResponseMessage> Upload(HttpClient client, string csv)
    {
        var token = System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync("/referencedata"), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "fil", "kommuner.csv" },
        };
        return await client.PostAsync("/referencedata/import", content);
    }
}
