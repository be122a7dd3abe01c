using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samraad.Features.Collections.Packs;

namespace Samraad.IntegrationTests;

/// <summary>
/// The Nu HTML checker (vnu.jar, W3C's validator) finds no error on the collection pages: Ny indsamling (also with
/// its errors), a draft copy, its respondents and one deadline, a pending pack change, the form with conditions and
/// multi-select (also with errors), the summary and the Pakker page.
/// </summary>
public class HtmlCheckerTests
{
    public const string Vnu = "tools/node/node_modules/vnu-jar/build/dist/vnu.jar";

    [NeedsFile(Vnu, "tools/test.sh installs it (npm ci in tools/node) and Java")]
    public async Task The_collection_pages_have_no_HTML_errors()
    {
        await using var app = TestApp.Start(Db.Sqlite);
        await app.CreateUser("h-sek", Roles.Secretariat, "kkr-sjaelland");
        await app.CreateUser("h-faxe", Roles.Respondent, "faxe");
        await app.CreateUser("h-admin", Roles.Admin, null);
        var sek = await app.LoggedIn("h-sek");
        var faxe = await app.LoggedIn("h-faxe");
        var admin = await app.LoggedIn("h-admin");
        var pages = new Dictionary<string, string>();
        async Task Get(HttpClient client, string url) => pages[url] = await client.GetStringAsync(url);
        async Task Post(HttpClient client, string page, string action, Dictionary<string, string> fields, string? name = null)
        {
            var response = await client.PostAsync(action, await TestApp.Form(client, page, fields));
            if (name is null) Assert.Equal(HttpStatusCode.Redirect, response.StatusCode); // done; the page it leads to is checked
            else pages[name] = await response.Content.ReadAsStringAsync();
        }

        await Get(sek, "/");
        await Get(sek, "/indsamlinger/ny?kopi=akutfunktioner-2024");
        await Post(sek, "/indsamlinger/ny", "/indsamlinger/ny", new() { ["title"] = "" }, "ny med fejl");
        var created = await sek.PostAsync("/indsamlinger/ny", await TestApp.Form(sek, "/indsamlinger/ny", new()
        {
            ["copyFrom"] = "akutfunktioner-2024", ["carryForm"] = "true", ["carryRespondents"] = "true", ["title"] = "Akut 2025",
            ["slug"] = "akut-2025", ["opens"] = "30-11-2026 08.00", ["deadline"] = "15-12-2026 12.00",
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await Get(sek, "/indsamlinger/akut-2025?oprettet=1");
        await Post(sek, "/indsamlinger/akut-2025", "/indsamlinger/akut-2025/respondenter", new() { ["action"] = "remove", ["organisation"] = "greve" });
        await Get(sek, "/indsamlinger/akut-2025/respondenter?fjernet=greve");
        await Get(sek, "/indsamlinger/akut-2025/respondenter/faxe/frist");
        await Post(sek, "/indsamlinger/akut-2025/respondenter/faxe/frist", "/indsamlinger/akut-2025/respondenter/faxe/frist",
            new() { ["deadline"] = "snart", ["reason"] = "" }, "frist med fejl");
        await Post(sek, "/indsamlinger/akut-2025", "/indsamlinger/akut-2025/status", new() { ["action"] = "publish" });
        await Post(sek, "/indsamlinger/ny", "/indsamlinger/ny", new() { ["title"] = "Tom", ["slug"] = "tom", ["opens"] = "30-11-2026 08.00", ["deadline"] = "15-12-2026 12.00" });
        await Post(sek, "/indsamlinger/tom", "/indsamlinger/tom/status", new() { ["action"] = "publish" }, "offentliggør med mangler");
        await Post(sek, "/indsamlinger/tom/skema", "/indsamlinger/tom/skema", new() { ["action"] = "section-add", ["sectionTitle"] = "Plan" });
        await Post(sek, "/indsamlinger/tom/skema/felter/ny?afsnit=plan", "/indsamlinger/tom/skema/felter/ny?afsnit=plan",
            new() { ["label"] = "Har kommunen en plan?", ["key"] = "plan", ["type"] = "yesNo" });
        await Get(sek, "/indsamlinger/tom/skema?gemt=1");
        await Get(sek, "/indsamlinger/tom/skema/afsnit/plan");
        await Get(sek, "/indsamlinger/tom/skema/felter/ny?afsnit=plan");
        await Get(sek, "/indsamlinger/tom/skema/felter/plan");
        await Post(sek, "/indsamlinger/tom/skema/felter/ny?afsnit=plan", "/indsamlinger/tom/skema/felter/ny?afsnit=plan",
            new() { ["label"] = "", ["type"] = "matrix" }, "spørgsmål med fejl");
        await Get(sek, "/konto");
        await Get(sek, "/konto/to-faktor");
        await Post(sek, "/konto/to-faktor", "/konto/to-faktor", new() { ["action"] = "enable", ["code"] = "1" }, "to-faktor med fejl");
        await Get(sek, "/brugere");
        await Get(sek, "/brugere?organisation=faxe");
        await Post(sek, "/brugere", "/brugere/inviter", new() { ["organisation"] = "faxe", ["email"] = "x" }, "invitation med fejl");
        await Post(sek, "/brugere", "/brugere/inviter", new() { ["organisation"] = "faxe", ["email"] = "h@faxe.dk", ["fullName"] = "H", ["role"] = Roles.Respondent });
        var invited = await app.WithDb(d => d.Users.Where(u => u.UserName == "h@faxe.dk").Select(u => u.Id).SingleAsync());
        await Get(sek, "/brugere/" + invited + "?inviteret=1");
        await Get(admin, "/brugere/" + invited);
        await Get(admin, "/brugere/to-faktor");
        await Post(admin, "/brugere/to-faktor", "/brugere/to-faktor", new() { ["roles"] = "chef" }, "to-faktor-roller med fejl");
        await Get(sek, "/indsamlinger/akut-2025/beskeder");
        await Post(sek, "/indsamlinger/akut-2025", "/indsamlinger/akut-2025/paamindelser", new() { ["action"] = "save", ["reminderDays"] = "syv" }, "påmindelser med fejl");
        var anonymous = app.Client();
        await Get(anonymous, "/glemt-adgangskode");
        await Post(anonymous, "/glemt-adgangskode", "/glemt-adgangskode", new() { ["email"] = "" }, "glemt med fejl");
        pages["ugyldigt link"] = await (await anonymous.GetAsync("/invitation/opdigtet")).Content.ReadAsStringAsync();
        await Post(sek, "/konto", "/konto/adgangskode", new() { ["current"] = "" }, "adgangskode med fejl");
        await Get(sek, "/indsamlinger/akut-2025/oversigter");
        await Get(sek, "/indsamlinger/akut-2025/skema/skalaer");
        await Post(sek, "/indsamlinger/akut-2025/skema/skalaer", "/indsamlinger/akut-2025/skema/skalaer", new() { ["action"] = "add-scale", ["new-name"] = "Ø", ["new-options"] = "" }, "skala med fejl");
        await Post(sek, "/indsamlinger/akut-2025/oversigter", "/indsamlinger/akut-2025/oversigter/tabeller", new() { ["tables"] = "[{\"key\":\"t\",\"title\":\"T\",\"columns\":[],\"rows\":[{\"label\":\"X\",\"section\":\"zz\"}]}]" }, "tabeller med fejl");
        await Post(sek, "/indsamlinger/akut-2025/oversigter", "/indsamlinger/akut-2025/oversigter/trykte-tal", new() { ["action"] = "add", ["field"] = "", ["printed"] = "" }, "trykt tal med fejl");
        var badSheet = await TestApp.Upload(sek, "/indsamlinger/tom/skema", "/indsamlinger/tom/skema/regneark",
            Samraad.Documents.Xlsx.Write([("survey", [["type", "name", "label"], ["slider", "a", "A"], ["integer", "a", ""]])]), "skema.xlsx", fileField: "sheet");
        pages["regneark med fejl"] = await badSheet.Content.ReadAsStringAsync();
        Assert.Contains("ukendt type", pages["regneark med fejl"]);
        Assert.Equal(HttpStatusCode.OK, (await faxe.PutAsJsonAsync("/api/collections/akut-2025/responses/faxe", new { answers = new Dictionary<string, string> { ["iv.udfoeres"] = "ja" } })).StatusCode);
        await Post(sek, "/indsamlinger/akut-2025/skema", "/indsamlinger/akut-2025/skema", new() { ["action"] = "field-delete", ["field"] = "iv.udfoeres" }, "bekræft");
        Assert.Contains("Ja, gem ændringen", pages["bekræft"]);

        var file = Path.Combine(app.PacksDir, "akutfunktioner-2024", "collection.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("2024-03-04T23:59", "2024-03-11T23:59"));
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<LoadPacks>().Handle(app.PacksDir, demoData: true);
        await Get(sek, "/indsamlinger/akutfunktioner-2024");
        await Get(sek, "/indsamlinger/akutfunktioner-2024/log");
        await Get(sek, "/indsamlinger/alle-felttyper/sammendrag");
        await Get(faxe, "/indsamlinger/alle-felttyper/besvarelser/faxe");
        await Post(faxe, "/indsamlinger/alle-felttyper/besvarelser/faxe", "/indsamlinger/alle-felttyper/besvarelser/faxe",
            new() { ["antal"] = "tolv", ["tiltag"] = "ingen", ["action"] = "submit" }, "skema med fejl");
        await Get(admin, "/pakker");
        const string Submitted = "/indsamlinger/akutfunktioner-2024/besvarelser/faxe";
        await Get(faxe, Submitted);
        Assert.Contains("Anmod om genåbning", pages[Submitted]);
        await Post(faxe, Submitted, Submitted + "/anmod-om-genaabning", new() { ["reason"] = "" }, "anmodning med fejl");
        await Post(faxe, Submitted, Submitted + "/anmod-om-genaabning", new() { ["reason"] = "Tallet i 2.1 er forkert" });
        await Get(faxe, Submitted + "?anmodet=1");
        await Get(sek, Submitted + "?genaabn=1");
        await Get(sek, "/indsamlinger/akutfunktioner-2024?anmodninger=1");
        Assert.Contains("Anmodninger om genåbning", pages["/indsamlinger/akutfunktioner-2024?anmodninger=1"]);
        await Get(sek, $"/moeder/{MeetingTests.Slug}/beskeder");

        await AssertValid(pages);
    }

    /// <summary>Runs the Nu HTML checker on the pages (name → HTML) and fails with every error it reports, by page.</summary>
    public static async Task AssertValid(IReadOnlyDictionary<string, string> pages)
    {
        var errors = await Errors(pages);
        Assert.True(errors.Count == 0, $"The Nu HTML checker found {errors.Count} errors:\n" + string.Join("\n", errors));
    }

    /// <summary>Every error the Nu HTML checker reports on the pages (name → HTML), as "page: message [extract]".</summary>
    public static async Task<List<string>> Errors(IReadOnlyDictionary<string, string> pages)
    {
        var dir = Directory.CreateTempSubdirectory("samraad-vnu-").FullName;
        try
        {
            var files = pages.Select((p, i) => (Name: p.Key, Path: Path.Combine(dir, $"side-{i}.html"), Html: p.Value)).ToList();
            foreach (var f in files) await File.WriteAllTextAsync(f.Path, f.Html);
            var check = Process.Start(new ProcessStartInfo("java", ["-jar", Path.Combine(TestApp.RepoRoot, Vnu), "--format", "json", "--stdout", .. files.Select(f => f.Path)])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            var output = await check.StandardOutput.ReadToEndAsync();
            await check.StandardError.ReadToEndAsync();
            await check.WaitForExitAsync();
            var errors = JsonDocument.Parse(output).RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
                .Select(m => $"{files.First(f => m.GetProperty("url").GetString()!.EndsWith(Path.GetFileName(f.Path))).Name}: {m.GetProperty("message").GetString()} " +
                    $"[{(m.TryGetProperty("extract", out var e) ? e.GetString() : "")}]").ToList();
            return errors;
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
