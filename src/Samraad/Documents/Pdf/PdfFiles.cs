using PdfSharp.Pdf.IO;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace Samraad.Documents.Pdf;

/// <summary>What an uploaded file turned out to be: a usable PDF with its page texts, or a Danish reason it is not.</summary>
public sealed record PdfCheck(bool Ok, string? Error, int Pages, IReadOnlyList<string> PageTexts);

/// <summary>Checks and reads PDFs. Nothing in an uploaded file is ever executed: it is parsed, never rendered.</summary>
public static class PdfFiles
{
    public const long MaxUploadBytes = UploadLimits.PdfBytes;

    public static PdfCheck Check(byte[] bytes)
    {
        if (bytes.Length == 0) return Fail("Filen er tom.");
        if (bytes.Length > MaxUploadBytes) return Fail($"Filen er for stor: {bytes.Length / 1024 / 1024:0} MB. Højst {MaxUploadBytes / 1024 / 1024} MB.");
        // The PDF header must be within the first 1024 bytes (ISO 32000); a renamed Word file fails here.
        if (bytes.AsSpan(0, Math.Min(1024, bytes.Length)).IndexOf("%PDF-"u8) < 0)
            return Fail("Filen er ikke en PDF. Kun PDF-filer kan vedhæftes.");
        try
        {
            var deadline = new UploadLimits.Deadline();
            UploadLimits.CheckPdfInflation(bytes, deadline);
            using var pig = PigDocument.Open(bytes);
            if (pig.NumberOfPages > UploadLimits.PdfPages)
                return Fail(string.Create(DanishTime.Culture, $"PDF-filen har {pig.NumberOfPages:N0} sider. Højst {UploadLimits.PdfPages:N0} sider; del den op."));
            var texts = new List<string>();
            var chars = 0;
            foreach (var page in pig.GetPages())
            {
                deadline.Check();
                // Search needs the words, not every word of a 2,000-page scan: past the limit pages keep no text.
                var text = chars < UploadLimits.PdfTextChars ? Text(page) : "";
                if (text.Length > UploadLimits.PdfTextChars - chars) text = text[..(UploadLimits.PdfTextChars - chars)];
                chars += text.Length;
                texts.Add(text);
            }
            using var sharp = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
            if (sharp.PageCount == 0) return Fail("PDF-filen har ingen sider.");
            return new PdfCheck(true, null, sharp.PageCount, texts);
        }
        catch (UploadLimits.Exceeded e)
        {
            return Fail(e.Message);
        }
        catch (Exception e) when (e.GetType().Name.Contains("Encrypt") || e.Message.Contains("encrypt", StringComparison.OrdinalIgnoreCase)
                                  || e.Message.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("PDF-filen er krypteret eller beskyttet med adgangskode. Gem den uden beskyttelse, og prøv igen.");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Fail("PDF-filen er ødelagt eller kan ikke læses. Gem den igen som PDF, og prøv igen.");
        }
    }

    /// <summary>
    /// A page's words with a space between each: PdfPig's page.Text runs the last word of a line into the first of the
    /// next ("RUCmodtaget"), which search snippets would show and stemming would not find.
    /// </summary>
    static string Text(UglyToad.PdfPig.Content.Page page) => string.Join(' ', page.GetWords().Select(w => w.Text));

    static PdfCheck Fail(string error) => new(false, error, 0, []);

    public static int PageCount(byte[] pdf)
    {
        using var doc = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        return doc.PageCount;
    }

    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var pig = PigDocument.Open(pdf);
        return pig.GetPages().Select(Text).ToList();
    }
}
