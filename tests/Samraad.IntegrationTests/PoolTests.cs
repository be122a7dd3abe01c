using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace Samraad.IntegrationTests;

/// <summary>The loan pool (seed item 2.9): applying in the window, eligibility, allocation, letters.</summary>
public class PoolTests
{
    const string Pool = "/puljer/laanepulje-botilbud-2025-26";
    const string Api = "/api/collections/laanepulje-botilbud-2025-26/responses";
    static readonly DateTimeOffset InWindow = new(2024, 5, 10, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A municipality that has no (synthetic) application yet.</summary>
    static async Task<string> FreeMunicipality(TestApp app) => await app.WithDb(d => d.Organisations
        .Where(o => o.Kind == Features.Reference.OrganisationKind.Kommune && !d.Responses.Any(r => r.OrganisationId == o.Id && r.Collection!.Slug == "laanepulje-botilbud-2025-26"))
        .OrderBy(o => o.MunicipalityCode).Select(o => o.Slug).FirstAsync());

    static Dictionary<string, object?> Complete(string name = "Bofællesskab Nord") => new()
    {
        ["projekter/1/navn"] = name, ["projekter/1/laan2025"] = "12000", ["projekter/1/laan2026"] = "18000", ["projekter/1/pladser2025"] = 4,
        ["projekter/1/pladser2026"] = 8, ["projekter/1/andel"] = "40", ["projekter/1/afsluttet"] = "31/12/2026", ["projekter/1/bruttoudgift"] = "32000",
        ["projekter/1/art"] = "nybyggeri", ["sel107-108"] = "ja", ["samlet-udvidelse"] = "ja", ["koordinering"] = "kkr",
        ["beskrivelse.1"] = "Tolv nye pladser.", ["beskrivelse.2"] = "40 %.", ["beskrivelse.3"] = "Under referenceprisen.", ["beskrivelse.4"] = "12 og 18 mio. kr.",
        ["beskrivelse.5"] = "Ibrugtages ultimo 2026.", ["beskrivelse.6"] = "Nybyggeri.", ["kontakt.navne"] = "Test Testesen", ["kontakt.email"] = "test@kommune.example",
    };

    [Theory, OnSqlite, OnPostgres]
    public async Task A_municipality_applies_within_the_window_and_not_a_minute_after_15_May_Danish_summer_time(Db db)
    {
        await using var app = TestApp.Start(db);
        var slug = await FreeMunicipality(app);
        await app.CreateUser("kommune", Roles.Respondent, slug);
        var client = await app.LoggedIn("kommune");
        app.Clock.Now = InWindow;
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"{Api}/{slug}", new { answers = Complete() })).StatusCode);

        app.Clock.Now = new DateTimeOffset(2024, 5, 15, 21, 59, 0, TimeSpan.Zero); // 23:59 CEST, the last minute
        var last = await client.PutAsJsonAsync($"{Api}/{slug}", new { answers = new Dictionary<string, string> { ["kontakt.telefon"] = "72 28 25 52" } });
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);

        app.Clock.Now = new DateTimeOffset(2024, 5, 15, 22, 0, 1, TimeSpan.Zero); // 00:00:01 on 16 May, Danish time
        var late = await client.PutAsJsonAsync($"{Api}/{slug}", new { answers = new Dictionary<string, string> { ["kontakt.telefon"] = "for sent" } });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Fristen udløb 15. maj 2024 kl. 23.59", await late.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"{Api}/{slug}/submit", null)).StatusCode);
    }

    public static IEnumerable<object[]> BadInput()
    {
        yield return ["projekter/1/laan2025", "1.500,5", "skal være et helt tal"];
        yield return ["projekter/1/pladser2026", "-3", "skal være mindst 0"];
        yield return ["projekter/1/andel", "120", "kan ikke være over 100 %"];
        yield return ["projekter/1/afsluttet", "01/01/2024", "kan ikke ligge før i dag (10. maj 2024)"];
        yield return ["projekter/1/afsluttet", "2026-13-01", "skal være en gyldig dato"];
        yield return ["projekter/6/navn", "Et sjette projekt", "Såfremt der ønskes om at indsende ansøgning til mere end fem projekter bedes kommunen rette henvendelse til Jonatan Basby"];
        yield return ["beskrivelse.1", new string('x', 3990), "Projektbeskrivelsen må højst fylde 4.000 tegn i alt"]; // each field is within its own limit
    }

    [Theory, OnSqlite(nameof(BadInput)), OnPostgres(nameof(BadInput))]
    public async Task Bad_application_input_is_refused_by_field_and_nothing_is_lost(Db db, string key, string value, string message)
    {
        await using var app = TestApp.Start(db);
        var slug = await FreeMunicipality(app);
        await app.CreateUser("kommune", Roles.Respondent, slug);
        var client = await app.LoggedIn("kommune");
        app.Clock.Now = InWindow;
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"{Api}/{slug}", new { answers = Complete() })).StatusCode);
        var bad = await client.PutAsJsonAsync($"{Api}/{slug}", new { answers = new Dictionary<string, string> { [key] = value, ["beskrivelse.2"] = "ny tekst" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject().SelectMany(p => p.Value.EnumerateArray()), e => e.GetString()!.Contains(message));
        var stored = await client.GetFromJsonAsync<JsonElement>($"{Api}/{slug}");
        Assert.Equal("40 %.", stored.GetProperty("answers").GetProperty("beskrivelse.2").GetProperty("value").GetString());
        Assert.Equal("2026-12-31", stored.GetProperty("answers").GetProperty("projekter/1/afsluttet").GetProperty("value").GetString());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_receipt_keeps_what_was_submitted_after_a_reopen_and_resubmit(Db db)
    {
        await using var app = TestApp.Start(db);
        var slug = await FreeMunicipality(app);
        await app.CreateUser("kommune", Roles.Respondent, slug);
        await app.CreateUser("ism", Roles.Secretariat, "indenrigs-og-sundhedsministeriet");
        var client = await app.LoggedIn("kommune");
        app.Clock.Now = InWindow;
        await client.PutAsJsonAsync($"{Api}/{slug}", new { answers = Complete("Version et") });
        var first = await (await client.PostAsync($"{Api}/{slug}/submit", null)).Content.ReadFromJsonAsync<JsonElement>();
        var ism = await app.LoggedIn("ism");
        Assert.Equal(HttpStatusCode.NoContent, (await ism.PostAsJsonAsync($"{Api}/{slug}/reopen", new { reason = "Kommunen retter projektnavnet" })).StatusCode);
        await client.PutAsJsonAsync($"{Api}/{slug}", new { answers = new Dictionary<string, string> { ["projekter/1/navn"] = "Version to" } });
        var second = await (await client.PostAsync($"{Api}/{slug}/submit", null)).Content.ReadFromJsonAsync<JsonElement>();

        var v1 = Html.Text(await client.GetStringAsync($"/kvitteringer/{first.GetProperty("number").GetString()}"));
        var v2 = Html.Text(await client.GetStringAsync($"/kvitteringer/{second.GetProperty("number").GetString()}"));
        Assert.Contains("Version et", v1);
        Assert.DoesNotContain("Version to", v1);
        Assert.Contains("Der er indsendt en nyere besvarelse", v1);
        Assert.Contains("Version to", v2);
        Assert.Equal(2, await app.WithDb(d => d.Receipts.CountAsync(r => r.Response!.Organisation!.Slug == slug)));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_caseworker_assesses_allocates_within_budget_and_issues_letters_each_municipality_sees_only_its_own(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("ism", Roles.Secretariat, "indenrigs-og-sundhedsministeriet");
        var ism = await app.LoggedIn("ism");

        var applications = await ism.GetFromJsonAsync<JsonElement>("/api/pools/laanepulje-botilbud-2025-26/applications");
        var projects = applications.EnumerateArray().SelectMany(a => a.GetProperty("projects").EnumerateArray().Select(p => (App: a, P: p))).ToList();
        foreach (var n in Enumerable.Range(1, 5))
            Assert.Contains(projects, x => x.P.GetProperty("criteria").EnumerateArray().Any(c => c.GetProperty("number").GetInt32() == n && c.GetProperty("status").GetString() == "Failed"));
        var renovation = projects.Single(x => x.P.GetProperty("awaitsAssessment").GetBoolean());

        // Issuing is refused while a renovation awaits assessment, and before the deadline.
        app.Clock.Now = new DateTimeOffset(2024, 5, 16, 8, 0, 0, TimeSpan.Zero);
        var refused = await ism.PostAsync(Pool + "/afgoerelser", await TestApp.Form(ism, Pool + "/fordeling", new()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("kriterium 6 (renovering) afventer din vurdering", await refused.Content.ReadAsStringAsync());

        var org = renovation.App.GetProperty("slug").GetString();
        var index = renovation.P.GetProperty("index").GetInt32();
        var assessed = await ism.PostAsync($"{Pool}/ansoegninger/{org}/projekter/{index}", await TestApp.Form(ism, $"{Pool}/ansoegninger/{org}",
            new() { [$"p{index}-score"] = "4", [$"p{index}-exception"] = "ja", [$"p{index}-note"] = "Brandkrav dokumenteret" }));
        Assert.Equal(HttpStatusCode.Redirect, assessed.StatusCode);

        var allocation = await ism.GetFromJsonAsync<JsonElement>("/api/pools/laanepulje-botilbud-2025-26/allocation");
        var rows = allocation.GetProperty("rows").EnumerateArray().ToList();
        Assert.True(rows.Sum(r => r.GetProperty("granted2025").GetInt64()) <= 600_000);
        Assert.True(rows.Sum(r => r.GetProperty("granted2026").GetInt64()) <= 700_000);
        Assert.Contains(rows, r => r.GetProperty("outcome").GetString() == "Refused"); // more applied for than the pool holds
        Assert.True(allocation.GetProperty("regionalBalanceApplied").GetBoolean());
        Assert.Equal(5, rows.Where(r => r.GetProperty("outcome").GetString() == "Granted").Select(r => r.GetProperty("region").GetString()).Distinct().Count());
        Assert.Contains(rows, r => r.GetProperty("slug").GetString() == org && r.GetProperty("projectIndex").GetInt32() == index && r.GetProperty("outcome").GetString() != "Ineligible");

        // What-if: a smaller 2026 budget grants fewer projects; the page marks what changed; nothing is saved.
        var whatIf = await ism.GetFromJsonAsync<JsonElement>("/api/pools/laanepulje-botilbud-2025-26/allocation?budget2026=300000");
        Assert.True(whatIf.GetProperty("rows").EnumerateArray().Count(r => r.GetProperty("outcome").GetString() == "Granted") <
                    rows.Count(r => r.GetProperty("outcome").GetString() == "Granted"));
        var page = await ism.GetStringAsync($"{Pool}/fordeling?budget2025=600000&budget2026=300000");
        Assert.Contains("Hvad nu hvis:", page);
        Assert.Contains("(ændret)", page);
        using (var xlsx = SpreadsheetDocument.Open(new MemoryStream(await ism.GetByteArrayAsync($"{Pool}/fordeling.xlsx")), false))
            Assert.Equal(["Fordeling", "Budget"], xlsx.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));

        var applicant = applications[0].GetProperty("slug").GetString()!;
        await app.CreateUser("ansoeger", Roles.Respondent, applicant, "ansoeger@kommune.dk");
        Assert.Equal(HttpStatusCode.Redirect, (await ism.PostAsync(Pool + "/afgoerelser", await TestApp.Form(ism, Pool + "/fordeling", new()))).StatusCode);
        var decisions = await app.WithDb(d => d.PoolDecisions.Include(x => x.Organisation).ToListAsync());
        Assert.Equal(applications.GetArrayLength(), decisions.Count);

        // The applicant's users are told, with the outcome and a link to their letter (saved with the decisions).
        var told = await app.WithDb(d => d.Outbox.AsNoTracking().SingleAsync(m => m.Kind == "pool-decision"));
        Assert.Equal("ansoeger@kommune.dk", told.ToAddress);
        Assert.Contains($"/puljer/laanepulje-botilbud-2025-26/afgoerelser/{applicant}", told.TextBody);
        Assert.Contains("lånedispensation for 2025 og 2026", told.TextBody);

        var granted = decisions.First(d => d.Outcome == Features.Pools.PoolOutcome.Tilsagn);
        var other = decisions.First(d => d.OrganisationId != granted.OrganisationId);
        await app.CreateUser("kommune", Roles.Respondent, granted.Organisation!.Slug);
        var municipality = await app.LoggedIn("kommune");
        var letter = Html.Text(await municipality.GetStringAsync($"{Pool}/afgoerelser/{granted.Organisation.Slug}"));
        Assert.Contains("Tilsagn om lånedispensation for 2025 og 2026", letter);
        Assert.Contains($"Til {granted.Organisation.DisplayName}", letter);
        using (var pdf = PigDocument.Open(await municipality.GetByteArrayAsync($"{Pool}/afgoerelser/{granted.Organisation.Slug}.pdf")))
            Assert.Contains("Tilsagn om lånedispensation", pdf.GetPage(1).Text);
        Assert.Contains("Læs brevet", await municipality.GetStringAsync(Pool));
        Assert.Equal(HttpStatusCode.NotFound, (await municipality.GetAsync($"{Pool}/afgoerelser/{other.Organisation!.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await municipality.GetAsync($"{Api}/{other.Organisation.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await municipality.GetAsync("/api/pools/laanepulje-botilbud-2025-26/allocation")).StatusCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Documentation_must_be_a_pdf_and_is_seen_by_the_caseworker_only(Db db)
    {
        await using var app = TestApp.Start(db);
        var slug = await FreeMunicipality(app);
        await app.CreateUser("kommune", Roles.Respondent, slug);
        var client = await app.LoggedIn("kommune");
        app.Clock.Now = InWindow;
        async Task<HttpResponseMessage> Upload(byte[] bytes)
        {
            var token = System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync(Pool), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            return await client.PostAsync(Pool + "/dokumenter", new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("Referat fra KKR"), "title" },
                { new ByteArrayContent(bytes), "file", "referat.pdf" },
            });
        }
        var bad = await Upload(Encoding.UTF8.GetBytes("Dette er ikke en PDF"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Filen er ikke en PDF", await bad.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDb(d => d.PoolDocuments.CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await Upload(Samraad.Documents.Pdf.TextPdf.Create("Referat", "KKR drøftede projektet."))).StatusCode);
        Assert.Contains("Referat fra KKR", await client.GetStringAsync(Pool));
        var id = await app.WithDb(d => d.PoolDocuments.Select(x => x.Id).SingleAsync());
        await app.CreateUser("anden", Roles.Respondent, slug == "koebenhavn" ? "frederiksberg" : "koebenhavn");
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.LoggedIn("anden")).GetAsync($"{Pool}/dokumenter/{id}")).StatusCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Fordeling_filters_and_sorts_the_projects_and_keeps_the_view_through_a_what_if(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("ism", Roles.Secretariat, "indenrigs-og-sundhedsministeriet");
        var ism = await app.LoggedIn("ism");
        var all = await ism.GetStringAsync(Pool + "/fordeling");
        var total = Regex.Matches(all, "<tr[^>]* id=\"projekt-").Count;
        Assert.True(total > 20, $"{total} projects in the seed's allocation");
        Assert.Contains($"Viser {total} projekter af {total}.", Html.Text(all));

        // Granted only, by municipality: every row says Tilsagn, the names in Danish order, the header marked.
        var granted = await ism.GetStringAsync(Pool + "/fordeling?udfald=tilsagn&sortering=kommune");
        var rows = Regex.Matches(granted, "<tr[^>]* id=\"projekt-[^\"]*\">(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.InRange(rows.Count, 1, total - 1);
        Assert.All(rows, r => Assert.Contains("<strong>Tilsagn</strong>", r));
        var names = rows.Select(r => Html.Text(Regex.Match(r, "<th[^>]*>(.*?)</th>", RegexOptions.Singleline).Groups[1].Value).Trim()).ToList();
        Assert.Equal(names.Order(StringComparer.Create(new System.Globalization.CultureInfo("da-DK"), true)).ToList(), names);
        Assert.Contains("aria-sort=\"ascending\"", granted);
        Assert.Contains($"Viser {rows.Count} projekt{(rows.Count == 1 ? "" : "er")} af {total}.", Html.Text(granted));
        // The header link turns the order around, and keeps the filter.
        Assert.Contains("href=\"/puljer/laanepulje-botilbud-2025-26/fordeling?udfald=tilsagn&amp;sortering=kommune&amp;retning=faldende#projekter\"", granted);
        // The what-if form carries the view along; the filter form carries the scenario.
        Assert.Contains("<input type=\"hidden\" name=\"udfald\" value=\"tilsagn\" />", granted);
        var scenario = await ism.GetStringAsync(Pool + "/fordeling?budget2026=300000&udfald=tilsagn");
        Assert.Contains("<input type=\"hidden\" name=\"budget2026\" value=\"300000\" />", scenario);
        Assert.Contains("Hvad nu hvis:", scenario);

        // A search by name, and a filter nothing matches; forged values are the default view, never an error.
        var faxe = Html.Text(await ism.GetStringAsync(Pool + "/fordeling?soeg=faxe"));
        Assert.Matches(@"Viser \d+ projekt(er)? af", faxe);
        Assert.Contains("Ingen projekter passer til filteret.", await ism.GetStringAsync(Pool + "/fordeling?soeg=findes-ikke-xyz"));
        // Keys in another case are the same keys: the header links replace them instead of adding a second one.
        var upper = await ism.GetStringAsync(Pool + "/fordeling?Sortering=kommune");
        Assert.Contains("href=\"/puljer/laanepulje-botilbud-2025-26/fordeling?sortering=kommune&amp;retning=faldende#projekter\"", upper);
        var forged = await ism.GetAsync(Pool + "/fordeling?sortering=%3Cscript%3E&udfald=x&retning=y&side=-1&region=Atlantis");
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains($"Viser {total} projekter af {total}.", Html.Text(await forged.Content.ReadAsStringAsync()));
    }
}
