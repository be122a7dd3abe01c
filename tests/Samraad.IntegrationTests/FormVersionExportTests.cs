using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Samraad.Documents;
using Samraad.Features.Collections;
using Samraad.Features.Collections.Forms;

namespace Samraad.IntegrationTests;

/// <summary>A field a newer form version dropped keeps its column in the export, marked, with its answers as they were given.</summary>
public class FormVersionExportTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task An_answer_to_a_dropped_field_keeps_its_column(Db db)
    {
        // Version 2 of the test form drops "andel" (decimal) and "pct" (percent); Faxe answered both on version 1.
        await using var app = TestApp.Start(db, packs: dir =>
        {
            var path = Path.Combine(dir, "alle-felttyper", "form.json");
            var form = JsonNode.Parse(File.ReadAllText(path))!;
            var fields = form["sections"]![0]!["fields"]!.AsArray();
            foreach (var gone in fields.Where(f => f!["key"]!.GetValue<string>() is "andel" or "pct").ToList()) fields.Remove(gone);
            File.WriteAllText(path, form.ToJsonString());
        });
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        // The changed pack is offered on start; the secretariat applies it.
        var sek = await app.LoggedIn("sek");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await sek.PostAsync("/indsamlinger/alle-felttyper/pakke",
            await TestApp.Form(sek, "/indsamlinger/alle-felttyper", new() { ["action"] = "apply" }))).StatusCode);
        await app.WithDb(async d =>
        {
            var collection = await d.Collections.SingleAsync(c => c.Slug == "alle-felttyper");
            var v1 = await d.FormVersions.Where(f => f.FormKey == "alle-felttyper").OrderBy(f => f.Version).FirstAsync();
            Assert.NotEqual(v1.Id, collection.FormVersionId); // the pack change made a new version
            var faxe = await d.Organisations.SingleAsync(o => o.Slug == "faxe");
            var at = new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
            var by = new Actor("faxe-bruger", "Faxe");
            var response = new Response { CollectionId = collection.Id, OrganisationId = faxe.Id, FormVersionId = v1.Id, CreatedAtUtc = at, UpdatedAtUtc = at };
            d.Responses.Add(response);
            response.ApplyDraft(new Dictionary<string, AnswerValue?> { ["ja-nej"] = new("ja"), ["grad"] = new("hoej"), ["pct"] = new("75.5"), ["andel"] = new("12.25") }, v1.Id, by, at);
            var receipt = response.Lock(by, faxe.DisplayName, at);
            d.Receipts.Add(receipt);
            await d.SaveChangesAsync();
            await Receipts.AssignNumber(d, response, receipt, CancellationToken.None);
            return 0;
        });
        sek = await app.LoggedIn("sek");
        var csv = Csv.Read(Tabular.Decode(await sek.GetByteArrayAsync("/api/collections/alle-felttyper/export?format=csv")).Text, out var header);
        Assert.Contains("pct", header);
        Assert.Contains("andel", header);
        var labels = csv[0];
        Assert.Equal("Afsnit A: Andel til andre kommuner (udgået; fra skemaversion 1)", labels["pct"]);
        var faxeRow = csv.Single(r => r["respondent"] == "faxe");
        Assert.Equal(("75.5", "12.25"), (faxeRow["pct"], faxeRow["andel"])); // as the current columns write numbers
        var xlsx = Tabular.Read(await sek.GetByteArrayAsync("/api/collections/alle-felttyper/export?format=xlsx"), "e.xlsx");
        Assert.Contains("pct", xlsx.Header);
    }
}
