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
        FileName = name, ContentType = "application/pdf", Content = content, Sha256 = Hash(content),
        Pages = pages, PageTextsJson = texts is null ? null : System.Text.Json.JsonSerializer.Serialize(texts), CreatedAtUtc = now,
    };
}
