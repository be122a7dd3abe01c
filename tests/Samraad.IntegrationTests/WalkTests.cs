using System.Net;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Samraad.IntegrationTests;

/// <summary>
/// Every role walks every page it can reach from the navigation: the pages in the menu, and the pages their links
/// lead to. Each page is checked at a desktop width (1366 px) and a phone's (390 px) in Debian's Chromium, as the
/// server sent it (with Samraad's one script, the Danish file field): axe-core reports no WCAG 2.1 A/AA violation, the page does not scroll sideways, and every link on it
/// leads somewhere the user may go (no 403, no 404). The Nu HTML checker then reads every page. With
/// SAMRAAD_SCREENSHOTS=DIR a picture of every page at both widths is kept there.
/// </summary>
[Trait("Speed", "Slow")]
public partial class WalkTests(WalkTests.PublishedDemo demo, ITestOutputHelper output) : IClassFixture<WalkTests.PublishedDemo>
{
    /// <summary>One app for every walker, with the demo meeting published (members, municipalities and the public have a packet to reach).</summary>
    public sealed class PublishedDemo : IAsyncLifetime
    {
        public TestApp App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            App = TestApp.Start(Db.Sqlite, kestrel: true);
            await App.CreateUser("walk-publisher", Roles.Secretariat, "kkr-sjaelland");
            await MeetingTests.Publish(await App.LoggedIn("walk-publisher", served: true));
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    /// <summary>The roles of the issue, each as one user of the seeded data.</summary>
    public static TheoryData<string> Walkers => new() { "admin", "sekretariat", "kommune", "lokaladmin", "laeser", "sagsbehandler", "partner", "anonym" };

    static readonly Dictionary<string, (string Role, string? Organisation)> Users = new()
    {
        ["admin"] = (Roles.Admin, null),
        ["sekretariat"] = (Roles.Secretariat, "kkr-sjaelland"),
        ["kommune"] = (Roles.Respondent, "faxe"),
        ["lokaladmin"] = (Roles.LocalAdmin, "greve"),
        ["laeser"] = (Roles.Reader, "kkr-sjaelland"),
        ["sagsbehandler"] = (Roles.Secretariat, "indenrigs-og-sundhedsministeriet"),
        ["partner"] = (Roles.Respondent, "erhvervshus-sjaelland"),
    };

    /// <summary>Pages walked per role; enough for every menu item and the pages one click below it.</summary>
    const int MaxPages = 150;

    [Theory, MemberData(nameof(Walkers))]
    public async Task Every_page_reachable_from_the_menu_is_accessible_fits_a_phone_and_links_nowhere_forbidden(string walker)
    {
        var app = demo.App;
        HttpClient client;
        if (walker == "anonym") client = app.ServedClient();
        else
        {
            var (role, organisation) = Users[walker];
            await app.CreateUser("walk-" + walker, role, organisation);
            client = await app.LoggedIn("walk-" + walker, served: true);
        }

        organisations = (await app.WithDb(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(d.Organisations.Select(o => o.Slug)))).ToHashSet();
        var (pages, problems) = await Crawl(client);
        output.WriteLine($"{walker}: {pages.Count} pages walked");
        foreach (var (url, html) in pages)
        {
            var main = Html.Text(html[Math.Max(0, html.IndexOf("<main", StringComparison.Ordinal))..]);
            output.WriteLine($"  {url}: {main[..Math.Min(main.Length, 160)]}");
        }

        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        problems.AddRange(await CheckInBrowser(walker, baseUrl, pages));
        problems.AddRange(await HtmlCheckerTests.Errors(pages.ToDictionary(p => p.Key, p => p.Value)));
        Assert.True(problems.Count == 0, $"{walker}: {problems.Count} problems:\n" + string.Join("\n", problems.Distinct()));
    }

    /// <summary>
    /// Breadth first from the front page and the menu: every HTML page is kept (up to <see cref="MaxPages"/>), and
    /// every link seen on a kept page is requested once, so a link to a page the user may not open is found even
    /// when that page is not walked further.
    /// </summary>
    async Task<(Dictionary<string, string> Pages, List<string> Problems)> Crawl(HttpClient client)
    {
        var pages = new Dictionary<string, string>();
        var problems = new List<string>();
        var queue = new Queue<(string Url, string From)>();
        queue.Enqueue(("/", "start"));
        var seen = new HashSet<string> { "/" };
        var shapes = new Dictionary<string, int>();
        while (queue.Count > 0)
        {
            var (url, from) = queue.Dequeue();
            using var response = await client.GetAsync(url);
            var code = response.StatusCode;
            if (code is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && response.Headers.Location is { } location)
            {
                var target = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
                // A link that sends the user to sign in is one it cannot use; the front page may (the public's start).
                if (from != "start" && target.StartsWith("/log-ind"))
                {
                    problems.Add($"{from} → {url}: leads to {target}");
                    continue;
                }
                if (seen.Add(target)) queue.Enqueue((target, from));
                continue;
            }
            if (code is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or >= HttpStatusCode.InternalServerError)
            {
                problems.Add($"{from} → {url}: {(int)code}");
                continue;
            }
            if (code != HttpStatusCode.OK || !IsHtml(response) || pages.Count >= MaxPages) continue;
            // Pages of one kind (a goal, a municipality's response, a filter value) are walked twice, not 98 times.
            if (shapes.TryGetValue(Shape(url), out var ofShape) && ofShape >= 2) continue;
            shapes[Shape(url)] = ofShape + 1;
            var html = await response.Content.ReadAsStringAsync();
            pages[url] = html;
            foreach (var link in Links(html))
                if (seen.Add(link)) queue.Enqueue((link, url));
        }
        return (pages, problems);
    }

