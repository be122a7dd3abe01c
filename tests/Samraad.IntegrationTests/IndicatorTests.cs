using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Samraad.IntegrationTests;

/// <summary>Kofoedsminde's key figures (seed item 2.10) through HTTP: computed indicators, the seed's discrepancies, entry, access.</summary>
public class IndicatorTests
{
    const string Slug = "kofoedsminde-noegletal";
    const string Page = "/noegletal/" + Slug;

    static async Task<JsonElement> Api(HttpClient client) => await client.GetFromJsonAsync<JsonElement>($"/api/indicators/{Slug}");

    static string Value(JsonElement report, string key, string period) => report.GetProperty("rows").EnumerateArray()
        .Single(r => r.GetProperty("key").GetString() == key).GetProperty("values").EnumerateArray()
        .Single(v => v.GetProperty("period").GetString() == period).GetProperty("display").GetString()!;

    /// <summary>The entry form as a browser posts it: every field with the value it shows, some changed.</summary>
    static async Task<HttpResponseMessage> Post(HttpClient client, string period, Dictionary<string, string> changes)
    {
        var html = await client.GetStringAsync($"{Page}/indtast?periode={period}");
        var fields = Regex.Matches(html, "<input type=\"text\" id=\"[^\"]+\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["organisation"] = Regex.Match(html, "name=\"organisation\" value=\"(\\d+)\"").Groups[1].Value;
        fields["periode"] = period;
        foreach (var (k, v) in changes) fields[k] = v;
        return await client.PostAsync($"{Page}/indtast", await TestApp.Form(client, $"{Page}/indtast?periode={period}", fields));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_secretariat_sees_the_indicators_computed_and_where_the_seed_contradicts_itself(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("sek");
        var report = await Api(sek);
        Assert.Equal(["8,2 %", "15,4 %", "2,5 %", "4,4 %"], new[] { "2020", "2021", "2022", "2023" }.Select(p => Value(report, "overbelaegning", p)));
        Assert.Equal(5, report.GetProperty("discrepancies").GetArrayLength());
        Assert.Equal(17, report.GetProperty("printedChecked").GetInt32());
        var summary = await sek.GetFromJsonAsync<JsonElement>($"/api/indicators/{Slug}/summary");
        var places = summary.EnumerateArray().Single(s => s.GetProperty("period").GetString() == "2020" && s.GetProperty("key").GetString() == "budgetterede_pladser");
        Assert.Equal((1, 68m), (places.GetProperty("reported").GetInt32(), places.GetProperty("sum").GetDecimal()));

        var html = Html.Text(await sek.GetStringAsync(Page));
        Assert.Contains("Hvor bilaget ikke stemmer med sine egne tal", html);
        Assert.Contains("35 % ≠ trykt 34%", html);
        Assert.Contains("409 ≠ 410", html);
        Assert.Contains("= (Regnskabstal (belægningsdøgn omregnet til pladser) ÷ Budgetteret pladstal − 1) × 100", html);
        Assert.Contains("<svg", await sek.GetStringAsync(Page));
        Assert.Contains("Kofoedsminde", Html.Text(await sek.GetStringAsync("/noegletal")));

        var csv = await sek.GetStringAsync(Page + "/noegletal.csv");
        Assert.Contains("andel_eksterne", csv);
        var price = Html.Text(await sek.GetStringAsync(Page + "/beregning"));
        Assert.Contains("11.971 kr.", price);
        Assert.DoesNotContain("≠ beregnet", price);
        var twenty = await sek.GetAsync(Page + "/beregning?places=20");
        Assert.Contains("≠ beregnet", await twenty.Content.ReadAsStringAsync());
        var bad = await sek.GetAsync(Page + "/beregning?places=nul");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Pladser skal være et helt tal", await bad.Content.ReadAsStringAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Entering_a_period_is_validated_by_field_all_or_nothing_and_updates_the_indicators(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("region", Roles.Respondent, "region-sjaelland");
        var region = await app.LoggedIn("region");

        var bad = await Post(region, "2023", new() { ["interne_fleksible"] = "60", ["vikarer_i_alt"] = "mange", ["medarbejdere"] = "49,5" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = Html.Text(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Samlet forbrug af vikarer skal være et tal", body);
        Assert.Contains("Antal medarbejdere skal være et helt tal", body);
        Assert.Contains("value=\"mange\"", await bad.Content.ReadAsStringAsync()); // what was typed stays in the field
        Assert.Equal("63 %", Value(await Api(region), "andel_eksterne", "2023")); // nothing saved

        var outside = await Post(region, "2031", new());
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("ligger uden for sættets perioder", Html.Text(await outside.Content.ReadAsStringAsync()));

        var ok = await Post(region, "2023", new() { ["interne_fleksible"] = "60" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var after = await Api(region);
        Assert.Equal("50 %", Value(after, "andel_eksterne", "2023")); // (120 − 60) ÷ 120
        Assert.Equal("8,2 %", Value(after, "overbelaegning", "2020")); // the other periods untouched
        Assert.Equal("4,4 %", Value(after, "overbelaegning", "2023")); // and the period's other figures kept
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Only_the_owner_readers_and_the_reporter_see_the_figures_and_only_they_enter_them(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("faxe", Roles.Respondent, "faxe");
        await app.CreateUser("hovedstaden", Roles.Secretariat, "kkr-hovedstaden");
        await app.CreateUser("laeser", Roles.Reader, "kkr-sjaelland");
        foreach (var name in new[] { "faxe", "hovedstaden" })
        {
            var client = await app.LoggedIn(name);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/indicators/{Slug}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page + "/noegletal.csv")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page + "/indtast")).StatusCode);
            Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/indicators")).GetArrayLength());
        }
        var reader = await app.LoggedIn("laeser");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(Page + "/indtast")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync($"/api/indicators/{Slug}")).StatusCode);
    }

    [Fact]
    public async Task The_indicator_tables_are_a_pdf_and_a_live_meeting_attachment()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("sek");
        var pdf = await sek.GetByteArrayAsync(Page + "/noegletal.pdf");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var meeting = "/moeder/kkr-sjaelland-2024-04-12";
        var live = await sek.PostAsync(meeting + "/punkter/2.10/bilag/levende", await TestApp.Form(sek, meeting + "/punkter/2.10", new() { ["source"] = $"keyfigures:{Slug}" }));
        Assert.Equal(HttpStatusCode.Redirect, live.StatusCode);
        Assert.Contains("Nøgletal og indikatorer: Kofoedsminde", await sek.GetStringAsync(meeting + "/punkter/2.10"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Cluster_offices_report_their_own_figures_and_the_secretariat_compares_them_and_sees_RUCs_two_grants(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        await app.CreateUser("clean", Roles.Respondent, "clean");
        await app.CreateUser("dlsc", Roles.Respondent, "danish-life-science-cluster");
        var sek = await app.LoggedIn("sek");
        var evaluation = await sek.GetFromJsonAsync<JsonElement>("/api/indicators/klyngeevaluering-2021-2023");
        JsonElement Values(JsonElement r, string key) => r.GetProperty("rows").EnumerateArray().Single(x => x.GetProperty("key").GetString() == key).GetProperty("values");
        var share = Values(evaluation, "andel_sjaellandske_virksomheder").EnumerateArray().ToList();
        Assert.Equal(["8,2 %", "11,6 %", "–", "–", "–", "–", "–"], share.Select(v => v.GetProperty("display").GetString()));
        Assert.Contains("Data foreligger endnu ikke", share[2].GetProperty("missing").GetString()); // never 0
        Assert.Equal(["CLEAN", "Danish Life Science Cluster", "Alle indberettere i alt"],
            share.Select(v => v.GetProperty("reporter").GetString()).Distinct());
        // The group as a whole only where every reporting office has the figure: 2023 sums CLEAN's 26 and DLSC's 17
        // members in Region Sjælland; DLSC has no 2022 figures, so no 2022 total and no change from 2022 either.
        Assert.Contains("ikke alle har tallet", share[4].GetProperty("missing").GetString());
        Assert.Contains(Values(evaluation, "medlemmer_sjaelland").EnumerateArray(), v =>
            v.GetProperty("reporter").GetString()!.StartsWith("Alle") && v.GetProperty("period").GetString() == "2023" && v.GetProperty("value").GetDecimal() == 43);
        Assert.Empty(evaluation.GetProperty("discrepancies").EnumerateArray());
        var page = Html.Text(await sek.GetStringAsync("/noegletal/klyngeevaluering-2021-2023"));
        Assert.Contains("Ingen tal endnu fra: Food & Bio Cluster Denmark, We Build Denmark.", page); // named once, not as empty columns
        Assert.Contains("1 ansøgning", page); // DLSC's one application, in the singular

        // An office sees and enters only its own figures.
        var clean = await app.LoggedIn("clean");
        var own = await clean.GetFromJsonAsync<JsonElement>("/api/indicators/klyngeevaluering-2021-2023");
        Assert.All(Values(own, "deltagere_i_alt").EnumerateArray(), v => Assert.Equal("CLEAN", v.GetProperty("reporter").GetString()));
        var dlsc = await app.LoggedIn("dlsc");
        var theirs = await dlsc.GetFromJsonAsync<JsonElement>("/api/indicators/klyngeevaluering-2021-2023");
        Assert.DoesNotContain(Values(theirs, "medlemmer_sjaelland").EnumerateArray(), v => v.GetProperty("reporter").GetString() == "CLEAN");

        var ruc = await sek.GetFromJsonAsync<JsonElement>("/api/indicators/ruc-vidensamarbejde");
        var d = Assert.Single(ruc.GetProperty("discrepancies").EnumerateArray());
        Assert.Contains("19.900.000", d.GetProperty("printed").GetString());
        Assert.Contains("19.800.000", d.GetProperty("computed").GetString());
        Assert.Equal("stemmer", Values(ruc, "poster_i_alt")[0].GetProperty("display").GetString()); // post 1–20 add up to 19.238.200
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Indicators_are_evaluated_per_group_of_a_group_set_from_the_groups_sums(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("sek");
        const string url = "/api/indicators/kommunale-noegletal?groupSet=dst-kommunegrupper-v1-2018";
        var report = await sek.GetFromJsonAsync<JsonElement>(url);
        var share = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "andel_ventende").GetProperty("values").EnumerateArray()
            .ToDictionary(v => (v.GetProperty("reporter").GetString()!, v.GetProperty("period").GetString()!), v => v.GetProperty("display").GetString());
        // Oplandskommuner = Stevns + Ringsted: 2022 (10 + 15) / (100 + 50) = 16,7 %; 2023 Ringsted said "Ved ikke", so no sum.
        Assert.Equal("16,7 %", share[("Oplandskommuner (2)", "2022")]);
        Assert.Equal("–", share[("Oplandskommuner (2)", "2023")]);
        Assert.Equal("10,0 %", share[("Provinsbykommuner (1)", "2022")]);
        Assert.Equal("10,0 %", share[("Landkommuner (1)", "2023")]);
        Assert.Equal("12,3 %", share[("Alle indberettere i alt", "2022")]); // 53 / 430
        var page = Html.Text(await sek.GetStringAsync("/noegletal/kommunale-noegletal?gruppe=dst-kommunegrupper-v1-2018"));
        Assert.Contains("Opdelt efter Danmarks Statistiks kommunegrupper", page);
        Assert.Contains("Oplandskommuner (2)", page);
        var bad = await sek.GetAsync("/api/indicators/kommunale-noegletal?groupSet=planet");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sek.GetAsync("/noegletal/kommunale-noegletal?gruppe=planet")).StatusCode);
    }
}
