using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Samraad.Documents.Pdf;

/// <summary>
/// A plain A4 PDF from text: a title, then the text wrapped and paginated. Used for the seed's documents, which
/// exist only as extracted text, so they can be attached, merged and searched page by page like real PDFs.
/// </summary>
public static class TextPdf
{
    public static byte[] Create(string title, string text, string? note = null)
    {
        PdfFonts.EnsureInstalled();
        using var doc = new PdfDocument();
        doc.Info.Title = title;
        doc.Info.Creator = "Samraad";
        var body = new XFont(PdfFonts.Family, 10);
        var heading = new XFont(PdfFonts.Family, 14, XFontStyleEx.Bold);
        var small = new XFont(PdfFonts.Family, 8);
        const double margin = 60, lineHeight = 14;
        PdfPage page = null!;
        XGraphics g = null!;
        double y = 0, width = 0, bottom = 0;
        void NewPage()
        {
            g?.Dispose();
            page = doc.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            g = XGraphics.FromPdfPage(page);
            width = page.Width.Point - 2 * margin;
            bottom = page.Height.Point - margin;
            y = margin;
        }
        NewPage();
        foreach (var line in Wrap(g, title, heading, width)) { g.DrawString(line, heading, XBrushes.Black, margin, y + 14); y += 20; }
        if (note is not null) { g.DrawString(note, small, XBrushes.DimGray, margin, y + 10); y += 16; }
        y += 8;
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var lines = string.IsNullOrWhiteSpace(paragraph) ? [""] : Wrap(g, paragraph.TrimEnd(), body, width);
            foreach (var line in lines)
            {
                if (y + lineHeight > bottom) NewPage();
                g.DrawString(line, body, XBrushes.Black, margin, y + 10);
                y += lineHeight;
            }
        }
        g.Dispose();
        using var buffer = new MemoryStream();
        doc.Save(buffer);
        return buffer.ToArray();
    }

    static List<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (g.MeasureString(candidate, font).Width <= width) { current = candidate; continue; }
            if (current.Length > 0) lines.Add(current);
            current = word;
        }
        if (current.Length > 0 || lines.Count == 0) lines.Add(current);
        return lines;
    }
}
