using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf;
using Samraad.Documents.Pdf;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace Samraad.IntegrationTests;

/// <summary>Bad input on meetings, and the minutes from decisions to approval, addenda and follow-up.</summary>
public class MeetingWorkflowTests
{
    const string Meeting = "/moeder/" + MeetingTests.Slug;

    [Theory, OnSqlite, OnPostgres]
    public async Task Bad_uploads_are_refused_with_a_reason_and_nothing_is_stored(Db db)
    {
        var (app, sek) = await MeetingTests.Start(db);
        await using var _ = app;
        var before = await app.WithDb(d => d.Files.CountAsync());
        var encrypted = Encrypted();
        foreach (var (bytes, message) in new[]
                 {
                     ("PK\u0003\u0004 et Word-dokument"u8.ToArray(), "Filen er ikke en PDF"),
                     (TextPdf.Create("x", "y")[..300], "PDF-filen er ødelagt"),
                     (encrypted, "PDF-filen er krypteret"),
                     (new byte[PdfFiles.MaxUploadBytes + 1], "Filen er for stor"),
                 })
        {
            var response = await MeetingTests.Upload(sek, "2.9", bytes, "bilag.pdf", "Bilag");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.StartsWith("Fejl:", Html.Title(html));
            Assert.Contains(message, html);
            Assert.Contains("href=\"#f-file\"", html);
        }
        Assert.Equal(before, await app.WithDb(d => d.Files.CountAsync()));
    }

