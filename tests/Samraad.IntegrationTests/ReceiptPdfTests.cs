using System.Net;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Samraad.IntegrationTests;

/// <summary>*Udskriv / Gem som PDF* on a receipt: a PDF from the server, tagged, in Danish, only for those who may see the response.</summary>
[Trait("Speed", "Slow")]
public class ReceiptPdfTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_receipt_prints_as_a_tagged_danish_pdf_for_its_own_organisation_only(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("faxe-bruger", Roles.Respondent, "faxe");
        await app.CreateUser("greve-bruger", Roles.Respondent, "greve");
        var faxe = await app.LoggedIn("faxe-bruger");
        const string Receipt = "/kvitteringer/KV-2024-000001"; // Faxe's seeded submission of the acute-care collection
        var page = await faxe.GetStringAsync(Receipt);
        Assert.Contains($"href=\"{Receipt}.pdf\"", page);
        Assert.Contains("Udskriv / Gem som PDF", page);

        var response = await faxe.GetAsync(Receipt + ".pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("KV-2024-000001", text);
        Assert.Contains("Faxe", text);
        Assert.Contains("Underskrift", text);
        Assert.Contains($"Side {pdf.NumberOfPages} af {pdf.NumberOfPages}", text);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.ContainsKey(NameToken.StructTreeRoot), "the PDF is tagged (a structure tree)");
        Assert.True(catalog.TryGet(NameToken.Lang, out var lang) && lang is StringToken { Data: var language } && language.StartsWith("da"), $"document language: {lang}");
        Assert.Equal("Kvittering KV-2024-000001", pdf.Information.Title);

        var greve = await app.LoggedIn("greve-bruger");
        Assert.Equal(HttpStatusCode.NotFound, (await greve.GetAsync(Receipt + ".pdf")).StatusCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_report_printed_on_its_own_keeps_chromiums_tags_through_the_stamping(Db db)
    {
        await using var app = TestApp.Start(db);
        await app.CreateUser("sek", Roles.Secretariat, "kkr-sjaelland");
        var sek = await app.LoggedIn("sek");
        using var pdf = PdfDocument.Open(await sek.GetByteArrayAsync("/undersoegelser/klyngedeltagersurvey/rapport.pdf"));
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.ContainsKey(NameToken.StructTreeRoot), "the report is tagged (a structure tree)");
        Assert.True(catalog.TryGet(NameToken.Lang, out var lang) && lang is StringToken { Data: "da-DK" }, $"document language: {lang}");
        var last = string.Join(" ", pdf.GetPage(pdf.NumberOfPages).GetWords().Select(w => w.Text));
        Assert.Contains($"Side {pdf.NumberOfPages} af {pdf.NumberOfPages}", last);
    }
}
