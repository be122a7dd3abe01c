using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samraad.Bench;
using Samraad.Documents;
using Samraad.Features.Contracts;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace Samraad.IntegrationTests;

/// <summary>The 2024 performance contract (seed item 2.6) through HTTP.</summary>
public class ContractTests
{
    const string Slug = "resultatkontrakt-2024-erhvervshus-sjaelland";
    const string Page = "/kontrakter/" + Slug;
    const string Header = "sag_id,cvr,kommunekode,hovedsaede_region,type,startdato,slutdato,temaer,henvist_ekstern,vejledt_aaret_foer\n";

    static async Task<JsonElement> Status(HttpClient client) => await client.GetFromJsonAsync<JsonElement>($"/api/contracts/{Slug}");

    static JsonElement Goal(JsonElement status, int number) => status.GetProperty("goals").EnumerateArray().Single(g => g.GetProperty("number").GetInt32() == number);

    static Task<HttpResponseMessage> Upload(HttpClient client, string kind, byte[] bytes, string name) =>
        TestApp.Upload(client, Page + "/import", Page + "/import", bytes, name, new() { ["kind"] = kind });

    [Theory, OnSqlite, OnPostgres]
    public async Task The_secretariat_sees_15_goals_with_status_and_the_figures_behind_them(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("sek");
        var status = await Status(sek);
        Assert.Equal(15, status.GetProperty("goals").GetArrayLength());
        Assert.Equal("2024-06-30", status.GetProperty("dataDate").GetString());
        Assert.Contains("syntetiske demodata", status.GetProperty("demoNote").GetString());
        var goal8 = Goal(status, 8);
        Assert.Contains("1.680", goal8.GetProperty("measures")[0].GetProperty("target").GetString());
        Assert.NotNull(goal8.GetProperty("measures")[0].GetProperty("projection").GetString());
        Assert.Equal("AwaitingData", Goal(status, 14).GetProperty("status").GetString()); // gearing: nothing entered yet
        Assert.StartsWith("Erhvervshus Sjælland yder specialiseret vejledning til 20 virksomheder", Goal(status, 13).GetProperty("target").GetString());

        var html = Html.Text(await sek.GetStringAsync(Page));
        Assert.Contains("8. Kvantitative mål vedr. virksomhedsforløb", html);
        Assert.Contains("Forløb pr. måned", html);
        var goalPage = await sek.GetStringAsync(Page + "/maal/10");
        Assert.Contains("Registreringerne bag tallet", goalPage);
        Assert.Contains("ESG/grøn forretning", goalPage);
        Assert.Contains("<svg", await sek.GetStringAsync(Page));
    }

