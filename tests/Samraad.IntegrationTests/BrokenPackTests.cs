using System.Net;

namespace Samraad.IntegrationTests;

/// <summary>A pack with a mistake is skipped with a Danish reason on the administrator's Pakker page; everything else starts.</summary>
public class BrokenPackTests
{
    static void Pack(string packs, string slug, string collection, string form, string? printed = null)
    {
        var dir = Directory.CreateDirectory(Path.Combine(packs, "test-" + slug)).FullName;
        File.WriteAllText(Path.Combine(dir, "collection.json"), collection.Replace("SLUG", slug));
        File.WriteAllText(Path.Combine(dir, "form.json"), form.Replace("SLUG", slug));
        if (printed is not null) File.WriteAllText(Path.Combine(dir, "printed-figures.csv"), printed);
    }

    const string Collection = """{ "slug": "SLUG", "title": "Test SLUG", "owner": "kkr-sjaelland", "respondents": { "membersOfKkr": "kkr-sjaelland" }, "opens": "2026-11-01T00:00", "deadline": "2026-12-15T23:59", "form": "form.json" }""";

    static string Form(string fields) => $$"""
    { "key": "SLUG", "version": 1, "title": "Test", "sections": [ { "key": "a", "title": "A", "fields": [
      {"key":"plan","label":"Har kommunen en plan?","type":"yesNo"},
      {"key":"antal","label":"Antal","type":"integer"},
      {{fields}}
    ] } ] }
    """;

    [Theory, OnSqlite, OnPostgres]
    public async Task Broken_packs_are_refused_with_the_reason_and_the_rest_of_the_app_runs(Db db)
    {
        await using var app = TestApp.Start(db, packs: dir =>
        {
            Pack(dir, "felttype", Collection, Form("""{"key":"grad","label":"Grad","type":"skala"}"""));
            Pack(dir, "matrix", Collection, Form("""{"key":"m","label":"M","type":"matrix","rows":[{"key":"r","label":"R"}],"columns":[{"key":"c","label":"C"}]}"""));
            Pack(dir, "slags", Collection.Replace("\"membersOfKkr\": \"kkr-sjaelland\"", "\"allOfKind\": \"Kommuner\""), Form("""{"key":"t","label":"T","type":"text"}"""));
            Pack(dir, "trykt", Collection.Replace("\"form\": \"form.json\"", "\"form\": \"form.json\", \"printedFigures\": \"printed-figures.csv\""), Form("""{"key":"t","label":"T","type":"text"}"""),
                "kilde,felt,svar,antal,af,respondent,vaerdi,trykt\nNotat,findes-ikke,ja,3,17,,,3/17\n");
            Pack(dir, "json", Collection, "{ \"key\": \"x\", ");
        });
        await app.CreateUser("admin", Roles.Admin, null);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var admin = await app.LoggedIn("admin");
        var page = Html.Text(await admin.GetStringAsync("/pakker"));
        Assert.Contains("Ukendt felttype »skala« i form.json, sections[0].fields[2].type (linje 4); tilladt: yesNo, integer, decimal, amount, percent, date, choice, text, matrix, table, multiChoice.", page);
        Assert.Contains("Matrixfeltet »m« mangler cell", page);
        Assert.Contains("collection.json: ukendt allOfKind »Kommuner«; tilladt: Kommune,", page);
        Assert.Contains("det trykte tal »3/17« hører til feltet »findes-ikke«, som ikke findes i form.json", page);
        Assert.Contains("form.json kan ikke læses", page);
        Assert.Contains("5 afvist", page);
        Assert.Contains("akutfunktioner-2024 collection.json Indlæst", page);

        // Nothing of the refused packs exists; everything else does.
        Assert.Equal(0, await app.WithDb(d => Task.FromResult(d.Collections.Count(c => c.Slug.StartsWith("felttype") || c.Slug == "matrix" || c.Slug == "slags" || c.Slug == "trykt"))));
        var sek = await app.LoggedIn("sek");
        Assert.Equal(HttpStatusCode.OK, (await sek.GetAsync("/api/collections/akutfunktioner-2024")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sek.GetAsync("/api/collections/felttype")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sek.GetAsync("/moeder/kkr-sjaelland-2024-04-12")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sek.GetAsync("/pakker")).StatusCode);
    }
}
