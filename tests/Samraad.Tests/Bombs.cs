using System.IO.Compression;
using System.Text;

namespace Samraad.Tests;

/// <summary>
/// Files small on the wire and huge inside, built in memory for the tests (shared with the integration tests, which
/// upload them). Also a well-formed small XLSX written by hand, so the reader is tested on XML it did not write.
/// </summary>
public static class Bombs
{
    const long MB = 1024 * 1024;

    /// <summary>A PDF whose one content stream is <paramref name="zeros"/> zero bytes, Flate-compressed <paramref name="layers"/> times.</summary>
    public static byte[] Pdf(long zeros, int layers = 1)
    {
        var data = Compress(zeros);
        for (var i = 1; i < layers; i++) data = Compress(data);
        using var pdf = new MemoryStream();
        void Write(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        Write("%PDF-1.7\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n");
        Write("3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>> endobj\n");
        Write($"4 0 obj <</Length {data.Length}/Filter[{string.Concat(Enumerable.Repeat("/FlateDecode", layers))}]>> stream\n");
        pdf.Write(data);
        Write("\nendstream endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");
        return pdf.ToArray();
    }

    static byte[] Compress(long zeros)
    {
        using var buffer = new MemoryStream();
        using (var z = new ZLibStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var block = new byte[1024 * 1024];
            for (long written = 0; written < zeros; written += block.Length) z.Write(block);
        }
        return buffer.ToArray();
    }

    static byte[] Compress(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var z = new ZLibStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(data);
        return buffer.ToArray();
    }

    /// <summary>An XLSX whose first sheet's XML is produced by <paramref name="sheet"/> (streamed into the zip).</summary>
    public static byte[] Xlsx(Action<TextWriter> sheet, string? sharedStrings = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(xml);
            }
            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            Part("xl/sharedStrings.xml", sharedStrings ?? """<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>navn</t></si><si><r><t>Fa</t></r><r><t>xe</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si></sst>""");
            using var w = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open());
            w.Write("""<?xml version="1.0" encoding="UTF-8"?>""");
            sheet(w);
        }
        return buffer.ToArray();
    }

    public static void Rows(TextWriter w, int rows, string prefix = "")
    {
        w.Write(prefix + """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>beløb</t></is></c></row>""");
        for (var r = 2; r <= rows + 1; r++) w.Write($"""<row r="{r}"><c r="A{r}" t="s"><v>1</v></c><c r="B{r}"><v>{r}</v></c></row>""");
        w.Write("</sheetData></worksheet>");
    }
}
