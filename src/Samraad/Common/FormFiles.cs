namespace Samraad.Common;

/// <summary>An uploaded file's bytes. The request's size limit (per route) has already bounded how many there can be.</summary>
public static class FormFiles
{
    public static async Task<byte[]> Bytes(this IFormFile file, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
