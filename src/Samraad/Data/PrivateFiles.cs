namespace Samraad.Data;

/// <summary>
/// What Samraad keeps on disk that others on the machine must not read: the SQLite database (it holds the password
/// hashes) with its WAL, and the data-protection keys that sign the session cookies. Owner only (0600 / 0700).
/// </summary>
public static class PrivateFiles
{
    const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    const UnixFileMode OwnerDirectory = OwnerFile | UnixFileMode.UserExecute;

    /// <summary>Creates the database file (empty) for the owner only, or narrows an existing one. SQLite gives its
    /// -wal and -shm files the database file's permissions.</summary>
    public static void Database(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        if (!File.Exists(path))
            using (File.Create(path, 0, FileOptions.None)) { }
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            if (File.Exists(file)) File.SetUnixFileMode(file, OwnerFile);
    }

    /// <summary>A directory (the key ring) that only the owner can enter.</summary>
    public static DirectoryInfo Directory(string path)
    {
        var dir = System.IO.Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, OwnerDirectory);
        return dir;
    }
}