    /// <summary>
    /// The database aggregates (the app's EF queries and the benchmark's hand-written SQL) against the plainest possible
    /// count: every demo row loaded and counted in C#. Guards the index-friendly query shapes on both databases.
    /// </summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task Goal_figures_from_the_database_equal_a_count_over_the_rows(Db db)
    {
        await using var app = TestApp.Start(db);
        var (computed, handWritten, naive) = await app.WithDb(async d =>
        {
            var contract = await d.Contracts.SingleAsync(c => c.Slug == Slug);
            var regs = await d.Registrations.Where(r => r.ContractId == contract.Id && r.Year == contract.Year).ToListAsync();
            var evals = await d.Evaluations.Where(e => e.ContractId == contract.Id).ToListAsync();
            Assert.True(regs.Count > 500 && evals.Count > 100, "the demo data is there");
            Dictionary<CaseType, int> byType(Func<Registration, bool> where) => Enum.GetValues<CaseType>().ToDictionary(t => t, t => regs.Count(r => r.Type == t && where(r)));
            var naive = new ContractFigures(regs.Max(r => r.StartDate), regs.Select(r => r.Cvr).Distinct().Count(),
                regs.GroupBy(r => r.Cvr).Count(g => g.All(r => !r.GuidedPreviousYear)), byType(_ => true),
                regs.GroupBy(r => r.StartDate.Month).ToDictionary(g => g.Key, g => g.Count()), regs.GroupBy(r => r.MunicipalityCode).ToDictionary(g => g.Key, g => g.Count()),
                regs.Count(r => r.Type != CaseType.Kort && r.IsEsg), regs.Count(r => r.IsAiCheck), byType(r => r.ReferredExternal),
                regs.GroupBy(r => r.HqRegionCode).ToDictionary(g => g.Key, g => g.Select(r => r.Cvr).Distinct().Count()),
                evals.GroupBy(e => e.Segment).ToDictionary(g => g.Key, g => new SegmentFigures(g.Count(e => e.Satisfaction != null), g.Count(e => e.Satisfaction == Scales.VeryHappy),
                    g.Count(e => e.Recommend != null), g.Count(e => e.Recommend >= 9), g.Count(e => e.Recommend <= 6))),
                evals.Count(e => e.Effect != null), evals.Count(e => e.Effect == Scales.High), evals.Count(e => e.DigitalGuidance && e.Effect != null),
                evals.Count(e => e.DigitalGuidance && e.Effect == Scales.High), evals.Count(e => e.ReferralUse is Scales.Used or Scales.Expects),
                evals.Count(e => e.ReferralUse == Scales.No), evals.Count(e => e.ReferralUse == Scales.DontKnow));
            return (await ComputeContractFigures.Handle(d, contract.Id, contract.Year), await ContractBenchmark.HandWritten(d, contract.Id, contract.Year, default), naive);
        });
        Assert.True(computed.SameAs(naive), "the app's aggregates equal the count over the rows");
        Assert.True(handWritten.SameAs(naive), "the hand-written SQL equals the count over the rows");
        Assert.True(naive.NewCompanies > 0 && naive.NewCompanies < naive.Companies);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Only_the_parties_and_the_secretariat_see_the_contract(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("hub", Roles.Respondent, "erhvervshus-sjaelland");
        await app.CreateUser("faxe", Roles.Respondent, "faxe");
        await app.CreateUser("nord", Roles.Secretariat, "kkr-nordjylland");
        await app.CreateUser("laeser", Roles.Reader, "kkr-sjaelland");
        Assert.Equal(HttpStatusCode.OK, (await (await app.LoggedIn("hub")).GetAsync($"/api/contracts/{Slug}")).StatusCode);
        foreach (var user in new[] { "faxe", "nord", "laeser" })
        {
            var client = await app.LoggedIn(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/contracts/{Slug}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page + "/statusrapport.xlsx")).StatusCode);
            Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/contracts")).GetArrayLength());
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_hub_imports_a_crm_file_previews_confirms_and_undoes_it(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("hub", Roles.Respondent, "erhvervshus-sjaelland");
        var hub = await app.LoggedIn("hub");
        var before = Goal(await Status(hub), 11).GetProperty("measures")[0].GetProperty("actual").GetString();
        var csv = Header + "\n" + string.Join("", Enumerable.Range(1, 30).Select(i =>
            $"T-{i},{Features.Contracts.ContractDemoData.Cvr(new Random(i))},320,1085,handlingsplan,2024-06-2{i % 9},,AI-tjek,ja,nej\n"));
        var preview = await Upload(hub, "Registrations", Encoding.UTF8.GetBytes(csv), "crm.csv");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("30 rækker er godkendt", html);
        Assert.Contains("1 tomme rækker springes over", html);
        Assert.Equal(before, Goal(await Status(hub), 11).GetProperty("measures")[0].GetProperty("actual").GetString()); // nothing until confirmed

        var id = Regex.Match(html, "/import/(\\d+)/bekraeft").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await hub.PostAsync($"{Page}/import/{id}/bekraeft", await TestApp.Form(hub, Page + "/import", new()))).StatusCode);
        var after = int.Parse(Goal(await Status(hub), 11).GetProperty("measures")[0].GetProperty("actual").GetString()!);
        Assert.Equal(int.Parse(before!) + 30, after);

