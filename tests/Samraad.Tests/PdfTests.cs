using PdfSharp.Pdf;
using Samraad.Documents.Pdf;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace Samraad.Tests;

public class PdfTests
{
    static readonly string LongText = string.Join("\n", Enumerable.Range(1, 140).Select(i => $"Linje {i}: lånepuljen til botilbud, bevillinger og æøå."));

    [Fact]
    public void Text_becomes_a_searchable_multi_page_pdf()
    {
        var pdf = TextPdf.Create("Brev om lånedispensation", LongText, "Dannet af Samraad fra tekst");
        var check = PdfFiles.Check(pdf);
        Assert.True(check.Ok, check.Error);
        Assert.True(check.Pages >= 3);
        Assert.Contains("Brev om lånedispensation", check.PageTexts[0]);
        Assert.Contains("Linje 140", check.PageTexts[^1]);
    }

    [Fact]
    public void One_printed_document_is_stamped_in_place_and_keeps_its_structure_tree()
    {
        // A tagged document as Chromium prints it: a structure tree in the catalog (here a stand-in), and a script
        // to run on opening that must not survive.
        byte[] tagged;
        using (var doc = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(TextPdf.Create("Beslutningsprotokol", "Punkt 2.9")), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Modify))
        {
            var tree = new PdfSharp.Pdf.PdfDictionary(doc);
            tree.Elements.SetName("/Type", "/StructTreeRoot");
            doc.Internals.AddObject(tree);
            doc.Internals.Catalog.Elements.SetReference("/StructTreeRoot", tree);
            var mark = new PdfSharp.Pdf.PdfDictionary(doc);
            mark.Elements.SetBoolean("/Marked", true);
            doc.Internals.Catalog.Elements["/MarkInfo"] = mark;
            var js = new PdfSharp.Pdf.PdfDictionary(doc);
            js.Elements.SetName("/S", "/JavaScript");
            js.Elements.SetString("/JS", "app.alert(1)");
            doc.Internals.Catalog.Elements["/OpenAction"] = js;
            using var buffer = new MemoryStream();
            doc.Save(buffer);
            tagged = buffer.ToArray();
        }

        var stamped = PdfAssembler.Assemble([new PdfPart(tagged, "Beslutningsprotokol")], "KKR Sjælland", "Beslutningsprotokol");
        using var pig = PigDocument.Open(stamped);
        var catalog = pig.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.StructTreeRoot), "the structure tree is kept");
        Assert.True(catalog.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.MarkInfo));
        Assert.False(catalog.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.OpenAction), "no script on opening");
        Assert.True(catalog.TryGet(UglyToad.PdfPig.Tokens.NameToken.Lang, out var lang) && lang is UglyToad.PdfPig.Tokens.StringToken { Data: "da-DK" });
        Assert.Equal("Beslutningsprotokol", pig.Information.Title);
        Assert.Contains("Side 1 af 1", pig.GetPage(1).Text);
        Assert.Contains("Punkt 2.9", pig.GetPage(1).Text);
    }

    [Fact]
    public void Assembling_adds_bookmarks_running_headers_and_page_x_of_y()
    {
        var item = TextPdf.Create("2.9 Orienteringssag", "Sagsfremstilling");
        var attachment = TextPdf.Create("Bilag", LongText);
        var packet = PdfAssembler.Assemble([
            new PdfPart(item, "2.9 Orienteringssag: Lånepulje"),
            new PdfPart(attachment, "Bilag: Brev", ParentBookmark: 0, RunningHeader: "2.9 Orienteringssag: Lånepulje"),
        ], "KKR Sjælland 8. april 2024", "Dagsorden");

        using var doc = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(packet), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        var total = doc.PageCount;
        var outline = doc.Outlines.Single();
        Assert.Equal("2.9 Orienteringssag: Lånepulje", outline.Title);
        Assert.Equal("Bilag: Brev", outline.Outlines.Single().Title);

        using var pig = PigDocument.Open(packet);
        var last = pig.GetPage(total).Text;
        Assert.Contains($"Side {total} af {total}", last);
        Assert.Contains("2.9 Orienteringssag: Lånepulje", pig.GetPage(2).Text);   // header on the attachment
        Assert.DoesNotContain("Orienteringssag: Lånepulje", pig.GetPage(1).Text.Replace("2.9 Orienteringssag", "")); // none on the item page
    }

    [Fact]
    public void Non_pdf_empty_and_corrupt_files_are_refused_with_a_reason()
    {
        Assert.Equal("Filen er tom.", PdfFiles.Check([]).Error);
        Assert.Equal("Filen er ikke en PDF. Kun PDF-filer kan vedhæftes.", PdfFiles.Check("PK\u0003\u0004 a Word file"u8.ToArray()).Error);
        var truncated = TextPdf.Create("x", "y")[..200];
        Assert.Equal("PDF-filen er ødelagt eller kan ikke læses. Gem den igen som PDF, og prøv igen.", PdfFiles.Check(truncated).Error);
    }

    [Fact]
    public void An_encrypted_pdf_is_refused()
    {
        PdfFonts.EnsureInstalled();
        using var doc = new PdfDocument();
        doc.AddPage();
        doc.SecuritySettings.UserPassword = "hemmelig";
        doc.SecuritySettings.OwnerPassword = "hemmelig";
        using var buffer = new MemoryStream();
        doc.Save(buffer);
        Assert.Equal("PDF-filen er krypteret eller beskyttet med adgangskode. Gem den uden beskyttelse, og prøv igen.", PdfFiles.Check(buffer.ToArray()).Error);
    }
}

public class StoredFileNameTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\x\\notat.pdf", "notat.pdf")]
    [InlineData("faktura\u202Efdp.exe", "fakturafdp.exe")]
    [InlineData("a\u0000b\nc.pdf", "abc.pdf")]
    [InlineData("  ", "fil.pdf")]
    [InlineData("..", "fil.pdf")]
    [InlineData("Bilag 2.7 – akutfunktioner.pdf", "Bilag 2.7 – akutfunktioner.pdf")]
    public void Stored_file_names_lose_folders_control_and_direction_characters(string name, string expected) =>
        Assert.Equal(expected, StoredFile.CleanName(name));
}
