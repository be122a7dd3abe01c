using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samraad.Documents.Pdf;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace Samraad.IntegrationTests;

/// <summary>The demo meeting through HTTP: publishing, the packet, visibility, search, minutes and follow-up.</summary>
public class MeetingTests
{
    public const string Slug = "kkr-sjaelland-2024-04-12";
    const string Meeting = "/moeder/" + Slug;

    internal static async Task<(TestApp App, HttpClient Sek)> Start(Db db)
    {
        var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        return (app, await app.LoggedIn("sek"));
    }

    /// <summary>*Offentliggør dagsordenen*, then the status page until the build has ended; the answer to the button press.</summary>
    internal static async Task<HttpResponseMessage> Publish(HttpClient sek, string meeting = Meeting, bool wait = true)
    {
        var pressed = await sek.PostAsync(meeting + "/offentliggoer", await TestApp.Form(sek, meeting, new()));
        if (wait && pressed.StatusCode == HttpStatusCode.Redirect && pressed.Headers.Location?.OriginalString is { } status && status.Contains("/offentliggoerelse/"))
            await BuildEnded(sek, status);
        return pressed;
    }

    /// <summary>Reads the build's status page (as its meta refresh would) until it sends on to the meeting or shows the failure.</summary>
    internal static async Task<HttpResponseMessage> BuildEnded(HttpClient sek, string statusPage)
    {
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromMinutes(3); await Task.Delay(100))
        {
            var page = await sek.GetAsync(statusPage);
            if (page.StatusCode != HttpStatusCode.OK || (await page.Content.ReadAsStringAsync()).Contains("Pakken kunne ikke bygges")) return page;
        }
        throw new TimeoutException($"{statusPage}: the build did not end within 3 minutes");
    }

    internal static Task<HttpResponseMessage> SaveItem(HttpClient client, string number, Dictionary<string, string> fields) =>
        TestApp.Form(client, $"{Meeting}/punkter/{number}", fields).ContinueWith(f => client.PostAsync($"{Meeting}/punkter/{number}", f.Result)).Unwrap();

    internal static Dictionary<string, string> ItemFields(string number, string title, string kind, string caseText, bool closed = false, string? reason = null, string? summary = null) => new()
    {
        ["number"] = number, ["title"] = title, ["kind"] = kind, ["caseText"] = caseText, ["recommendation"] = "",
        ["isClosed"] = closed ? "true" : "false", ["closedReason"] = reason ?? "", ["publicSummary"] = summary ?? "",
    };

    [Theory, OnSqlite, OnPostgres]
    public async Task Publishing_stores_a_packet_whose_bytes_and_hash_never_change(Db db)
    {
        var (app, sek) = await Start(db);
        await using var _ = app;
        Assert.Equal(HttpStatusCode.Redirect, (await Publish(sek)).StatusCode);

        var first = await sek.GetByteArrayAsync(Meeting + "/dagsorden.pdf");
        var second = await sek.GetByteArrayAsync(Meeting + "/dagsorden/v1.pdf");
        Assert.Equal(first, second);
        var json = await sek.GetFromJsonAsync<JsonElement>($"/api/meetings/{Slug}");
        var publication = json.GetProperty("publications")[0];
        Assert.Equal(Convert.ToHexString(SHA256.HashData(first)).ToLowerInvariant(), publication.GetProperty("packetSha256").GetString());
        Assert.Equal("Published", json.GetProperty("status").GetString());

        // The packet: cover, contents, 8 items each followed by its attachments, bookmarks, running headers, "Side X af Y".
        using var pig = PigDocument.Open(first);
        Assert.Equal(publication.GetProperty("pages").GetInt32(), pig.NumberOfPages);
        Assert.Contains($"Side {pig.NumberOfPages} af {pig.NumberOfPages}", pig.GetPage(pig.NumberOfPages).Text);
        Assert.True(pig.TryGetBookmarks(out var bookmarks));
        var top = bookmarks.Roots.Select(b => b.Title).ToList();
        Assert.Equal(10, top.Count); // Forside, Indhold, 2.3 … 2.10
        Assert.Contains("2.9 Orienteringssag: Kriterier og proces for ansøgning til lånepulje til udvidelse af den kommunale botilbudskapacitet for 2025 og 2026", top);
        var item27 = bookmarks.Roots.Single(b => b.Title.StartsWith("2.7 "));
        Assert.Equal(["Bilag: Notat: Faglig ramme for ibrugtagning af forbeholdt virksomhedsområde",
            "Bilag: Sammendrag: Akutfunktioner og forbeholdt virksomhedsområde for sygeplejersker"], item27.Children.Select(c => c.Title));
        var summaryPage = Enumerable.Range(1, pig.NumberOfPages).First(p => pig.GetPage(p).Text.Contains("Sammendrag af kommunernes svar"));
        var text = pig.GetPage(summaryPage).Text;
        Assert.Contains("2.7 Beslutningssag: Ensartet ibrugtagning", text); // the running header: the summary itself never names the item
        Assert.Contains("14/17", text);
        Assert.Contains("Trykt: 15 /17", text);
        var toc = pig.GetPage(2).Text;
        Assert.Contains("Indhold", toc);
        Assert.Contains("SHA-256", pig.GetPage(2).Text + pig.GetPage(3).Text);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Newer_data_is_flagged_but_never_alters_the_published_packet_and_a_republication_lists_it(Db db)
    {
        var (app, sek) = await Start(db);
        await using var _ = app;
        await Publish(sek);
        var published = await sek.GetByteArrayAsync(Meeting + "/dagsorden.pdf");
        Assert.DoesNotContain("Nyere data findes", await sek.GetStringAsync(Meeting + "/punkter/2.7"));

        // Faxe corrects its answer after publication.
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        await sek.PostAsJsonAsync("/api/collections/akutfunktioner-2024/responses/faxe/reopen", new { reason = "Rettelse" });
        await app.WithDb(async d => { var c = await d.Collections.FirstAsync(x => x.Slug == "akutfunktioner-2024"); c.DeadlineUtc = DateTime.UtcNow.AddYears(1); c.OpensAtUtc = DateTime.UtcNow.AddYears(-5); return await d.SaveChangesAsync(); });
        var faxe = await app.LoggedIn("faxe-bruger");
        Assert.Equal(HttpStatusCode.OK, (await faxe.PostAsJsonAsync("/api/collections/akutfunktioner-2024/responses/faxe/submit",
            new { answers = new Dictionary<string, string> { ["kemoterapi.udfoeres"] = "nej" } })).StatusCode);

        Assert.Contains("Nyere data findes", await sek.GetStringAsync(Meeting + "/punkter/2.7"));
        Assert.Equal(published, await sek.GetByteArrayAsync(Meeting + "/dagsorden.pdf"));

        Assert.Equal(HttpStatusCode.Redirect, (await Publish(sek)).StatusCode);
        var json = await sek.GetFromJsonAsync<JsonElement>($"/api/meetings/{Slug}");
        var v2 = json.GetProperty("publications").EnumerateArray().Single(p => p.GetProperty("version").GetInt32() == 2);
        Assert.Equal(["Punkt 2.7: bilag »Sammendrag: Akutfunktioner og forbeholdt virksomhedsområde for sygeplejersker« er opdateret (nye data)."],
            v2.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(published, await sek.GetByteArrayAsync(Meeting + "/dagsorden/v1.pdf"));
        using var pig = PigDocument.Open(await sek.GetByteArrayAsync(Meeting + "/dagsorden.pdf"));
        Assert.Contains(Enumerable.Range(1, pig.NumberOfPages), p => pig.GetPage(p).Text.Contains("13/17"));
        Assert.DoesNotContain("Nyere data findes", await sek.GetStringAsync(Meeting + "/punkter/2.7"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Closed_items_are_seen_by_members_and_only_summarised_to_the_public(Db db)
    {
        var (app, sek) = await Start(db);
        await using var _ = app;
        var closed = await SaveItem(sek, "2.8", ItemFields("2.8", "Organisering af skoletjenesten", "Beslutningssag",
            "Fortrolige forhandlingsoplysninger om huslejen", closed: true, reason: "Forhandlingssag", summary: "KKR drøftede skoletjenestens organisering."));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        await Publish(sek);
        await app.CreateUser("laeser", Roles.Reader, "kkr-sjaelland");
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");

        var member = await (await app.LoggedIn("laeser")).GetStringAsync(Meeting + "/dagsorden");
        Assert.Contains("Fortrolige forhandlingsoplysninger", member);

        var publicPage = await app.Client().GetStringAsync("/offentlig/moeder/" + Slug);
        Assert.Contains("KKR drøftede skoletjenestens organisering.", publicPage);
        Assert.DoesNotContain("Fortrolige forhandlingsoplysninger", publicPage);
        Assert.Contains("2.9 Orienteringssag", publicPage);

        var respondent = await app.LoggedIn("faxe-bruger");
        Assert.DoesNotContain("Fortrolige forhandlingsoplysninger", await respondent.GetStringAsync(Meeting + "/dagsorden"));
        var api = await respondent.GetFromJsonAsync<JsonElement>($"/api/meetings/{Slug}");
        var item = api.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("number").GetString() == "2.8");
        Assert.Equal(JsonValueKind.Null, item.GetProperty("caseText").ValueKind);
        // The members' packet holds the closed item: not for the public or a respondent.
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync(Meeting + "/dagsorden.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await respondent.GetAsync(Meeting + "/dagsorden.pdf")).StatusCode);
        var closedFile = await app.WithDb(d => d.Attachments.Where(a => a.AgendaItem!.Number == "2.8").Select(a => a.FileId).FirstAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await respondent.GetAsync($"/filer/{closedFile}")).StatusCode);

        // Search: the meeting's own secretariat and readers find the closed text; nobody else does, however they search.
        await app.CreateUser("sek-hovedstaden", Roles.Secretariat, "kkr-hovedstaden");
        await app.CreateUser("ministeriet", Roles.Secretariat, "indenrigs-og-sundhedsministeriet");
        await app.CreateUser("laeser-hovedstaden", Roles.Reader, "kkr-hovedstaden"); // a member of another body
        Assert.DoesNotContain("Fortrolige forhandlingsoplysninger", await (await app.LoggedIn("laeser-hovedstaden")).GetStringAsync(Meeting + "/dagsorden"));
        Assert.Contains("Fortrolige", await (await app.LoggedIn("laeser")).GetStringAsync("/soeg?q=forhandlingsoplysninger"));
        Assert.Contains("Fortrolige", await sek.GetStringAsync("/soeg?q=forhandlingsoplysninger"));
        Assert.Contains("0 resultater", await app.Client().GetStringAsync("/soeg?q=forhandlingsoplysninger"));
        foreach (var outsider in new[] { "sek-hovedstaden", "ministeriet", "faxe-bruger", "laeser-hovedstaden" })
        {
            var client = await app.LoggedIn(outsider);
            Assert.Contains("0 resultater", await client.GetStringAsync("/soeg?q=forhandlingsoplysninger"));
            Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/search?q=forhandlingsoplysninger")).GetArrayLength());
            Assert.NotEqual(0, (await client.GetFromJsonAsync<JsonElement>("/api/search?q=skoletjenestens")).GetArrayLength()); // the public summary
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_meeting_never_published_is_found_only_by_its_secretariat(Db db)
    {
        var (app, sek) = await Start(db);
        await using var _ = app;
        await app.CreateUser("laeser", Roles.Reader, "kkr-sjaelland");
        await app.CreateUser("sek-hovedstaden", Roles.Secretariat, "kkr-hovedstaden");
        Assert.NotEqual(0, (await sek.GetFromJsonAsync<JsonElement>("/api/search?q=l%C3%A5nepulje")).GetArrayLength());
        Assert.Contains("0 resultater", await app.Client().GetStringAsync("/soeg?q=l%C3%A5nepulje"));
        foreach (var other in new[] { "laeser", "sek-hovedstaden" })
            Assert.Equal(0, (await (await app.LoggedIn(other)).GetFromJsonAsync<JsonElement>("/api/search?q=l%C3%A5nepulje")).GetArrayLength());
        await Publish(sek);
        Assert.Contains("2.9 Orienteringssag", await app.Client().GetStringAsync("/soeg?q=l%C3%A5nepulje"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Search_finds_text_inside_an_uploaded_pdf_and_the_page_with_Danish_stemming(Db db)
    {
        var (app, sek) = await Start(db);
        await using var _ = app;
        var pdf = TextPdf.Create("Budgetnotat", string.Join("\n", Enumerable.Range(1, 120).Select(i => i == 100
            ? "Her omtales de særlige kvartalsbevillinger til botilbud." : $"Linje {i} uden det særlige ord.")));
        var upload = await Upload(sek, "2.9", pdf, "budgetnotat.pdf", "Budgetnotat");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        await Publish(sek);

        var hits = await sek.GetFromJsonAsync<JsonElement>("/api/search?q=kvartalsbevilling");
        var hit = hits.EnumerateArray().Single();
        Assert.Equal("2.9", hit.GetProperty("itemNumber").GetString());
        Assert.Equal("Budgetnotat", hit.GetProperty("attachmentTitle").GetString());
        Assert.Equal(PdfFiles.PageTexts(pdf).ToList().FindIndex(t => t.Contains("kvartalsbevillinger")) + 1, hit.GetProperty("page").GetInt32());
        Assert.Contains("<mark>kvartalsbevillinger</mark>", hit.GetProperty("snippetHtml").GetString());

        var page = await app.Client().GetStringAsync("/soeg?q=l%C3%A5nepulje");
        Assert.Contains("2.9 Orienteringssag", page);
        Assert.Contains("#page=", page);
    }

    internal static async Task<HttpResponseMessage> Upload(HttpClient sek, string number, byte[] bytes, string fileName, string title)
    {
        var token = System.Text.RegularExpressions.Regex.Match(await sek.GetStringAsync($"{Meeting}/punkter/{number}"), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(title), "attachmentTitle" },
            { new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", fileName },
        };
        return await sek.PostAsync($"{Meeting}/punkter/{number}/bilag", content);
    }
}
