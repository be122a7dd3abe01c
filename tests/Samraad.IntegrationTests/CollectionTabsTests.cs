using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samraad.Features.Collections;

namespace Samraad.IntegrationTests;

/// <summary>A collection's pages as tabs by role, and the change log in pages instead of a silent cut at 1,000 lines.</summary>
public class CollectionTabsTests
{
    const string Akut = "/indsamlinger/akutfunktioner-2024";

    static List<string> Tabs(string html) =>
        Regex.Matches(html, "<a class=\"tab-button\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

    [Theory, OnSqlite, OnPostgres]
    public async Task The_secretariat_gets_every_tab_a_member_only_the_summaries_and_each_tab_opens(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        await app.CreateUser("medlem", Roles.Reader, "kkr-sjaelland");
        var sek = await app.LoggedIn("sek");
        var page = await sek.GetStringAsync(Akut);
        Assert.Equal([Akut, Akut + "/sammendrag", Akut + "/matrix", Akut + "/log", Akut + "/skema", Akut + "/respondenter", Akut + "/oversigter"], Tabs(page));
        Assert.Contains($"<a class=\"tab-button\" href=\"{Akut}\" aria-current=\"page\">", page);
        foreach (var tab in Tabs(page))
        {
            var opened = await sek.GetStringAsync(tab);
            Assert.Contains($"href=\"{tab}\" aria-current=\"page\"", opened);
        }

        var medlem = await app.LoggedIn("medlem");
        var summary = await medlem.GetStringAsync(Akut + "/sammendrag");
        Assert.Equal([Akut + "/sammendrag", Akut + "/matrix"], Tabs(summary));
        foreach (var tab in Tabs(summary)) Assert.Equal(HttpStatusCode.OK, (await medlem.GetAsync(tab)).StatusCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_long_change_log_comes_in_pages_of_100_with_the_total(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var before = await app.WithDb(async d =>
        {
            var collection = await d.Collections.SingleAsync(c => c.Slug == "akutfunktioner-2024");
            var at = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
            d.AuditEntries.AddRange(Enumerable.Range(1, 250).Select(i => new AuditEntry
            {
                CollectionId = collection.Id, AtUtc = at.AddMinutes(i), UserName = "test", UserDisplayName = "Test",
                Action = AuditAction.WindowChanged, Note = $"Ændring nr. {i:000}",
            }));
            await d.SaveChangesAsync();
            return await d.AuditEntries.CountAsync(a => a.CollectionId == collection.Id);
        });
        var sek = await app.LoggedIn("sek");

        var first = await sek.GetStringAsync(Akut + "/log");
        var intro = Regex.Match(Html.Text(first), @"[\d.]+ hændelser[^.]*\.").Value;
        Assert.Equal($"{before.ToString("N0", new System.Globalization.CultureInfo("da-DK"))} hændelser, nyeste først; her vises 1–100.", intro);
        Assert.Contains("Ændring nr. 250", first);
        Assert.DoesNotContain("Ændring nr. 150", first);
        Assert.Contains("aria-label=\"Sider i ændringsloggen\"", first);
        Assert.Contains("aria-current=\"page\" aria-label=\"Side 1\"", first);
        var pages = (before + 99) / 100;
        Assert.Contains($"href=\"{Akut}/log?side={pages}\"", first);

        var third = await sek.GetStringAsync(Akut + "/log?side=3");
        Assert.Contains($"her vises 201–{Math.Min(300, before)}", Html.Text(third));
        Assert.Contains("Ændring nr. 050", third);
        Assert.Contains($"href=\"{Akut}/log\"", third); // page 1 without ?side

        // A page past the end is the last page; rubbish is the first.
        Assert.Contains($"aria-current=\"page\" aria-label=\"Side {pages}\"", await sek.GetStringAsync(Akut + "/log?side=999"));
        Assert.Contains("aria-current=\"page\" aria-label=\"Side 1\"", await sek.GetStringAsync(Akut + "/log?side=%27x"));
    }
}
