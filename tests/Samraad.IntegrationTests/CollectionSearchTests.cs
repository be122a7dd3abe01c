using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Samraad.IntegrationTests;

/// <summary>
/// Search over collections on both databases (Lucene on SQLite, PostgreSQL's full-text search): a free-text answer
/// is found by those who may read the response, as it is now, and by the owner's council members once submitted;
/// questions by those who may see the collection; nothing by anyone else. Every save updates what is found.
/// </summary>
public class CollectionSearchTests
{
    const string Api = "/api/collections/alle-felttyper/responses/faxe";

    /// <summary>The hits in alle-felttyper (the seeded collections have answers of their own).</summary>
    static async Task<JsonElement[]> Hits(HttpClient client, string q) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString(q))).EnumerateArray()
            .Where(h => h.GetProperty("collectionSlug").GetString() == "alle-felttyper")];

    [Theory, OnSqlite, OnPostgres]
    public async Task A_free_text_answer_is_found_by_who_may_read_it_and_follows_every_save(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        await app.CreateUser("greve-bruger", Roles.Respondent, "greve");
        await app.CreateUser("kbh-bruger", Roles.Respondent, "koebenhavn");
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        await app.CreateUser("anden-sek", Roles.Secretariat, "kkr-hovedstaden");
        await app.CreateUser("laeser", Roles.Reader, "kkr-sjaelland");
        var faxe = await app.LoggedIn("faxe-bruger");
        var greve = await app.LoggedIn("greve-bruger");
        var kbh = await app.LoggedIn("kbh-bruger");
        var sek = await app.LoggedIn("sek");
        var other = await app.LoggedIn("anden-sek");
        var reader = await app.LoggedIn("laeser");

        var draft = new Dictionary<string, string> { ["ja-nej"] = "nej", ["grad"] = "hoej", ["begrundelse"] = "Vi mangler nattevagter i weekenderne" };
        Assert.Equal(HttpStatusCode.OK, (await faxe.PutAsJsonAsync(Api, new { answers = draft })).StatusCode);

        // Danish stemming: "nattevagt" finds "nattevagter". The response as it is now: Faxe and the secretariat.
        foreach (var who in new[] { faxe, sek })
        {
            var hit = Assert.Single(await Hits(who, "nattevagt"));
            Assert.Equal("answer", hit.GetProperty("kind").GetString());
            Assert.Equal("/indsamlinger/alle-felttyper/besvarelser/faxe", hit.GetProperty("link").GetString());
            Assert.Equal("Afsnit A: Hvorfor udføres opgaven ikke?", hit.GetProperty("itemHeading").GetString());
            Assert.Contains("<mark>", hit.GetProperty("snippetHtml").GetString());
        }
        foreach (var (name, who) in new[] { ("greve", greve), ("kbh", kbh), ("anden-sek", other), ("laeser", reader) })
            Assert.True((await Hits(who, "nattevagt")).Length == 0, name + " found Faxe's draft");
        Assert.Contains("0 resultater", await app.Client().GetStringAsync("/soeg?q=nattevagt"));
        var page = await faxe.GetStringAsync("/soeg?q=nattevagt");
        Assert.Contains("href=\"/indsamlinger/alle-felttyper/besvarelser/faxe\"", page);
        Assert.Contains("Svar fra Faxe", page);

        // A new save replaces what is found.
        draft["begrundelse"] = "Tolkebistanden <b>rækker</b> ikke";
        Assert.Equal(HttpStatusCode.OK, (await faxe.PutAsJsonAsync(Api, new { answers = draft })).StatusCode);
        Assert.Single(await Hits(sek, "tolkebistand"));
        Assert.Empty(await Hits(sek, "nattevagt"));
        Assert.DoesNotContain("<b>", (await sek.GetStringAsync("/soeg?q=tolkebistand")).Replace("&lt;b&gt;", "")); // encoded, never markup

        // Submitted: the owner's council members find it too (they read submitted answers in the matrix).
        Assert.Equal(HttpStatusCode.OK, (await faxe.PostAsJsonAsync(Api + "/submit", new { answers = draft })).StatusCode);
        // A submission commits in a transaction of its own; the index follows it on the thread pool, within moments.
        var found = await Hits(reader, "tolkebistand");
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); found.Length == 0 && waited.Elapsed < TimeSpan.FromSeconds(30); found = await Hits(reader, "tolkebistand"))
            await Task.Delay(50);
        var submitted = Assert.Single(found);
        Assert.Equal("/indsamlinger/alle-felttyper/matrix", submitted.GetProperty("link").GetString());
        Assert.True(submitted.GetProperty("submitted").GetBoolean());
        foreach (var (name, who) in new[] { ("greve", greve), ("kbh", kbh), ("anden-sek", other) })
            Assert.True((await Hits(who, "tolkebistand")).Length == 0, name + " found Faxe's answer");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Questions_are_found_by_who_may_see_the_collection(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("greve-bruger", Roles.Respondent, "greve");
        await app.CreateUser("kbh-bruger", Roles.Respondent, "koebenhavn");
        await app.CreateUser("anden-sek", Roles.Secretariat, "kkr-hovedstaden");
        await app.CreateUser("laeser", Roles.Reader, "kkr-sjaelland");
        // "Tilfredshed" is a question of alle-felttyper, sent to KKR Sjælland's municipalities (Greve, not København).
        foreach (var user in new[] { "greve-bruger", "laeser" })
        {
            var hits = await Hits(await app.LoggedIn(user), "tilfredshed");
            var hit = Assert.Single(hits, h => h.GetProperty("collectionSlug").GetString() == "alle-felttyper");
            Assert.Equal("collection", hit.GetProperty("kind").GetString());
            Assert.Equal("/indsamlinger/alle-felttyper", hit.GetProperty("link").GetString());
        }
        foreach (var user in new[] { "kbh-bruger", "anden-sek" })
            Assert.DoesNotContain(await Hits(await app.LoggedIn(user), "tilfredshed"), h => h.GetProperty("collectionSlug").GetString() == "alle-felttyper");
        Assert.Contains("0 resultater", await app.Client().GetStringAsync("/soeg?q=tilfredshed"));
    }
}