    /// <summary>A page's kind: its path with organisations, numbers and ids as placeholders, and the names of its query's parameters.</summary>
    string Shape(string url)
    {
        var q = url.IndexOf('?');
        var segments = (q < 0 ? url : url[..q]).Split('/');
        var path = segments.Select((s, i) => organisations.Contains(s) || i > 0 && Lists.Contains(segments[i - 1]) ? "{x}"
            : s.All(char.IsAsciiDigit) && s.Length > 0 ? "{n}" : Guid.TryParse(s, out _) ? "{id}" : s);
        var keys = q < 0 ? "" : string.Join("&", url[(q + 1)..].Split('&').Select(p => p.Split('=')[0]).Order());
        return string.Join('/', path) + "?" + keys;
    }

    HashSet<string> organisations = [];

    /// <summary>Path segments followed by one of many (a question's key, an item's number, a goal).</summary>
    static readonly HashSet<string> Lists = ["felter", "afsnit", "punkter", "bilag", "maal", "besvarelser", "respondenter", "kvitteringer", "brugere", "opgaver"];

    static bool IsHtml(HttpResponseMessage r) => r.Content.Headers.ContentType?.MediaType == "text/html";

    /// <summary>The site's own links on a page: not the API, not signing out, not in-page anchors, no external sites.</summary>
    static IEnumerable<string> Links(string html)
    {
        foreach (Match m in Href().Matches(html))
        {
            var href = WebUtility.HtmlDecode(m.Groups[1].Value);
            var hash = href.IndexOf('#');
            if (hash >= 0) href = href[..hash];
            if (href.Length == 0 || !href.StartsWith('/') || href.StartsWith("//") || href.StartsWith("/api/") || href.StartsWith("/log-ud")) continue;
            yield return href;
        }
    }

    [GeneratedRegex("<a [^>]*href=\"([^\"]*)\"")] private static partial Regex Href();

    async Task<List<string>> CheckInBrowser(string walker, string baseUrl, Dictionary<string, string> pages)
    {
        var problems = new List<string>();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchChromium(playwright);
        // The walked HTML is shown as it was served (the client's session made it); axe needs script, the pages do not.
        var axePage = await (await browser.NewContextAsync(new() { BypassCSP = true })).NewPageAsync();
        await axePage.GotoAsync(baseUrl + "/log-ind");
        var screenshots = Environment.GetEnvironmentVariable("SAMRAAD_SCREENSHOTS");
        var shot = 0;
        foreach (var width in new[] { 1366, 390 })
        {
            await axePage.SetViewportSizeAsync(width, 900);
            foreach (var (url, html) in pages)
            {
                await axePage.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load });
                var overflow = await axePage.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (overflow > 1) problems.Add($"{url} at {width} px: the page scrolls sideways by {overflow} px ({await Widest(axePage)})");
                if (!string.IsNullOrEmpty(screenshots))
                    await axePage.ScreenshotAsync(new() { Path = Path.Combine(screenshots, $"{walker}-{width}-{++shot:000}-{Name(url)}.png"), FullPage = true });
                // axe at both widths: on a phone tables stack, the menu folds and hidden texts move.
                var result = await axePage.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
                foreach (var v in result.Violations)
                    problems.Add($"{url} at {width} px: axe {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html))}");
            }
        }
        return problems;
    }

    /// <summary>What sticks out: the widest elements past the viewport's right edge, for the failure message.</summary>
    static Task<string> Widest(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const w = document.documentElement.clientWidth;
          const out = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1
            && ![...e.children].some(c => c.getBoundingClientRect().right > w + 1));
          const clip = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true; return false; };
          return out.filter(e => !clip(e)).slice(0, 4).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')
            + (e.id ? '#' + e.id : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px').join(', ') || 'scrollWidth of ' +
            [...document.querySelectorAll('body *')].filter(e => e.scrollWidth > w && getComputedStyle(e).overflowX === 'visible').slice(-3)
              .map(e => e.tagName.toLowerCase() + '.' + String(e.className).split(' ')[0] + ' ' + e.scrollWidth).join(', ');
        }
        """);

    static string Name(string url) => NotFileName().Replace(url.Trim('/'), "_") is { Length: > 0 } n ? n[..Math.Min(n.Length, 80)] : "forside";

    [GeneratedRegex("[^a-zA-Z0-9-]+")] private static partial Regex NotFileName();
}