        Assert.Equal(HttpStatusCode.Redirect, (await hub.PostAsync($"{Page}/import/{id}/fortryd", await TestApp.Form(hub, Page + "/import", new()))).StatusCode);
        Assert.Equal(before, Goal(await Status(hub), 11).GetProperty("measures")[0].GetProperty("actual").GetString());
        Assert.Contains("Fortrudt", Html.Text(await hub.GetStringAsync(Page + "/import")));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_bad_file_gets_a_report_by_line_and_nothing_is_imported(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("hub", Roles.Respondent, "erhvervshus-sjaelland");
        var hub = await app.LoggedIn("hub");
        var count = await app.WithDb(d => d.Registrations.CountAsync());
        var csv = Header + "X1,10150817,320,1085,handlingsplan,2024-03-01,,,ja,nej\nX2,1234,320,1085,handlingsplan,2024-03-01,,,ja,nej\n";
        var response = await Upload(hub, "Registrations", Encoding.UTF8.GetBytes(csv), "crm.csv");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("Fejl:", Html.Title(html));
        Assert.Contains("Linje 3: cvr »1234« er ikke et gyldigt CVR-nummer", html);
        var wrong = await Upload(hub, "Evaluations", Encoding.UTF8.GetBytes(csv), "crm.csv");
        Assert.Contains("Filen har ikke de forventede kolonner", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(count, await app.WithDb(d => d.Registrations.CountAsync()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Entered_figures_and_qualitative_statuses_update_the_goals(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("sek");
        async Task<HttpResponseMessage> Enter(string key, string value) => await sek.PostAsync($"{Page}/tal?maal=14", await TestApp.Form(sek, Page + "/maal/14", new()
            { ["key"] = key, ["value"] = value, ["year"] = "2024", ["date"] = "30-06-2024", ["source"] = "Erhvervshus Sjællands halvårsregnskab" }));
        Assert.Equal(HttpStatusCode.Redirect, (await Enter("omsaetning", "52.500.000,00")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Enter("driftsmidler", "20.000.000")).StatusCode);
        var gearing = Goal(await Status(sek), 14);
        Assert.Equal("2,63", gearing.GetProperty("measures")[0].GetProperty("actual").GetString());
        Assert.Equal("Met", gearing.GetProperty("status").GetString());
        var bad = await Enter("omsaetning", "mange");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Skriv tallet", await bad.Content.ReadAsStringAsync());

        var noLink = await sek.PostAsync($"{Page}/maal/15/status", await TestApp.Form(sek, Page + "/maal/15", new()
            { ["status"] = "OnTrack", ["text"] = "Deltager i begge fyrtårne", ["evidence"] = "ikke et link" }));
        Assert.Equal(HttpStatusCode.BadRequest, noLink.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync($"{Page}/maal/15/status", await TestApp.Form(sek, Page + "/maal/15", new()
            { ["status"] = "OnTrack", ["text"] = "Deltager i begge fyrtårne", ["evidence"] = "https://example.org/femern" }))).StatusCode);
        var goal15 = Goal(await Status(sek), 15);
        Assert.Equal(("OnTrack", "Deltager i begge fyrtårne"), (goal15.GetProperty("status").GetString(), goal15.GetProperty("qualitativeText").GetString()));
    }

    [Fact]
    public async Task The_status_report_is_a_pdf_an_xlsx_and_a_live_meeting_attachment()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("sek");
        using (var pdf = PigDocument.Open(await sek.GetByteArrayAsync(Page + "/statusrapport.pdf")))
        {
            var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
            Assert.Contains("Kvantitative", text); // table cells wrap, so test a word, not the whole title
            Assert.Contains($"Side {pdf.NumberOfPages} af {pdf.NumberOfPages}", pdf.GetPage(pdf.NumberOfPages).Text);
        }
        var xlsx = Tabular.Read(await sek.GetByteArrayAsync(Page + "/statusrapport.xlsx"), "s.xlsx");
        Assert.Contains(xlsx.Rows, r => r["maal"] == "8" && r["maaltal"].Contains("1.680"));

        var meeting = "/moeder/kkr-sjaelland-2024-04-12";
        var live = await sek.PostAsync(meeting + "/punkter/2.6/bilag/levende", await TestApp.Form(sek, meeting + "/punkter/2.6", new()
            { ["source"] = $"contract-status:{Slug}" }));
        Assert.Equal(HttpStatusCode.Redirect, live.StatusCode);
        Assert.Contains("Statusrapport: Resultatkontrakt 2024", await sek.GetStringAsync(meeting + "/punkter/2.6"));
    }
}
