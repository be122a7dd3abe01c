using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samraad.Features.Collections.Packs;

namespace Samraad.IntegrationTests;

/// <summary>A changed form definition becomes a new version; stored answers and receipts keep the version they were made on.</summary>
public class VersioningTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_changed_definition_does_not_corrupt_stored_answers(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var pack = Path.Combine(app.PacksDir, "akutfunktioner-2024");

        // Version 2 drops the free-text question of "Andre opgaver" and renames a section.
        var json = File.ReadAllText(Path.Combine(pack, "form.json"))
            .Replace("\"title\": \"Blodtransfusioner\"", "\"title\": \"Blodtransfusion\"");
        var andre = json.IndexOf("\"key\": \"andre.oplysninger\"", StringComparison.Ordinal);
        var start = json.LastIndexOf(",\n        {", andre, StringComparison.Ordinal);
        var end = json.IndexOf('}', json.IndexOf("\"hint\"", andre, StringComparison.Ordinal)) + 1;
        File.WriteAllText(Path.Combine(pack, "form.json"), json[..start] + json[end..]);

        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<LoadPacks>().Handle(app.PacksDir, demoData: true);
        // Offered, not applied: the secretariat sees what would change and decides.
        Assert.Equal(1, await app.WithDb(d => d.FormVersions.CountAsync(f => f.FormKey == "akutfunktioner")));
        var sek = await app.LoggedIn("sek");
        Assert.Contains("Skemaet er ændret: det bliver en ny skemaversion", await sek.GetStringAsync("/indsamlinger/akutfunktioner-2024"));
        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync("/indsamlinger/akutfunktioner-2024/pakke",
            await TestApp.Form(sek, "/indsamlinger/akutfunktioner-2024", new() { ["action"] = "apply" }))).StatusCode);

        var versions = await app.WithDb(d => d.FormVersions.Where(f => f.FormKey == "akutfunktioner").OrderBy(f => f.Version).Select(f => f.Version).ToListAsync());
        Assert.Equal([1, 2], versions);
        var responseVersions = await app.WithDb(d => d.Responses.Where(r => r.Collection!.Slug == "akutfunktioner-2024").Select(r => r.FormVersionId).Distinct().CountAsync());
        Assert.Equal(1, responseVersions); // nobody's answers were moved to the new version
        var kept = await app.WithDb(d => d.ReceiptAnswers.CountAsync(a => a.FieldKey == "andre.oplysninger"));
        Assert.Equal(12, kept);

        var receipt = await app.WithDb(d => d.Receipts.Where(r => r.OrganisationName == "Faxe Kommune").Select(r => r.Number).SingleAsync());
        var page = Html.Text(await sek.GetStringAsync($"/kvitteringer/{receipt}"));
        Assert.Contains("version 1", page);
        Assert.Contains("Sporadiske opgaver".ToLowerInvariant(), page.ToLowerInvariant()); // the dropped question's answer, as submitted
        var summary = await sek.GetFromJsonAsync<JsonElement>("/api/collections/akutfunktioner-2024/summary");
        Assert.DoesNotContain(summary.GetProperty("fields").EnumerateArray(), f => f.GetProperty("key").GetString() == "andre.oplysninger");
        Assert.Equal(HttpStatusCode.OK, (await sek.GetAsync("/indsamlinger/akutfunktioner-2024/besvarelser/faxe")).StatusCode);
        Assert.Contains("Svar på felter, som ikke længere er i skemaet", await sek.GetStringAsync("/indsamlinger/akutfunktioner-2024/besvarelser/faxe"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_pack_changed_on_disk_is_offered_to_the_secretariat_never_applied_or_ignored_silently(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var file = Path.Combine(app.PacksDir, "akutfunktioner-2024", "collection.json");
        var json = File.ReadAllText(file);
        Assert.Contains("\"deadline\": \"2024-03-04T23:59\"", json);
        File.WriteAllText(file, json.Replace("\"deadline\": \"2024-03-04T23:59\"", "\"deadline\": \"2024-03-11T23:59\"")
            .Replace("\"membersOfKkr\": \"kkr-sjaelland\"", "\"membersOfKkr\": \"kkr-sjaelland\", \"organisations\": [\"region-sjaelland\"]")
            .Replace("\"title\": \"Akutfunktioner og forbeholdt virksomhedsområde for sygeplejersker\"", "\"title\": \"Akutfunktioner 2024\""));
        async Task Restart()
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<LoadPacks>().Handle(app.PacksDir, demoData: true);
        }
        await Restart();

        var sek = await app.LoggedIn("sek");
        var page = Html.Text(await sek.GetStringAsync("/indsamlinger/akutfunktioner-2024"));
        Assert.Contains("Pakken er ændret på serveren", page);
        Assert.Contains("Frist: 04.03.2024 23.59 → 11.03.2024 23.59", page);
        Assert.Contains("Nye respondenter: Region Sjælland", page);
        Assert.Contains("Titel: »Akutfunktioner og forbeholdt virksomhedsområde for sygeplejersker« → »Akutfunktioner 2024«", page);
        Assert.Equal("Akutfunktioner og forbeholdt virksomhedsområde for sygeplejersker",
            await app.WithDb(d => d.Collections.Where(c => c.Slug == "akutfunktioner-2024").Select(c => c.Title).SingleAsync()));

        // Kept as it is: logged, and not offered again at the next start (until the pack changes once more).
        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync("/indsamlinger/akutfunktioner-2024/pakke",
            await TestApp.Form(sek, "/indsamlinger/akutfunktioner-2024", new() { ["action"] = "keep" }))).StatusCode);
        await Restart();
        Assert.DoesNotContain("Pakken er ændret på serveren", await sek.GetStringAsync("/indsamlinger/akutfunktioner-2024"));
        Assert.Contains("Pakkens ændringer er ikke anvendt", await sek.GetStringAsync("/indsamlinger/akutfunktioner-2024/log"));

        // Changed again and applied: window, respondents and title as the pack says, each change in the log.
        File.AppendAllText(file, "\n");
        File.WriteAllText(file, File.ReadAllText(file).Replace("2024-03-11T23:59", "2024-03-12T23:59"));
        await Restart();
        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync("/indsamlinger/akutfunktioner-2024/pakke",
            await TestApp.Form(sek, "/indsamlinger/akutfunktioner-2024", new() { ["action"] = "apply" }))).StatusCode);
        var (title, deadline, respondents) = await app.WithDb(async d =>
        {
            var c = await d.Collections.SingleAsync(x => x.Slug == "akutfunktioner-2024");
            return (c.Title, c.DeadlineUtc, await d.CollectionRespondents.CountAsync(r => r.CollectionId == c.Id && r.RemovedAtUtc == null));
        });
        Assert.Equal(("Akutfunktioner 2024", new DateTime(2024, 3, 12, 22, 59, 0), 18), (title, deadline, respondents));
        var log = Html.Text(await sek.GetStringAsync("/indsamlinger/akutfunktioner-2024/log"));
        Assert.Contains("Nye respondenter: Region Sjælland", log);
        Assert.Contains("Fra pakken på serveren", log);
    }

    [Fact]
    public async Task Reloading_an_unchanged_pack_changes_nothing()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<LoadPacks>().Handle(app.PacksDir, demoData: true);
        Assert.Equal(1, await app.WithDb(d => d.FormVersions.CountAsync(f => f.FormKey == "akutfunktioner")));
        Assert.Equal(17, await app.WithDb(d => d.Responses.CountAsync(r => r.Collection!.Slug == "akutfunktioner-2024")));
    }
}
