using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Samraad.Documents.Pdf;

/// <summary>One part of an assembled PDF: its bytes, a bookmark title, a parent bookmark (for attachments under
/// their item) and a running header to stamp on each of its pages (null for none).</summary>
public sealed record PdfPart(byte[] Pdf, string? Bookmark, int? ParentBookmark = null, string? RunningHeader = null);

/// <summary>
/// Merges PDFs with PDFsharp into one document with an outline (bookmarks), a running header on the pages that ask
/// for one, and "Side X af Y" plus a footer text on every page. Imported pages lose any actions (/AA, /JS):
/// an uploaded PDF's scripts are never carried into the packet.
/// </summary>
public static class PdfAssembler
{
    /// <param name="parts">The PDFs in order.</param>
    /// <param name="footer">The text beside "Side X af Y" on every page.</param>
    /// <param name="title">The document's title (its metadata).</param>
    /// <param name="pageAdded">Called after each page is taken in (a build's progress).</param>
    public static byte[] Assemble(IReadOnlyList<PdfPart> parts, string footer, string title, Action? pageAdded = null)
    {
        PdfFonts.EnsureInstalled();
        if (parts.Count == 1) return Stamped(parts[0], footer, title, pageAdded);
        using var output = new PdfDocument();
        Describe(output, title);
        // The parts' structure tags do not survive the merge (PDFsharp imports pages, not the structure tree); the
        // bookmarks give the merged packet its navigation. One document alone is stamped in place and keeps its tags.
        var headers = new List<string?>();
        var outlines = new List<PdfOutline>();
        foreach (var part in parts)
        {
            using var input = PdfReader.Open(new MemoryStream(part.Pdf), PdfDocumentOpenMode.Import);
            PdfPage? first = null;
            foreach (var page in input.Pages)
            {
                var added = output.AddPage(page);
                StripActions(added);
                first ??= added;
                headers.Add(part.RunningHeader);
                pageAdded?.Invoke();
            }
            if (part.Bookmark is null || first is null) { outlines.Add(null!); continue; }
            var collection = part.ParentBookmark is int parent && outlines[parent] is { } p ? p.Outlines : output.Outlines;
            outlines.Add(collection.Add(part.Bookmark, first, opened: part.ParentBookmark is null));
        }
        Stamp(output, headers, footer);
        using var buffer = new MemoryStream();
        output.Save(buffer);
        return buffer.ToArray();
    }

    /// <summary>
    /// One printed document (minutes, a letter, a report): opened for change rather than imported, so Chromium's
    /// structure tree (/StructTreeRoot, /MarkInfo) stays and a screen reader gets the headings and tables.
    /// </summary>
    static byte[] Stamped(PdfPart part, string footer, string title, Action? pageAdded)
    {
        using var doc = PdfReader.Open(new MemoryStream(part.Pdf), PdfDocumentOpenMode.Modify);
        Describe(doc, title);
        // Opened whole, the document keeps its catalog: no script may start on opening, as none survives an import.
        var catalog = doc.Internals.Catalog.Elements;
        catalog.Remove("/OpenAction");
        catalog.Remove("/AA");
        catalog.GetDictionary("/Names")?.Elements.Remove("/JavaScript");
        foreach (var page in doc.Pages)
        {
            StripActions(page);
            pageAdded?.Invoke();
        }
        if (part.Bookmark is not null && doc.PageCount > 0) doc.Outlines.Add(part.Bookmark, doc.Pages[0], opened: true);
        Stamp(doc, Enumerable.Repeat(part.RunningHeader, doc.PageCount).ToList(), footer);
        using var buffer = new MemoryStream();
        doc.Save(buffer);
        return buffer.ToArray();
    }

    /// <summary>The title, the creator, and the language and title a screen reader announces.</summary>
    static void Describe(PdfDocument doc, string title)
    {
        doc.Info.Title = title;
        doc.Info.Creator = "Samraad";
        var catalog = doc.Internals.Catalog.Elements;
        catalog.SetString("/Lang", "da-DK");
        // Set by hand: PDFsharp's ViewerPreferences fails on a catalog Chromium wrote (it has none to start from).
        if (catalog.GetDictionary("/ViewerPreferences") is not { } preferences)
            catalog["/ViewerPreferences"] = preferences = new PdfDictionary(doc);
        preferences.Elements.SetBoolean("/DisplayDocTitle", true);
    }

    static void StripActions(PdfPage page)
    {
        page.Elements.Remove("/AA");
        if (page.Elements.GetArray("/Annots") is not { } annots) return;
        foreach (var item in annots.Elements)
        {
            if ((item as PdfSharp.Pdf.Advanced.PdfReference)?.Value is not PdfDictionary annot) continue;
            annot.Elements.Remove("/AA");
            if (annot.Elements.GetDictionary("/A") is { } action && action.Elements.GetName("/S") is "/JavaScript" or "/Launch")
                annot.Elements.Remove("/A");
        }
    }

    static void Stamp(PdfDocument doc, List<string?> headers, string footer)
    {
        var font = new XFont(PdfFonts.Family, 8);
        var bold = new XFont(PdfFonts.Family, 8, XFontStyleEx.Bold);
        var total = doc.PageCount;
        for (var i = 0; i < total; i++)
        {
            var page = doc.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var w = page.Width.Point;
            var h = page.Height.Point;
            if (headers[i] is { } header)
            {
                g.DrawRectangle(XBrushes.White, 0, 0, w, 26);
                g.DrawString(Fit(g, header, bold, w - 60), bold, XBrushes.Black, new XRect(30, 8, w - 60, 14), XStringFormats.TopLeft);
                g.DrawLine(new XPen(XColors.Gray, 0.5), 30, 24, w - 30, 24);
            }
            g.DrawString(Fit(g, footer, font, w - 180), font, XBrushes.DimGray, new XRect(30, h - 22, w - 180, 12), XStringFormats.TopLeft);
            g.DrawString($"Side {i + 1} af {total}", font, XBrushes.Black, new XRect(w - 150, h - 22, 120, 12), XStringFormats.TopRight);
        }
    }

    static string Fit(XGraphics g, string text, XFont font, double width)
    {
        if (g.MeasureString(text, font).Width <= width) return text;
        while (text.Length > 1 && g.MeasureString(text + "…", font).Width > width) text = text[..^1];
        return text + "…";
    }
}
