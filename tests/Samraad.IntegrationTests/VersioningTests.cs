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

        var versions = await app.WithDb(d => d.FormVersions.Where(f => f.FormKey == "akutfunktioner").OrderBy(f => f.Version).Select(f => f.Version).ToListAsync());
        Assert.Equal([1, 2], versions);
        var responseVersions = await app.WithDb(d => d.Responses.Where(r => r.Collection!.Slug == "akutfunktioner-2024").Select(r => r.FormVersionId).Distinct().CountAsync());
        Assert.Equal(1, responseVersions); // nobody's answers were moved to the new version
        var kept = await app.WithDb(d => d.ReceiptAnswers.CountAsync(a => a.FieldKey == "andre.oplysninger"));
        Assert.Equal(12, kept);

        var sek = await app.LoggedIn("sek");
        var receipt = await app.WithDb(d => d.Receipts.Where(r => r.OrganisationName == "Faxe Kommune").Select(r => r.Number).SingleAsync());
        var page = Html.Text(await sek.GetStringAsync($"/kvitteringer/{receipt}"));
        Assert.Contains("version 1", page);
        Assert.Contains("Sporadiske opgaver".ToLowerInvariant(), page.ToLowerInvariant()); // the dropped question's answer, as submitted
        var summary = await sek.GetFromJsonAsync<JsonElement>("/api/collections/akutfunktioner-2024/summary");
        Assert.DoesNotContain(summary.GetProperty("fields").EnumerateArray(), f => f.GetProperty("key").GetString() == "andre.oplysninger");
        Assert.Equal(HttpStatusCode.OK, (await sek.GetAsync("/indsamlinger/akutfunktioner-2024/besvarelser/faxe")).StatusCode);
        Assert.Contains("Svar på felter, som ikke længere er i skemaet", await sek.GetStringAsync("/indsamlinger/akutfunktioner-2024/besvarelser/faxe"));
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
