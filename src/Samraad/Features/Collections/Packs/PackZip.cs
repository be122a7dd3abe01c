using System.IO.Compression;
using Samraad.Documents;

namespace Samraad.Features.Collections.Packs;

/// <summary>
/// A pack folder uploaded as a zip, unpacked into an empty folder with limits: no entry may point outside it
/// (absolute paths, "..", links), and the entries, their number and their unpacked size are bounded — the sizes the
/// zip claims are not trusted; the bytes are counted as they are written.
/// </summary>
public static class PackZip
{
    public const long MaxZipBytes = 20 * UploadLimits.MB, MaxUnpackedBytes = 50 * UploadLimits.MB;
    public const int MaxEntries = 200;

    /// <summary>Unpacks into <paramref name="into"/> (empty) and returns the folder holding collection.json.</summary>
    public static string Extract(byte[] zip, string into)
    {
        if (zip.Length > MaxZipBytes) throw new FileRefused($"Pakken er for stor: højst {UploadLimits.Megabytes(MaxZipBytes)}.");
        ZipArchive archive;
        try { archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read); }
        catch (InvalidDataException) { throw new FileRefused("Filen er ikke en zip-fil. Pak pakkens mappe (collection.json, form.json …) som zip, og prøv igen."); }
        using (archive)
        {
            if (archive.Entries.Count > MaxEntries) throw new FileRefused($"Pakken har over {MaxEntries} filer.");
            var root = Path.GetFullPath(into) + Path.DirectorySeparatorChar;
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (name.EndsWith('/')) continue; // a folder
                var unixType = (entry.ExternalAttributes >> 16) & 0xF000;
                if (unixType == 0xA000) throw new FileRefused($"Pakken indeholder en genvej (symlink), »{Shown(name)}«: den kan ikke indlæses.");
                // The name is checked before it is made a path: a control character or a drive would make the path itself fail.
                if (name.StartsWith('/') || name.Contains(':') || name.Split('/').Contains("..") || name.Any(char.IsControl))
                    throw new FileRefused($"Pakken indeholder filen »{Shown(name)}«, som peger uden for pakkens mappe: den kan ikke indlæses.");
                var target = Path.GetFullPath(Path.Combine(root, name));
                if (!target.StartsWith(root, StringComparison.Ordinal))
                    throw new FileRefused($"Pakken indeholder filen »{Shown(name)}«, som peger uden for pakkens mappe: den kan ikke indlæses.");
                try { total = Unpack(entry, target, total, name); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException)
                {
                    throw new FileRefused($"Filen »{Shown(name)}« i pakken kan ikke pakkes ud (er den beskadiget, pakket med en ukendt metode, eller findes den både som fil og mappe?). Pak mappen igen, og prøv igen.");
                }
            }
            if (System.IO.File.Exists(Path.Combine(root, "collection.json"))) return root;
            var folders = Directory.GetDirectories(root).Where(d => System.IO.File.Exists(Path.Combine(d, "collection.json"))).ToList();
            return folders.Count == 1 && Directory.GetFiles(root).Length == 0 ? folders[0]
                : throw new FileRefused("Pakken har ingen collection.json (øverst eller i én mappe). Pak mappen med collection.json og form.json, og prøv igen.");
        }
    }

    /// <summary>Writes one entry, counting the bytes as they come (the size the zip claims is not trusted); the running total.</summary>
    static long Unpack(ZipArchiveEntry entry, string target, long total, string name)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var from = entry.Open();
        using var to = System.IO.File.Create(target);
        var buffer = new byte[81920];
        int read;
        while ((read = from.Read(buffer)) > 0)
        {
            total += read;
            if (total > MaxUnpackedBytes)
                throw new FileRefused($"Pakken fylder over {UploadLimits.Megabytes(MaxUnpackedBytes)} udpakket (ved »{Shown(name)}«): den kan ikke indlæses.");
            to.Write(buffer, 0, read);
        }
        return total;
    }

    /// <summary>An entry's name as a message shows it: control characters as "?", and not endless.</summary>
    static string Shown(string name) => new string(name.Select(c => char.IsControl(c) ? '?' : c).Take(200).ToArray());

    /// <summary>A file the pack names (form, printed figures): a plain name inside the pack's folder, never a path out of it.</summary>
    public static string Named(string packDir, string name, string what)
    {
        var root = Path.GetFullPath(packDir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(root, name));
        if (!path.StartsWith(root, StringComparison.Ordinal)) throw new FileRefused($"collection.json: {what} »{name}« peger uden for pakkens mappe.");
        if (!System.IO.File.Exists(path)) throw new FileRefused($"collection.json: {what} »{name}« findes ikke i pakken.");
        return path;
    }
}
