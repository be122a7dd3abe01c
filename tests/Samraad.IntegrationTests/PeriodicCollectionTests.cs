using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Samraad.IntegrationTests;

/// <summary>A collection that repeats per year (the cluster evaluation 2021–2023): responses keyed by period, summaries per period and over time.</summary>
public class PeriodicCollectionTests
{
    const string Slug = "klyngeevaluering-2021-2023";
    const string Page = "/indsamlinger/" + Slug;
    const string Api = "/api/collections/" + Slug;

    static Dictionary<string, object?> FullAnswers(int participants) => new()
    {
        ["deltagere_i_alt"] = participants.ToString(), ["deltagere_danske"] = "300", ["deltagere_sjaelland"] = "90", ["virksomheder_sjaelland"] = "60",
        ["aktiviteter_i_alt"] = "20", ["aktiviteter_sjaelland"] = "8", ["konferencer"] = "2", ["netvaerksmoeder"] = "10", ["netvaerksmoeder_nationale"] = "3",
        ["matchmaking"] = "4", ["workshops"] = "1", ["ansoegninger"] = new Dictionary<string, string> { ["missing"] = "under-5" },
        ["ansoegt_beloeb"] = new Dictionary<string, string> { ["missing"] = "under-5" }, ["tilsagn"] = new Dictionary<string, string> { ["missing"] = "under-5" },
        ["tilsagn_beloeb"] = new Dictionary<string, string> { ["missing"] = "under-5" }, ["medlemmer_sjaelland"] = "12", ["medlemmer_i_alt"] = "240", ["afvigelser"] = "nej",
    };

