namespace Samraad.Common;

/// <summary>Stored bytes (PDFs), addressed by id and identified by SHA-256; page texts are kept for search.</summary>
public class StoredFile
{
    public int Id { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "application/pdf";
    public byte[] Content { get; set; } = [];
    public string Sha256 { get; set; } = "";
    public int Pages { get; set; }
    /// <summary>Page texts as JSON array (for search results that point to a page).</summary>
    public string? PageTextsJson { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public static string Hash(byte[] content) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content)).ToLowerInvariant();

    /// <summary>A PDF to store, with its page count and, for files that are searched (attachments), its page texts
    /// (from <c>PdfFiles</c>); packets and letters are not searched, and reading the text of 200 pages is not free.</summary>
    public static StoredFile Pdf(string name, byte[] content, int pages, IReadOnlyList<string>? texts, DateTime now) => new()
    {
        FileName = CleanName(name), ContentType = "application/pdf", Content = content, Sha256 = Hash(content),
        Pages = pages, PageTextsJson = texts is null ? null : System.Text.Json.JsonSerializer.Serialize(texts), CreatedAtUtc = now,
    };

    /// <summary>
    /// A file name as it may be shown and offered for download: no folder part, no control characters and no
    /// direction marks (U+202E makes "fdp.exe" look like "exe.pdf"), at most 200 characters.
    /// </summary>
    public static string CleanName(string? name)
    {
        var bare = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var clean = new string(bare.Where(c => !char.IsControl(c) && c is not ('\u200e' or '\u200f') and not (>= '\u202a' and <= '\u202e')
            and not (>= '\u2066' and <= '\u2069')).ToArray()).Trim();
        if (clean.Length > 200) clean = clean[..200];
        return clean is "" or "." or ".." ? "fil.pdf" : clean;
    }
}
