using System.Text;
using Samraad.Documents;
using Samraad.Documents.Pdf;

namespace Samraad.Tests;

/// <summary>
/// Files small on the wire and huge inside are refused while they are read, with the limit named. Memory is measured
/// as the bytes the reading thread allocates (the readers are synchronous, so this is exactly their cost).
/// </summary>
public class UploadBombTests
{
    const long MB = 1024 * 1024;

    static (T Result, long Allocated) Measured<T>(Func<T> read)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = read();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)] // compressed twice: the outer layer alone unpacks to under a megabyte
    public void A_pdf_that_inflates_past_300_MB_is_refused_without_being_unpacked_in_memory(int layers)
    {
        var bomb = Bombs.Pdf(400 * MB, layers);
        Assert.True(bomb.Length < 2 * MB, $"{bomb.Length} bytes");
        var (check, allocated) = Measured(() => PdfFiles.Check(bomb));
        Assert.False(check.Ok);
        Assert.StartsWith("PDF-filen fylder over 300 MB, når den pakkes ud.", check.Error);
        Assert.True(allocated < 16 * MB, $"allocated {allocated / MB} MB");
    }

    [Fact]
    public void A_pdf_within_the_limits_still_reads()
    {
        var pdf = TextPdf.Create("Bilag", string.Join("\n", Enumerable.Range(1, 200).Select(i => $"Linje {i}")));
        var check = PdfFiles.Check(pdf);
        Assert.True(check.Ok, check.Error);
        Assert.Contains("Linje 200", check.PageTexts[^1]);
    }

    [Fact]
    public void An_xlsx_whose_sheet_unzips_past_200_MB_is_refused_before_it_is_parsed()
    {
        // 250 MB of rows in a zip of about a megabyte.
        var bomb = Bombs.Xlsx(w => { w.Write("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""); for (var i = 0; i < 250 * 1024; i++) w.Write(new string(' ', 1024)); w.Write("</sheetData></worksheet>"); });
        Assert.True(bomb.Length < 2 * MB, $"{bomb.Length} bytes");
        var (error, allocated) = Measured(() => Assert.Throws<UploadLimits.Exceeded>(() => Tabular.Read(bomb, "bombe.xlsx")));
        Assert.Equal("Regnearket fylder over 200 MB, når det pakkes ud. Del det op i mindre filer, og prøv igen.", error.Message);
        Assert.True(allocated < 16 * MB, $"allocated {allocated / MB} MB");
    }

    [Fact]
    public void An_xlsx_with_too_many_rows_stops_at_the_limit_streaming()
    {
        var big = Bombs.Xlsx(w => Bombs.Rows(w, 150_000));
        var (error, allocated) = Measured(() => Assert.Throws<UploadLimits.Exceeded>(() => Tabular.Read(big, "mange.xlsx")));
        Assert.Equal("Filen har over 100.000 rækker. Del den op i flere filer, og indlæs dem hver for sig.", error.Message);
        // The rows read before the limit are kept (about 100,000 small dictionaries); the sheet's XML never is.
        Assert.True(allocated < 400 * MB, $"allocated {allocated / MB} MB");
    }

    [Fact]
    public void An_xlsx_is_read_by_streaming_with_shared_inline_and_rich_strings()
    {
        var file = Tabular.Read(Bombs.Xlsx(w => Bombs.Rows(w, 3)), "lille.xlsx");
        Assert.Equal(["navn", "beløb"], file.Header);
        Assert.Equal(3, file.Rows.Count);
        Assert.Equal("Faxe", file.Rows[0]["navn"]); // two runs joined, the phonetic guide left out
        Assert.Equal("4", file.Rows[^1]["beløb"]);
        Assert.Equal(4, file.Rows[^1].Line);
    }

    [Fact]
    public void An_xlsx_with_a_dtd_is_refused_with_a_reason_not_an_error()
    {
        var entity = Bombs.Xlsx(w => Bombs.Rows(w, 1, """<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>"""));
        var error = Assert.ThrowsAny<FileRefused>(() => Tabular.Read(entity, "dtd.xlsx"));
        Assert.StartsWith("Regnearket indeholder en dokumenttypedefinition (DTD)", error.Message);
        // Hidden behind 2 KB of white space the first look misses it; the XML reader still refuses it.
        var padded = Bombs.Xlsx(w => Bombs.Rows(w, 1, new string(' ', 2048) + """<!DOCTYPE worksheet [<!ENTITY a "a">]>"""));
        Assert.StartsWith("Regnearket indeholder en dokumenttypedefinition (DTD)", Assert.ThrowsAny<FileRefused>(() => Tabular.Read(padded, "dtd.xlsx")).Message);
    }

    [Fact]
    public void A_broken_zip_is_refused_in_danish()
    {
        var error = Assert.ThrowsAny<FileRefused>(() => Tabular.Read("PK\u0003\u0004 not really a zip"u8.ToArray(), "x.xlsx"));
        Assert.StartsWith("Filen kan ikke læses som et XLSX-regneark.", error.Message);
    }

    [Fact]
    public void A_csv_of_a_million_bad_lines_stops_after_a_hundred_problems()
    {
        var csv = new StringBuilder("a;b;c\n");
        for (var i = 0; i < 1_000_000; i++) csv.Append("x\n");
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        var (file, allocated) = Measured(() => Tabular.Read(bytes, "fejl.csv"));
        Assert.Equal(Csv.MaxProblems + 1, file.ShapeProblems.Count);
        Assert.StartsWith("… og flere fejl: læsningen er stoppet efter 100 fejl.", file.ShapeProblems[^1]);
        Assert.True(allocated < 64 * MB, $"allocated {allocated / MB} MB");
    }

    [Fact]
    public void A_csv_with_too_many_rows_is_refused()
    {
        var csv = new StringBuilder("a;b\n");
        for (var i = 0; i < 100_001; i++) csv.Append("1;2\n");
        var error = Assert.Throws<UploadLimits.Exceeded>(() => Tabular.Read(Encoding.UTF8.GetBytes(csv.ToString()), "mange.csv"));
        Assert.Equal("Filen har over 100.000 rækker. Del den op i flere filer, og indlæs dem hver for sig.", error.Message);
    }
}
