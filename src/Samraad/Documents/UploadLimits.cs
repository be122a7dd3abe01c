using System.Diagnostics;
using System.IO.Compression;

namespace Samraad.Documents;

/// <summary>An uploaded file Samraad will not read, with the reason in Danish for the user (never a library's English).</summary>
public class FileRefused(string message) : Exception(message);

/// <summary>
/// How much work one uploaded file may cause. A file is small on the wire but may not be small inside: a 1 MB PDF
/// or XLSX can inflate to gigabytes. Every limit counts what the file becomes, is checked while it is read (never
/// after), and is named in the Danish message a refused user sees. README "Security" lists them.
/// </summary>
public static class UploadLimits
{
    public const long MB = 1024 * 1024;

    /// <summary>An uploaded PDF (meeting attachment, pool documentation), as sent.</summary>
    public const long PdfBytes = 20 * MB;
    /// <summary>All compressed (Flate) streams of a PDF together, unpacked.</summary>
    public const long PdfInflatedBytes = 300 * MB;
    public const int PdfPages = 2_000;
    /// <summary>Text kept per PDF for search: past this the rest is not indexed (the file itself is kept whole).</summary>
    public const int PdfTextChars = 5_000_000;

    /// <summary>An import file (CSV or XLSX), as sent.</summary>
    public const long TableBytes = 50 * MB;
    /// <summary>An XLSX's parts together, unzipped.</summary>
    public const long XlsxUnzippedBytes = 200 * MB;
    public const int XlsxParts = 1_000;
    public const int TableRows = 100_000;
    public const int TableColumns = 500;

    /// <summary>Reading one file may take this long; then it is refused rather than hold a server thread.</summary>
    public static readonly TimeSpan ReadTime = TimeSpan.FromSeconds(30);

    /// <summary>Request bodies: a file plus the form around it; everything else (answers, JSON) is far smaller.</summary>
    public const long PdfUploadRequestBytes = PdfBytes + MB;
    public const long TableUploadRequestBytes = TableBytes + MB;
    public const long DefaultRequestBytes = 4 * MB;

    public static string Megabytes(long bytes) => string.Create(DanishTime.Culture, $"{bytes / MB:N0} MB");

    /// <summary>Thrown while a file is read when one of the limits is passed; its message is for the user.</summary>
    public sealed class Exceeded(string message) : FileRefused(message);

    /// <summary>A clock for one file's reading: <see cref="Check"/> throws once <see cref="ReadTime"/> has passed.</summary>
    public sealed class Deadline
    {
        readonly Stopwatch watch = Stopwatch.StartNew();
        readonly TimeSpan limit;
        public Deadline(TimeSpan? limit = null) => this.limit = limit ?? ReadTime;
        public void Check()
        {
            if (watch.Elapsed > limit)
                throw new Exceeded($"Filen tager for lang tid at læse (over {limit.TotalSeconds:0} sekunder). Del den op i mindre filer.");
        }
    }

    /// <summary>
    /// Counts the bytes a stream yields, reading through a small buffer so nothing is kept, and stops at
    /// <paramref name="budget"/>: returns the count, or -1 when the budget is passed. A corrupt stream counts what it gave.
    /// </summary>
    public static long Count(Stream stream, long budget, Deadline deadline)
    {
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                total += read;
                if (total > budget) return -1;
                deadline.Check();
            }
        }
        catch (InvalidDataException) { }
        return total;
    }

    /// <summary>
    /// The unpacked size of every zlib (Flate) stream of a PDF, counted by inflating into nothing — PDF bombs are Flate
    /// streams of zeros, sometimes compressed twice, so each stream is unpacked up to four layers deep. Streams in
    /// other filters (JPEG images) are counted as they are.
    /// </summary>
    public static void CheckPdfInflation(byte[] pdf, Deadline deadline)
    {
        long total = 0;
        var span = pdf.AsSpan();
        var at = 0;
        while (true)
        {
            var found = span[at..].IndexOf("stream"u8);
            if (found < 0) return;
            var keyword = at + found;
            at = keyword + 6;
            if (keyword >= 3 && span.Slice(keyword - 3, 3).SequenceEqual("end"u8)) continue;
            var start = at;
            if (start < pdf.Length && pdf[start] == '\r') start++;
            if (start < pdf.Length && pdf[start] == '\n') start++;
            var length = span[start..].IndexOf("endstream"u8);
            if (length < 0) length = pdf.Length - start;
            at = start + length;
            var size = Unpacked(pdf, start, length, PdfInflatedBytes - total, deadline);
            if (size < 0 || (total += size) > PdfInflatedBytes)
                throw new Exceeded($"PDF-filen fylder over {Megabytes(PdfInflatedBytes)}, når den pakkes ud. Gem den igen som PDF (fx med »Reducer filstørrelse«), og prøv igen.");
        }
    }

    static long Unpacked(byte[] bytes, int offset, int length, long budget, Deadline deadline)
    {
        Func<Stream> open = () => new MemoryStream(bytes, offset, length, writable: false);
        long size = length;
        Span<byte> head = stackalloc byte[2];
        for (var depth = 0; depth < 4; depth++)
        {
            using (var probe = open())
            {
                if (probe.ReadAtLeast(head, 2, throwOnEndOfStream: false) < 2 || !IsZlibHeader(head[0], head[1])) return size;
            }
            var outer = open;
            open = () => new ZLibStream(outer(), CompressionMode.Decompress);
            using var inflating = open();
            size = Count(inflating, budget, deadline);
            if (size < 0) return -1;
        }
        return size;
    }

    /// <summary>RFC 1950: compression method 8 (deflate) and a header checksum divisible by 31.</summary>
    static bool IsZlibHeader(byte cmf, byte flg) => (cmf & 0x0F) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;

    /// <summary>
    /// An XLSX is a zip: before any part is parsed, every part is unzipped into nothing and counted, so a sheet that
    /// claims 1 KB and holds 1 GB is found without keeping it. (A DTD is refused by the XML readers, see Tabular.)
    /// </summary>
    public static void CheckXlsx(byte[] xlsx, Deadline deadline)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > XlsxParts) throw new Exceeded(string.Create(DanishTime.Culture, $"Regnearket har over {XlsxParts:N0} dele. Gem det igen som en almindelig XLSX-fil."));
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            var size = Count(stream, XlsxUnzippedBytes - total, deadline);
            if (size < 0 || (total += size) > XlsxUnzippedBytes)
                throw new Exceeded($"Regnearket fylder over {Megabytes(XlsxUnzippedBytes)}, når det pakkes ud. Del det op i mindre filer, og prøv igen.");
        }
    }
}
