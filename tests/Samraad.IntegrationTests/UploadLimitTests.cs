using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samraad.Tests;

namespace Samraad.IntegrationTests;

/// <summary>Bombs and oversized bodies through the pages a user would use, on the real server where Kestrel's limits apply.</summary>
public class UploadLimitTests
{
    const string Pool = "/puljer/laanepulje-botilbud-2025-26";
    const string Contract = "/kontrakter/resultatkontrakt-2024-erhvervshus-sjaelland";
    static readonly DateTimeOffset InWindow = new(2024, 5, 10, 10, 0, 0, TimeSpan.Zero);

    static Task<HttpResponseMessage> Upload(HttpClient client, string page, string action, byte[] bytes, string name, Dictionary<string, string>? fields = null) =>
        TestApp.Upload(client, page, action, bytes, name, fields);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_pdf_bomb_from_a_municipality_is_refused_with_the_limit_and_nothing_is_stored(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("kommune", Roles.Respondent, "faxe");
        app.Clock.Now = InWindow;
        var client = await app.LoggedIn("kommune");
        var response = await Upload(client, Pool, Pool + "/dokumenter", Bombs.Pdf(400L * 1024 * 1024, layers: 2), "referat.pdf", new() { ["title"] = "Referat" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("PDF-filen fylder over 300 MB, når den pakkes ud.", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDb(d => d.PoolDocuments.CountAsync()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_xlsx_with_a_dtd_or_too_many_rows_gets_a_400_with_the_reason(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("hub", Roles.Respondent, "erhvervshus-sjaelland");
        var hub = await app.LoggedIn("hub");
        var before = await app.WithDb(d => d.ContractImports.CountAsync());
        var dtd = await Upload(hub, Contract + "/import", Contract + "/import", Bombs.Xlsx(w => Bombs.Rows(w, 1, """<!DOCTYPE worksheet [<!ENTITY a "a">]>""")), "crm.xlsx", new() { ["kind"] = "Registrations" });
        Assert.Equal(HttpStatusCode.BadRequest, dtd.StatusCode);
        Assert.Contains("Regnearket indeholder en dokumenttypedefinition (DTD)", await dtd.Content.ReadAsStringAsync());
        var rows = await Upload(hub, Contract + "/import", Contract + "/import", Bombs.Xlsx(w => Bombs.Rows(w, 100_001)), "crm.xlsx", new() { ["kind"] = "Registrations" });
        Assert.Equal(HttpStatusCode.BadRequest, rows.StatusCode);
        Assert.Contains("Filen har over 100.000 rækker.", await rows.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.WithDb(d => d.ContractImports.CountAsync()));
    }

    [Fact]
    public async Task A_body_over_its_endpoints_limit_is_stopped_by_the_server_with_a_danish_413()
    {
        await using var app = TestApp.Start(Db.Sqlite, kestrel: true);
        await app.CreateUser("kommune", Roles.Respondent, "faxe");
        app.Clock.Now = InWindow;
        var client = await app.LoggedIn("kommune", served: true);
        // 22 MB is over the 21 MB an upload of a 20 MB PDF may send.
        var page = await Upload(client, Pool, Pool + "/dokumenter", new byte[22 * 1024 * 1024], "stor.pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Det sendte er for stort", html);
        Assert.Contains("Højst 20 MB for en PDF", html);
        // Anything else may send 4 MB: a 5 MB draft is stopped before it is read, as problem+json for the API.
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/collections/laanepulje-botilbud-2025-26/responses/faxe")
        {
            Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { answers = new { beskrivelse = new string('x', 5 * 1024 * 1024) } })))
            { Headers = { ContentType = new("application/json") } },
        };
        put.Headers.ExpectContinue = true;
        var api = await client.SendAsync(put);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Det sendte er for stort", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        // A 3 MB PDF is within the limit on the same server (and refused for what it is, not for its size).
        var small = await Upload(client, Pool, Pool + "/dokumenter", new byte[3 * 1024 * 1024], "lille.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, small.StatusCode);
        Assert.Contains("Filen er ikke en PDF", await small.Content.ReadAsStringAsync());
    }
}
