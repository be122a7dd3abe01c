using PdfSharp.Fonts;

namespace Samraad.Documents.Pdf;

/// <summary>
/// PDFsharp on Linux needs to be told where fonts are. Samraad carries DejaVu Sans (regular and bold) as embedded
/// resources, so stamping page numbers and making PDFs from text works on a machine with no fonts installed.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    static readonly object Gate = new();
    static bool installed;

    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (installed) return;
            GlobalFontSettings.FontResolver = new PdfFonts();
            installed = true;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream($"Fonts.{faceName}.ttf")
                           ?? throw new InvalidOperationException($"Skrifttypen {faceName} mangler i Samraad.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