    [Theory, OnSqlite, OnPostgres]
    public async Task An_office_answers_each_year_for_itself_and_the_secretariat_sees_each_period_and_the_series(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        await app.CreateUser("foodbio", Roles.Respondent, "food-bio-cluster-denmark");
        await app.CreateUser("clean", Roles.Respondent, "clean");
        var sek = await app.LoggedIn("sek");
        var window = await sek.PostAsync(Page + "/frist", await TestApp.Form(sek, Page, new() { ["opens"] = "01-11-2026 08.00", ["deadline"] = "15-12-2026 23.59" }));
        Assert.Equal(HttpStatusCode.Redirect, window.StatusCode);

        var definition = await sek.GetFromJsonAsync<JsonElement>(Api);
        Assert.Equal(["2021", "2022", "2023"], definition.GetProperty("periods").EnumerateArray().Select(p => p.GetString()));

        // Food & Bio reports 2022 only; 2021 and 2023 stay untouched.
        var foodbio = await app.LoggedIn("foodbio");
        var own = Api + "/responses/food-bio-cluster-denmark";
        var implausible = FullAnswers(410);
        implausible["deltagere_danske"] = "500"; // "heraf danske" above the total
        var refused = await foodbio.PutAsJsonAsync(own + "?period=2022", new { answers = implausible, revision = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Heraf danske deltagere (500) kan ikke være større end antal unikke deltagere i klyngekontorets aktiviteter i alt (410)",
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("deltagere_danske")[0].GetString());
        var saved = await foodbio.PutAsJsonAsync(own + "?period=2022", new { answers = FullAnswers(410), revision = 0 });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var submitted = await foodbio.PostAsJsonAsync(own + "/submit?period=2022", new { });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var r2022 = await foodbio.GetFromJsonAsync<JsonElement>(own + "?period=2022");
        Assert.Equal(("Submitted", "2022"), (r2022.GetProperty("status").GetString(), r2022.GetProperty("period").GetString()));
        Assert.Equal("NotStarted", (await foodbio.GetFromJsonAsync<JsonElement>(own + "?period=2023")).GetProperty("status").GetString());
        Assert.Equal("NotStarted", (await foodbio.GetFromJsonAsync<JsonElement>(own)).GetProperty("status").GetString()); // no period = the latest

        // The front page speaks of the latest period, as the progress and the API do: 2022 is in, 2023 is still to answer.
        var front = Html.Text(await foodbio.GetStringAsync("/"));
        Assert.Contains("Din organisations besvarelse: Ikke påbegyndt (2023)", front);

        // The page for a year: heading, the periods as links, the receipt names the year.
        var page = Html.Text(await foodbio.GetStringAsync(Page + "/besvarelser/food-bio-cluster-denmark?periode=2022"));
        Assert.Contains("Evaluering af regionale klyngekontorer 2021–2023 – 2022", page);
        Assert.Contains("Periode: 2021 2022 2023", page);
        Assert.Equal(HttpStatusCode.NotFound, (await foodbio.GetAsync(Page + "/besvarelser/food-bio-cluster-denmark?periode=2019")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sek.GetAsync("/indsamlinger/akutfunktioner-2024/sammendrag?periode=2023")).StatusCode);

        // Another office cannot see it, for any year.
        var clean = await app.LoggedIn("clean");
        Assert.Equal(HttpStatusCode.Forbidden, (await clean.GetAsync(own + "?period=2022")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clean.GetAsync(Page + "/besvarelser/food-bio-cluster-denmark?periode=2022")).StatusCode);

        // The secretariat's pages keep the period in their links and forms.
        var overview = await sek.GetStringAsync(Page + "?periode=2022");
        Assert.Contains($"href=\"{Page}/sammendrag?periode=2022\"", overview);
        Assert.Contains($"action=\"{Page}/frist?periode=2022\"", overview);
        Assert.Contains("Åbning og frist gælder alle perioder (2021, 2022, 2023)", Html.Text(overview));
        var log = await sek.GetStringAsync(Page + "/log?periode=2022");
        Assert.Contains("name=\"periode\" value=\"2022\"", log);

        // The summary per period and over the periods.
        var s2022 = Html.Text(await sek.GetStringAsync(Page + "/sammendrag?periode=2022"));
        Assert.Contains("Sammendrag: Evaluering af regionale klyngekontorer 2021–2023 – 2022", s2022);
        Assert.Contains("2 af 4 har indsendt", s2022); // CLEAN (from the seed) and Food & Bio
        Assert.Contains("Udvikling over perioderne", s2022);
        Assert.Contains("Indsendt 1 af 4 2 af 4 2 af 4", s2022); // 2021: CLEAN; 2022: CLEAN + Food & Bio; 2023: CLEAN + DLSC
        Assert.Contains("2.536 (sum af 2)", s2022); // participants 2022: 2.126 + 410

        var json = await sek.GetFromJsonAsync<JsonElement>(Api + "/summary?period=2022");
        Assert.Equal("2022", json.GetProperty("period").GetString());
        Assert.Equal(2, json.GetProperty("summary").GetProperty("submitted").GetInt32());
        var series = json.GetProperty("series");
        Assert.Equal([1, 2, 2], series.GetProperty("submitted").EnumerateArray().Select(n => n.GetInt32()));
        var participants = series.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "deltagere_i_alt");
        Assert.Equal(2536m, participants.GetProperty("cells")[1].GetProperty("sum").GetDecimal());

        // The cluster key figures read the collection: Food & Bio's 2022 indicators appear at once, codes are not 0.
        var figures = await sek.GetFromJsonAsync<JsonElement>("/api/indicators/" + Slug);
        var share = figures.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "andel_sjaellandske_virksomheder")
            .GetProperty("values").EnumerateArray().Single(v => v.GetProperty("reporter").GetString() == "Food & Bio Cluster Denmark");
        Assert.Equal(("2022", "14,6 %"), (share.GetProperty("period").GetString(), share.GetProperty("display").GetString())); // 60 / 410
        var rate = figures.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "tilsagnsrate")
            .GetProperty("values").EnumerateArray().Single(v => v.GetProperty("reporter").GetString() == "Food & Bio Cluster Denmark");
        Assert.Equal("–", rate.GetProperty("display").GetString());
        Assert.Contains("Under 5 deltagende virksomheder", rate.GetProperty("missing").GetString());
    }
}
