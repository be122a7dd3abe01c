using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samraad.Features.Collections.Forms;

namespace Samraad.IntegrationTests;

/// <summary>
/// A collection's form as a spreadsheet (XLSForm): *Hent skabelon*, *Ny indsamling* from a sheet, the current form
/// downloaded, edited in Excel and uploaded again as a new version (confirmed when it touches answers); the same
/// through the API; only the owner's secretariat and admin.
/// </summary>
public class FormSheetTests
{
    const string C = "/indsamlinger/klima-ark", Editor = C + "/skema";

    static readonly Dictionary<string, string> Window = new() { ["opens"] = "30-11-2026 08.00", ["deadline"] = "20-12-2026 12.00" };

    [Theory, OnSqlite, OnPostgres]
    public async Task A_collection_made_from_the_template_is_answered_and_its_form_edited_in_a_spreadsheet(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("s-sek", Roles.Secretariat, "kkr-sjaelland");
        await app.CreateUser("s-nord", Roles.Secretariat, "kkr-nordjylland");
        await app.CreateUser("s-faxe", Roles.Respondent, "faxe");
        var sek = await app.LoggedIn("s-sek");
        var faxe = await app.LoggedIn("s-faxe");

        var template = await sek.GetAsync("/indsamlinger/skabelon.xlsx");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal(Samraad.Documents.Xlsx.ContentType, template.Content.Headers.ContentType?.MediaType);
        var templateBytes = await template.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await faxe.GetAsync("/indsamlinger/skabelon.xlsx")).StatusCode);

        // A bad sheet is refused whole, with its place, and nothing is created.
        var bad = XlsFormWriter.Sheets(XlsFormTemplate.Example()).Select(s => s.Name == "survey"
            ? (s.Name, s.Rows.Select((r, i) => i == 2 ? (IReadOnlyList<string?>)r.Select((c, j) => j == 0 ? "slider" : c).ToList() : r).ToList()) : s);
        var refused = await TestApp.Upload(sek, "/indsamlinger/ny", "/indsamlinger/ny", Samraad.Documents.Xlsx.Write(bad), "klima.xlsx",
            new(Window) { ["title"] = "Klima", ["slug"] = "klima-ark" }, "sheet");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("survey, række 3, kolonne type: ukendt type »slider«", Html.Text(await refused.Content.ReadAsStringAsync()));
        Assert.False(await app.WithDb(d => d.Collections.AnyAsync(c => c.Slug == "klima-ark")));

        var created = await TestApp.Upload(sek, "/indsamlinger/ny", "/indsamlinger/ny", templateBytes, "klima.xlsx",
            new(Window) { ["title"] = "Klimatilpasning fra regneark", ["slug"] = "klima-ark", ["carryForm"] = "false" }, "sheet");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var overview = Html.Text(await sek.GetStringAsync(Editor));
        Assert.Contains("Har kommunen en vedtaget klimatilpasningsplan?", overview);
        Assert.Contains("Besvares kun, hvis du har svaret Ja til »Har kommunen en vedtaget klimatilpasningsplan?«", overview);
        Assert.Contains("Oprettet med skemaet fra regnearket »klima.xlsx«", Html.Text(await sek.GetStringAsync(C + "/log")));

        // The form downloads as the same definition; another KKR and a municipality cannot get it.
        var downloaded = await sek.GetByteArrayAsync(Editor + ".xlsx");
        var read = XlsFormReader.Read(downloaded, "klima-ark");
        Assert.True(read.Ok, string.Join("\n", read.Problems));
        var expected = XlsFormTemplate.Example();
        (expected.Key, expected.Version) = ("klima-ark", 1);
        Assert.Equal(FormSpecReader.Write(expected), FormSpecReader.Write(read.Form!));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.LoggedIn("s-nord")).GetAsync(Editor + ".xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await faxe.GetAsync(Editor + ".xlsx")).StatusCode);

        var list = C + "/respondenter";
        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync(list, await TestApp.Form(sek, list, new() { ["action"] = "add-one", ["organisation"] = "faxe" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync(C + "/status", await TestApp.Form(sek, C, new() { ["action"] = "publish" }))).StatusCode);
        var submit = await faxe.PostAsJsonAsync("/api/collections/klima-ark/responses/faxe/submit", new
        {
            answers = new Dictionary<string, object>
            {
                ["har-plan"] = "ja", ["vedtaget"] = "01-06-2025", ["samarbejde/nabo/svar"] = "hoej", ["samarbejde/region/svar"] = "nogen", ["samarbejde/forsyning/svar"] = "slet",
            },
        });
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);

        // Edited in "Excel": the date question deleted. It has an answer, so the upload asks first and then saves a new version.
        var edited = read.Form!;
        edited.Sections[0].Fields.RemoveAll(f => f.Key == "vedtaget");
        var upload = await TestApp.Upload(sek, Editor, Editor + "/regneark", XlsFormWriter.Write(edited), "klima-rettet.xlsx", fileField: "sheet");
        Assert.Equal(HttpStatusCode.Conflict, upload.StatusCode);
        var confirmPage = await upload.Content.ReadAsStringAsync();
        Assert.Contains("Ændringen berører 1 svar fra Faxe Kommune", Html.Text(confirmPage));
        var definition = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(confirmPage, "name=\"definition\" value=\"([^\"]*)\"").Groups[1].Value);
        var confirmed = await sek.PostAsync(Editor + "/regneark", await TestApp.Form(sek, Editor, new() { ["definition"] = definition, ["fileName"] = "klima-rettet.xlsx", ["confirmed"] = "true" }));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal([1, 2], await app.WithDb(d => d.FormVersions.Where(v => v.FormKey == "klima-ark").OrderBy(v => v.Version).Select(v => v.Version).ToListAsync()));
        Assert.Equal(1, await app.WithDb(d => d.ReceiptAnswers.CountAsync(a => a.FieldKey == "vedtaget")));
        Assert.DoesNotContain("Hvornår blev planen vedtaget?", Html.Text(await sek.GetStringAsync(Editor)));
        Assert.Contains("Skemaet indlæst fra regnearket »klima-rettet.xlsx«", Html.Text(await sek.GetStringAsync(C + "/log")));

        // A tampered confirmation is read and checked like any definition.
        var tampered = await sek.PostAsync(Editor + "/regneark", await TestApp.Form(sek, Editor, new() { ["definition"] = "{\"key\":\"x\",\"sections\":[{\"key\":\"a\",\"fields\":[{\"key\":\"Ø\"}]}]}", ["confirmed"] = "true" }));
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        // A shared scale edited on its own page: an answer Faxe chose removed asks first; a bad category is refused by its field.
        var scales = Editor + "/skalaer";
        Assert.Contains("Skalaen »grad«", Html.Text(await sek.GetStringAsync(scales)));
        var narrowed = await sek.PostAsync(scales, await TestApp.Form(sek, scales, new()
        {
            ["action"] = "save-scale", ["name"] = "grad", ["scale-grad-options"] = "hoej = I høj grad\nnogen = I nogen grad\nringe = I ringe grad",
            ["scale-grad-categories"] = "hoej-nogen = I høj eller nogen grad: hoej, nogen",
        }));
        Assert.Equal(HttpStatusCode.Conflict, narrowed.StatusCode);
        Assert.Contains("Ændringen berører 1 svar fra Faxe Kommune", Html.Text(await narrowed.Content.ReadAsStringAsync()));
        var badCategory = await sek.PostAsync(scales, await TestApp.Form(sek, scales, new()
            { ["action"] = "save-scale", ["name"] = "grad", ["scale-grad-options"] = "hoej = I høj grad\nslet = Slet ikke", ["scale-grad-categories"] = "k = K: hoej, nogen" }));
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);
        Assert.Contains("»nogen« er ikke en af skalaens svarmuligheder", Html.Text(await badCategory.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync(scales, await TestApp.Form(sek, scales, new()
            { ["action"] = "add-scale", ["new-name"] = "enighed", ["new-options"] = "1 = Uenig\n2 = Enig [tæller som ja]" }))).StatusCode);
        Assert.Contains("Skalaen »enighed«", Html.Text(await sek.GetStringAsync(scales)));

        // A municipality may answer the collection but not change its form.
        Assert.Equal(HttpStatusCode.Forbidden, (await faxe.PostAsync(Editor + "/regneark", await TestApp.Form(faxe, "/", new() { ["definition"] = definition, ["confirmed"] = "true" }))).StatusCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_api_creates_from_a_sheet_downloads_and_replaces_the_form_for_the_owner_only(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("a-sek", Roles.Secretariat, "kkr-sjaelland");
        await app.CreateUser("a-nord", Roles.Secretariat, "kkr-nordjylland");
        await app.CreateUser("a-faxe", Roles.Respondent, "faxe");
        var sek = await app.LoggedIn("a-sek");
        var sheet = XlsFormTemplate.Write();

        static MultipartFormDataContent Multipart(byte[] bytes, Dictionary<string, string> fields)
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "sheet", "klima.xlsx" } };
            foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
            return form;
        }

        var bad = await sek.PostAsync("/api/collections/from-xlsform", Multipart("ikke et regneark"u8.ToArray(), new(Window) { ["slug"] = "klima-api", ["title"] = "Klima" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Filen er ikke et XLSX-regneark", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("sheet")[0].GetString());

        var faxe = await app.LoggedIn("a-faxe");
        Assert.Equal(HttpStatusCode.Forbidden, (await faxe.PostAsync("/api/collections/from-xlsform", Multipart(sheet, new(Window) { ["slug"] = "klima-api", ["title"] = "Klima" }))).StatusCode);

        var created = await sek.PostAsync("/api/collections/from-xlsform", Multipart(sheet, new(Window) { ["slug"] = "klima-api", ["title"] = "Klima via API" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Draft", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var form = await sek.GetAsync("/api/collections/klima-api/form.xlsx");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.True(XlsFormReader.Read(await form.Content.ReadAsByteArrayAsync(), "klima-api").Ok);

        var nord = await app.LoggedIn("a-nord");
        Assert.Equal(HttpStatusCode.NotFound, (await nord.GetAsync("/api/collections/klima-api/form.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nord.PutAsync("/api/collections/klima-api/form", Multipart(sheet, []))).StatusCode);

        // A draft without answers takes the new sheet in place; a broken one is refused with the place.
        var smaller = XlsFormTemplate.Example();
        smaller.Sections.RemoveAt(2);
        var replaced = await sek.PutAsync("/api/collections/klima-api/form", Multipart(XlsFormWriter.Write(smaller), []));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(2, await app.WithDb(async d => FormSpecReader.Parse((await d.Collections.Include(c => c.FormVersion).SingleAsync(c => c.Slug == "klima-api")).FormVersion!.Json).Sections.Count));
        var broken = Samraad.Documents.Xlsx.Write([("survey", [["type", "name", "label"], ["integer", "a", "A", null], ["text", "a", "B"]])]);
        var refused = await sek.PutAsync("/api/collections/klima-api/form", Multipart(broken, []));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("survey, række 3, kolonne name: »a« findes to gange", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("sheet")[0].GetString());
    }
}

/// <summary>Overview tables and printed figures edited in the browser, with the pack loader's checks, by the owner only.</summary>
public class OverviewTests
{
    const string C = "/indsamlinger/akutfunktioner-2024", Page = C + "/oversigter";

    [Theory, OnSqlite, OnPostgres]
    public async Task Tables_and_printed_figures_are_checked_against_the_form_before_they_are_saved(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("o-sek", Roles.Secretariat, "kkr-sjaelland");
        await app.CreateUser("o-faxe", Roles.Respondent, "faxe");
        var sek = await app.LoggedIn("o-sek");
        var page = Html.Text(await sek.GetStringAsync(Page));
        Assert.Contains("Sammendrag af kommunernes svar", page);
        var id = await app.WithDb(d => d.Collections.Where(c => c.Slug == "akutfunktioner-2024").Select(c => c.Id).SingleAsync());
        Task<int> Printed() => app.WithDb(d => d.PrintedFigures.CountAsync(p => p.CollectionId == id));
        var count = await Printed();
        Assert.True(count > 10);

        // The pack's own tables pass the check as they are shown.
        var shown = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(await sek.GetStringAsync(Page), "<textarea id=\"f-tables\"[^>]*>([^<]*)</textarea>").Groups[1].Value);
        Assert.Contains("\"section\": \"kemoterapi\"", shown);
        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync(Page + "/tabeller", await TestApp.Form(sek, Page, new() { ["tables"] = shown }))).StatusCode);

        // Tables: a section, a field or an answer the form does not have is refused by the field, and nothing is saved.
        const string bad = """[{"key":"t","title":"Test","rowHeader":"Opgave","columns":[{"label":"Udføres","field":"udfoeres","count":["ja","maaske"]},{"label":"X","field":"findes-ikke","count":["ja"]}],"rows":[{"label":"IV","section":"iv"},{"label":"Y","section":"zz"}]}]""";
        var refused = await sek.PostAsync(Page + "/tabeller", await TestApp.Form(sek, Page, new() { ["tables"] = bad }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedText = Html.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("svaret »maaske« findes ikke på", refusedText);
        Assert.Contains("feltet »iv.findes-ikke« findes ikke i skemaet", refusedText);
        Assert.Contains("afsnittet »zz« findes ikke i skemaet", refusedText);
        Assert.Equal(HttpStatusCode.BadRequest, (await sek.PostAsync(Page + "/tabeller", await TestApp.Form(sek, Page, new() { ["tables"] = "[{" }))).StatusCode);
        const string good = """[{"key":"t","title":"Kun IV","rowHeader":"Opgave","columns":[{"label":"Udføres","field":"udfoeres","count":["ja"]}],"rows":[{"label":"IV","section":"iv"}]}]""";
        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync(Page + "/tabeller", await TestApp.Form(sek, Page, new() { ["tables"] = good }))).StatusCode);
        var summary = await sek.GetFromJsonAsync<JsonElement>("/api/collections/akutfunktioner-2024/summary");
        Assert.Equal("Kun IV", summary.GetProperty("tables")[0].GetProperty("title").GetString());
        Assert.Contains("oversigtstabeller", Html.Text(await sek.GetStringAsync(C + "/log")));

        // Printed figures: added (checked like a line of the CSV), removed, downloaded and uploaded again.
        var unknown = await sek.PostAsync(Page + "/trykte-tal", await TestApp.Form(sek, Page, new() { ["action"] = "add", ["field"] = "findes.ikke", ["printed"] = "3/17" }));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("hører til feltet »findes.ikke«, som ikke findes i skemaet", Html.Text(await unknown.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync(Page + "/trykte-tal", await TestApp.Form(sek, Page,
            new() { ["action"] = "add", ["source"] = "Test", ["field"] = "iv.udfoeres", ["answers"] = "ja", ["count"] = "16", ["of"] = "17", ["printed"] = "16/17" }))).StatusCode);
        Assert.Equal(count + 1, await Printed());
        var csv = await sek.GetByteArrayAsync(Page + "/trykte-tal.csv");
        Assert.Equal(HttpStatusCode.Redirect, (await sek.PostAsync(Page + "/trykte-tal", await TestApp.Form(sek, Page, new() { ["action"] = "remove", ["index"] = count.ToString() }))).StatusCode);
        Assert.Equal(count, await Printed());
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.Upload(sek, Page, Page + "/trykte-tal", csv, "printed-figures.csv", new() { ["action"] = "upload" })).StatusCode);
        Assert.Equal(count + 1, await Printed());
        Assert.Contains("16/17", Html.Text(await sek.GetStringAsync(C + "/sammendrag")));
        var broken = await TestApp.Upload(sek, Page, Page + "/trykte-tal", "a;b\n1;2"u8.ToArray(), "tal.csv", new() { ["action"] = "upload" });
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("kolonnerne kilde, felt og trykt", Html.Text(await broken.Content.ReadAsStringAsync()));
        Assert.Equal(count + 1, await Printed());

        var faxe = await app.LoggedIn("o-faxe");
        Assert.Equal(HttpStatusCode.Forbidden, (await faxe.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await faxe.GetAsync(Page + "/trykte-tal.csv")).StatusCode);
    }
}

/// <summary>*Ny indsamling* from a pack zip: the pack's definition as a new draft, and a zip that points out of its folder or unpacks too big refused.</summary>
public class PackUploadTests
{
    static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name, System.IO.Compression.CompressionLevel.Optimal).Open();
                s.Write(content);
            }
        return buffer.ToArray();
    }

    static byte[] PackFolder(string slug, Func<string, string, string>? change = null) => Zip(Directory.GetFiles(Path.Combine(TestApp.RepoRoot, "packs", slug))
        .Select(f => ($"{slug}/{Path.GetFileName(f)}", System.Text.Encoding.UTF8.GetBytes(change?.Invoke(Path.GetFileName(f), File.ReadAllText(f)) ?? File.ReadAllText(f)))).ToArray());

    [Theory, OnSqlite, OnPostgres]
    public async Task A_pack_zip_becomes_a_draft_with_its_respondents_tables_and_printed_figures(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("p-sek", Roles.Secretariat, "kkr-sjaelland");
        await app.CreateUser("p-faxe", Roles.Respondent, "faxe");
        var sek = await app.LoggedIn("p-sek");
        var fields = new Dictionary<string, string> { ["slug"] = "akut-fra-pakke", ["title"] = "Akutfunktioner fra pakke", ["opens"] = "30-11-2026 08.00", ["deadline"] = "20-12-2026 12.00" };

        async Task<string> Refused(byte[] zip)
        {
            var response = await TestApp.Upload(sek, "/indsamlinger/ny", "/indsamlinger/ny", zip, "pakke.zip", fields, "pack");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return Html.Text(await response.Content.ReadAsStringAsync());
        }
        Assert.Contains("Pakken indeholder filen »../udenfor.txt«, som peger uden for pakkens mappe", await Refused(Zip(("collection.json", "{}"u8.ToArray()), ("../udenfor.txt", "x"u8.ToArray()))));
        Assert.Contains("Pakken fylder over 50 MB udpakket", await Refused(Zip(("akut/collection.json", new byte[60 * 1024 * 1024]))));
        Assert.Contains("form »../../etc/passwd« peger uden for pakkens mappe", await Refused(PackFolder("akutfunktioner-2024", (name, text) => name == "collection.json" ? text.Replace("\"form.json\"", "\"../../etc/passwd\"") : text)));
        Assert.Contains("Filen er ikke en zip-fil", await Refused("ikke en zip"u8.ToArray()));
        Assert.Contains("hører til feltet »findes-ikke«, som ikke findes i form.json", await Refused(PackFolder("akutfunktioner-2024", (name, text) => name == "printed-figures.csv" ? text.Replace("iv.udfoeres", "findes-ikke") : text)));
        Assert.False(await app.WithDb(d => d.Collections.AnyAsync(c => c.Slug == "akut-fra-pakke")));

        var created = await TestApp.Upload(sek, "/indsamlinger/ny", "/indsamlinger/ny", PackFolder("akutfunktioner-2024"), "akut.zip", fields, "pack");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (status, respondents, tables, key, printed) = await app.WithDb(async d =>
        {
            var c = await d.Collections.Include(x => x.FormVersion).Include(x => x.Respondents).SingleAsync(x => x.Slug == "akut-fra-pakke");
            return (c.Status, c.Respondents.Count, c.SummaryTablesJson, c.FormVersion!.FormKey, await d.PrintedFigures.CountAsync(p => p.CollectionId == c.Id));
        });
        Assert.Equal((Samraad.Features.Collections.CollectionStatus.Draft, 17, "akut-fra-pakke"), (status, respondents, key));
        Assert.Contains("Sammendrag af kommunernes svar", tables);
        Assert.True(printed > 10);
        Assert.Contains("Oprettet fra pakken »akut.zip«", Html.Text(await sek.GetStringAsync("/indsamlinger/akut-fra-pakke/log")));
        Assert.Equal(0, await app.WithDb(async d => await d.Receipts.CountAsync(r => r.Response!.Collection!.Slug == "akut-fra-pakke"))); // demo answers are not loaded

        var api = new MultipartFormDataContent { { new ByteArrayContent(PackFolder("akutfunktioner-2024")), "pack", "akut.zip" }, { new StringContent("akut-api-pakke"), "slug" } };
        var viaApi = await sek.PostAsync("/api/collections/from-pack", api);
        Assert.Equal(HttpStatusCode.Created, viaApi.StatusCode);
        var faxe = await app.LoggedIn("p-faxe");
        var denied = new MultipartFormDataContent { { new ByteArrayContent(PackFolder("akutfunktioner-2024")), "pack", "akut.zip" }, { new StringContent("akut-faxe"), "slug" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await faxe.PostAsync("/api/collections/from-pack", denied)).StatusCode);
    }
}