    static byte[] Encrypted()
    {
        PdfFonts.EnsureInstalled();
        using var doc = new PdfDocument();
        doc.AddPage();
        doc.SecuritySettings.UserPassword = "hemmelig";
        doc.SecuritySettings.OwnerPassword = "hemmelig";
        using var buffer = new MemoryStream();
        doc.Save(buffer);
        return buffer.ToArray();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_duplicate_item_number_and_a_closed_item_without_summary_are_refused(Db db)
    {
        var (app, sek) = await MeetingTests.Start(db);
        await using var _ = app;
        var duplicate = await sek.PostAsync(Meeting + "/punkter", await TestApp.Form(sek, Meeting + "/punkter/ny", new()
            { ["number"] = "2.7", ["title"] = "Dobbelt", ["kind"] = "Orienteringssag", ["caseText"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("Punkt 2.7 findes allerede på dagsordenen", await duplicate.Content.ReadAsStringAsync());

        var closed = await MeetingTests.SaveItem(sek, "2.8", new()
        {
            ["number"] = "2.8", ["title"] = "Organisering af skoletjenesten", ["kind"] = "Beslutningssag", ["caseText"] = "x",
            ["isClosed"] = "true", ["closedReason"] = "", ["publicSummary"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode); // saving is fine; the rule bites when publishing
        Assert.Contains("Punkt 2.8 er lukket, men begrundelsen for at lukke det mangler", await sek.GetStringAsync(Meeting));

        var publish = await MeetingTests.Publish(sek);
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        var html = await publish.Content.ReadAsStringAsync();
        Assert.Contains("Punkt 2.8 er lukket, men mangler et offentligt resumé.", html);
        Assert.Equal(0, await app.WithDb(d => d.Publications.CountAsync()));
        Assert.Equal("Draft", (await sek.GetFromJsonAsync<JsonElement>($"/api/meetings/{MeetingTests.Slug}")).GetProperty("status").GetString());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Minutes_are_recorded_approved_and_then_only_appended_to(Db db)
    {
        var (app, sek) = await MeetingTests.Start(db);
        await using var _ = app;
        await MeetingTests.SaveItem(sek, "2.8", new()
        {
            ["number"] = "2.8", ["title"] = "Organisering af skoletjenesten", ["kind"] = "Beslutningssag", ["caseText"] = "Fortroligt oplæg",
            ["isClosed"] = "true", ["closedReason"] = "Forhandlingssag", ["publicSummary"] = "KKR drøftede organiseringen.",
        });
        await MeetingTests.Publish(sek);
        const string Minutes = Meeting + "/referat";

        var attendance = await sek.PostAsync(Minutes + "/fremmoede", await Form(sek, Minutes, new() { ["present"] = "", ["note-0"] = "" }, present: 16));
        Assert.Equal(HttpStatusCode.Redirect, attendance.StatusCode);
        foreach (var (number, outcome) in new[] { ("2.3", "Noted"), ("2.4", "Noted"), ("2.5", "Approved"), ("2.6", "Approved"),
                     ("2.7", "Approved"), ("2.8", "Postponed"), ("2.9", "Noted"), ("2.10", "Noted") })
        {
            var r = await sek.PostAsync($"{Minutes}/punkter/{number}", await TestApp.Form(sek, Minutes, new()
                { [$"decision-{number}"] = outcome, [$"decisionText-{number}"] = $"Beslutning om punkt {number}." }));
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        var bad = await sek.PostAsync($"{Minutes}/punkter/2.3", await TestApp.Form(sek, Minutes, new() { ["decision-2.3"] = "Approved" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode); // a discussion item cannot be "approved"

        var task = await sek.PostAsync($"{Minutes}/punkter/2.7/opgaver", await TestApp.Form(sek, Minutes, new()
            { ["taskText"] = "Sende anbefalingen til kommunerne", ["taskOwner"] = "kkr-sjaelland", ["taskPerson"] = "", ["taskDue"] = "30-04-2024" }));
        Assert.Equal(HttpStatusCode.Redirect, task.StatusCode);
        var badTask = await sek.PostAsync($"{Minutes}/punkter/2.7/opgaver", await TestApp.Form(sek, Minutes, new() { ["taskText"] = "", ["taskDue"] = "i morgen" }));
        Assert.Equal(HttpStatusCode.BadRequest, badTask.StatusCode);
        Assert.Contains("Skriv fristen som en dato", await badTask.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync(Minutes + "/afholdt", await TestApp.Form(sek, Minutes, new()))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync(Minutes + "/godkend", await TestApp.Form(sek, Minutes, new()))).StatusCode);

        // Approved: decisions are locked; a correction is a dated addendum.
        var edit = await sek.PostAsync($"{Minutes}/punkter/2.9", await TestApp.Form(sek, Minutes, new() { ["decision-2.9"] = "Postponed" }));
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains("kan ikke ændres", await edit.Content.ReadAsStringAsync());
        Assert.Equal("Noted", await app.WithDb(d => d.AgendaItems.Where(i => i.Number == "2.9").Select(i => i.Outcome.ToString()).FirstAsync()));
        Assert.Equal(HttpStatusCode.Conflict, (await MeetingTests.SaveItem(sek, "2.9", new() { ["number"] = "2.9", ["title"] = "Ny titel", ["kind"] = "Orienteringssag" })).StatusCode);
        var addendum = await sek.PostAsync(Minutes + "/tillaeg", await TestApp.Form(sek, Minutes, new() { ["addendumItem"] = "2.9", ["addendumText"] = "Rettelse: stavefejl i beslutningsteksten." }));
        Assert.Equal(HttpStatusCode.Redirect, addendum.StatusCode);

        // The protocol: members' PDF in full, the public record with the closed item's summary only.
        using var pdf = PigDocument.Open(await sek.GetByteArrayAsync(Minutes + ".pdf"));
        var all = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Beslutningsprotokol", all);
        Assert.Contains("Beslutning om punkt 2.8.", all);
        Assert.Contains("Rettelse: stavefejl", all);
        Assert.Contains($"Side {pdf.NumberOfPages} af {pdf.NumberOfPages}", pdf.GetPage(pdf.NumberOfPages).Text);
        var publicRecord = Html.Text(await app.Client().GetStringAsync("/offentlig/moeder/" + MeetingTests.Slug));
        Assert.Contains("KKR drøftede organiseringen.", publicRecord);
        Assert.Contains("Beslutning: Udsat", publicRecord);
        Assert.DoesNotContain("Beslutning om punkt 2.8.", publicRecord);
        Assert.Contains("Beslutning om punkt 2.9.", publicRecord);
        Assert.Contains("Til stede:", publicRecord);
    }

    static async Task<FormUrlEncodedContent> Form(HttpClient client, string page, Dictionary<string, string> _, int present)
    {
        var html = await client.GetStringAsync(page);
        var ids = System.Text.RegularExpressions.Regex.Matches(html, "name=\"present\" value=\"(\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = ids.Take(present).Select(id => new KeyValuePair<string, string>("present", id))
            .Append(new($"note-{ids[^1]}", "Afbud")).Append(new("__RequestVerificationToken", token));
        return new FormUrlEncodedContent(fields);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Open_tasks_are_listed_across_meetings_overdue_marked_and_closing_records_who(Db db)
    {
        var (app, sek) = await MeetingTests.Start(db);
        await using var _ = app;
        await MeetingTests.Publish(sek);
        const string Minutes = Meeting + "/referat";
        await sek.PostAsync($"{Minutes}/punkter/2.9/opgaver", await TestApp.Form(sek, Minutes, new()
            { ["taskText"] = "Orientere kommunerne om ansøgningsfristen", ["taskOwner"] = "", ["taskPerson"] = "Konsulent Hansen", ["taskDue"] = "15-12-2026" }));
        await sek.PostAsync($"{Minutes}/punkter/2.7/opgaver", await TestApp.Form(sek, Minutes, new()
            { ["taskText"] = "Følge op på akutfunktionerne", ["taskOwner"] = "faxe", ["taskPerson"] = "", ["taskDue"] = "01-11-2026" }));

        var list = Html.Text(await sek.GetStringAsync("/opgaver"));
        Assert.Contains("2 åbne, heraf 1 overskredet", list);
        Assert.Contains("Følge op på akutfunktionerne", list);

        // Faxe owns one task and may close it; the other is not Faxe's to see.
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        var faxe = await app.LoggedIn("faxe-bruger");
        var faxeList = await faxe.GetStringAsync("/opgaver");
        Assert.DoesNotContain("ansøgningsfristen", faxeList);
        Assert.Contains($"href=\"{Meeting}/dagsorden#punkt-2.7\"", faxeList); // the agenda Faxe may read, not the secretariat's minutes
        Assert.DoesNotContain("/referat#", faxeList);
        var id = System.Text.RegularExpressions.Regex.Match(faxeList, "action=\"/opgaver/(\\d+)/luk\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await faxe.PostAsync($"/opgaver/{id}/luk", await TestApp.Form(faxe, "/opgaver", new()))).StatusCode);
        var done = Html.Text(await sek.GetStringAsync("/opgaver?alle=1"));
        Assert.Contains("Løst 30.11.2026 10.00 af Test faxe-bruger (faxe-bruger)", done);
        var api = await sek.GetFromJsonAsync<JsonElement>("/api/tasks?open=true");
        Assert.Equal(["Orientere kommunerne om ansøgningsfristen"], api.EnumerateArray().Select(t => t.GetProperty("text").GetString()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_secretariat_creates_a_meeting_and_adds_an_item(Db db)
    {
        var (app, sek) = await MeetingTests.Start(db);
        await using var _ = app;
        var bad = await sek.PostAsync("/moeder", await TestApp.Form(sek, "/moeder/ny", new() { ["body"] = "kkr-sjaelland", ["title"] = "", ["startsAt"] = "31-02-2027 10.00", ["place"] = "" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#f-title\"", html);
        Assert.Contains("Skriv mødets dato og tid", html);

        var created = await sek.PostAsync("/moeder", await TestApp.Form(sek, "/moeder/ny", new()
            { ["body"] = "kkr-sjaelland", ["title"] = "Møde i KKR Sjælland", ["startsAt"] = "10-06-2027 10.00", ["place"] = "Sorø" }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        Assert.Equal("/moeder/kkr-sjaelland-2027-06-10", url);
        var item = await sek.PostAsync(url + "/punkter", await TestApp.Form(sek, url + "/punkter/ny", new()
            { ["number"] = "1", ["title"] = "Godkendelse af dagsorden", ["kind"] = "Beslutningssag", ["caseText"] = "Dagsordenen godkendes." }));
        Assert.Equal(HttpStatusCode.Redirect, item.StatusCode);
        Assert.Contains("1 Beslutningssag: Godkendelse af dagsorden", await sek.GetStringAsync(url + "/punkter/1"));

        // Another KKR's secretariat cannot touch it.
        await app.CreateUser("sek-nord", Roles.Secretariat, "kkr-nordjylland");
        var nord = await app.LoggedIn("sek-nord");
        Assert.Equal(HttpStatusCode.Forbidden, (await nord.PostAsync(url + "/offentliggoer", await TestApp.Form(nord, "/moeder", new()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nord.GetAsync(url + "/punkter/1")).StatusCode);
    }
}
