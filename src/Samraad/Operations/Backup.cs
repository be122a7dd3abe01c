using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Samraad.Operations;

/// <summary>Where pg_dump and pg_restore are (Samraad:Backup:PgDump, …:PgRestore); on Debian the wrapper in /usr/bin picks the cluster's version.</summary>
public sealed class BackupOptions
{
    public const string Section = "Samraad:Backup";
    public string PgDump { get; set; } = "pg_dump";
    public string PgRestore { get; set; } = "pg_restore";
}

/// <summary>
/// `samraad backup --out FILE`: a consistent copy of the database while the app runs. SQLite: the online backup API
/// copies every page under one read transaction (writers go on in the WAL), and the copy passes
/// <c>PRAGMA integrity_check</c> before it gets its name. PostgreSQL: pg_dump in custom format (one snapshot), and
/// pg_restore --list must read it back. Written to FILE.partial and renamed, so FILE is never half a backup; owner only.
/// </summary>
public sealed class BackupDatabase(SamraadOptions options, Microsoft.Extensions.Options.IOptions<BackupOptions> tools)
{
    public async Task<Outcome<string>> Handle(string file, CancellationToken ct = default)
    {
        file = Path.GetFullPath(file);
        var partial = file + ".partial";
        File.Delete(partial);
        // Owner only from the first byte: the copy holds password hashes (pg_dump keeps an existing file's mode).
        Data.PrivateFiles.Database(partial);
        try
        {
            string what;
            if (options.IsPostgres)
            {
                if (await PostgresTools.Run(tools.Value.PgDump, options.Db!, ["--format=custom", "--file", partial], ct) is { } dumpFailed)
                    return Outcome<string>.Fail(Problem.Invalid, dumpFailed);
                if (await PostgresTools.Run(tools.Value.PgRestore, null, ["--list", partial], ct) is { } unreadable)
                    return Outcome<string>.Fail(Problem.Invalid, $"Sikkerhedskopien kunne ikke læses tilbage: {unreadable}");
                what = "PostgreSQL, pg_dump i custom-format";
            }
            else
            {
                await using (var source = new SqliteConnection(options.SqliteConnectionString))
                await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
                {
                    await source.OpenAsync(ct);
                    await target.OpenAsync(ct);
                    await SqliteChecks.Copy(source, target, ct);
                    if (await SqliteChecks.Problems(target, ct) is { } broken) return Outcome<string>.Fail(Problem.Invalid, $"Kopien bestod ikke kontrollen: {broken}");
                }
                what = "SQLite, kontrolleret med integrity_check";
            }
            File.Move(partial, file, overwrite: true);
            return Outcome<string>.Success($"Sikkerhedskopi skrevet: {file} ({new FileInfo(file).Length / 1024.0 / 1024.0:0.0} MB; {what}).");
        }
        finally { File.Delete(partial); }
    }
}

/// <summary>
/// `samraad restore FILE`: the backup into an empty database (the configured one; nothing is overwritten), then checked.
/// SQLite: the file must pass integrity_check, the target must have no tables; the backup API writes it and the
/// result is checked again (integrity and foreign keys). PostgreSQL: the target must have no tables; pg_restore runs
/// in one transaction and stops at the first error, so a failed restore leaves the database empty.
/// </summary>
public sealed class RestoreDatabase(SamraadOptions options, Microsoft.Extensions.Options.IOptions<BackupOptions> tools)
{
    public async Task<Outcome<string>> Handle(string file, CancellationToken ct = default)
    {
        if (!File.Exists(file)) return Outcome<string>.Fail(Problem.NotFound, $"Filen {file} findes ikke.");
        if (options.IsPostgres)
        {
            await using (var db = new NpgsqlConnection(options.Db))
            {
                await db.OpenAsync(ct);
                await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'public'", db);
                if ((long)(await count.ExecuteScalarAsync(ct))! > 0)
                    return Outcome<string>.Fail(Problem.Conflict, $"Databasen {db.Database} er ikke tom. Gendan i en ny, tom database (CREATE DATABASE …), så intet overskrives.");
            }
            if (await PostgresTools.Run(tools.Value.PgRestore, options.Db!, ["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", "--dbname", "$DB", file], ct) is { } failed)
                return Outcome<string>.Fail(Problem.Invalid, $"Gendannelsen mislykkedes, og intet er gendannet: {failed}");
            return Outcome<string>.Success($"Gendannet i PostgreSQL-databasen fra {file}. {await Counts(new NpgsqlConnection(options.Db), ct)}");
        }
        var target = new SqliteConnectionStringBuilder(options.SqliteConnectionString).DataSource;
        await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            try { await source.OpenAsync(ct); }
            catch (SqliteException e) { return Outcome<string>.Fail(Problem.Invalid, $"{file} er ikke en SQLite-database: {e.Message}"); }
            if (await SqliteChecks.Problems(source, ct) is { } broken) return Outcome<string>.Fail(Problem.Invalid, $"Sikkerhedskopien er beskadiget: {broken}");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            Data.PrivateFiles.Database(target);
            await using var into = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
            await into.OpenAsync(ct);
            await using (var tables = into.CreateCommand())
            {
                tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
                if ((long)(await tables.ExecuteScalarAsync(ct))! > 0)
                    return Outcome<string>.Fail(Problem.Conflict, $"Databasen {target} er ikke tom. Gendan i en ny datamappe (--data-dir), så intet overskrives.");
            }
            await SqliteChecks.Copy(source, into, ct);
            if (await SqliteChecks.Problems(into, ct) is { } after) return Outcome<string>.Fail(Problem.Invalid, $"Den gendannede database bestod ikke kontrollen: {after}");
        }
        return Outcome<string>.Success($"Gendannet i {target} fra {file}; integrity_check og foreign_key_check er rene. {await Counts(new SqliteConnection(options.SqliteConnectionString), ct)}");
    }

    /// <summary>A few counts to compare with what the users expect ("98 organisationer, 412 besvarelser").</summary>
    static async Task<string> Counts(System.Data.Common.DbConnection connection, CancellationToken ct)
    {
        await using var _ = connection;
        await connection.OpenAsync(ct);
        var parts = new List<string>();
        foreach (var (table, label) in new[] { ("Organisations", "organisationer"), ("Collections", "indsamlinger"), ("Responses", "besvarelser"), ("Answers", "svar"), ("Meetings", "møder"), ("AspNetUsers", "brugere") })
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table}\"";
            parts.Add($"{Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture)} {label}");
        }
        return string.Join(", ", parts) + ".";
    }
}

static class SqliteChecks
{
    /// <summary>
    /// The online backup API, copying every page in one step under a read transaction. It does not wait on a busy
    /// database as a statement does (a writer checkpointing the WAL at that moment): it is tried again, for up to 30 s.
    /// </summary>
    public static async Task Copy(SqliteConnection source, SqliteConnection target, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { source.BackupDatabase(target); return; }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && attempt < 300) { await Task.Delay(100, ct); } // SQLITE_BUSY, SQLITE_LOCKED
        }
    }

    /// <summary>null when <c>integrity_check</c> says ok and <c>foreign_key_check</c> finds nothing; else what they said.</summary>
    public static async Task<string?> Problems(SqliteConnection db, CancellationToken ct)
    {
        await using var integrity = db.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        if ((string?)await integrity.ExecuteScalarAsync(ct) is var ok && ok != "ok") return $"integrity_check: {ok}";
        await using var keys = db.CreateCommand();
        keys.CommandText = "PRAGMA foreign_key_check";
        await using var reader = await keys.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? $"foreign_key_check: tabellen {reader.GetString(0)} henviser til rækker, der ikke findes" : null;
    }
}

static class PostgresTools
{
    /// <summary>
    /// Runs pg_dump or pg_restore against the connection string's server (host, port, user, database; the password
    /// through PGPASSWORD, never on the command line, where `ps` would show it). "$DB" in the arguments becomes the database name.
    /// null on success, else the tool's own message.
    /// </summary>
    public static async Task<string?> Run(string tool, string? connection, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        var database = "";
        if (connection is not null)
        {
            var c = new NpgsqlConnectionStringBuilder(connection);
            database = c.Database ?? c.Username ?? "";
            if (c.Host is { } host)
            {
                // Npgsql's "a:5432,b:5433" is libpq's PGHOST=a,b PGPORT=5432,5433.
                var hosts = host.Split(',', StringSplitOptions.TrimEntries).Select(h => h.LastIndexOf(':') is var i and > 0 && !h.EndsWith(']') ? (h[..i], h[(i + 1)..]) : (h, c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
                start.Environment["PGHOST"] = string.Join(",", hosts.Select(h => h.Item1));
                start.Environment["PGPORT"] = string.Join(",", hosts.Select(h => h.Item2));
            }
            if (c.Username is { } user) start.Environment["PGUSER"] = user;
            if (c.Password is { } password) start.Environment["PGPASSWORD"] = password;
            start.Environment["PGDATABASE"] = database;
            if (c.TargetSessionAttributes is { } target) start.Environment["PGTARGETSESSIONATTRS"] = target; // dump from the primary of a multi-host string
        }
        foreach (var a in arguments) start.ArgumentList.Add(a == "$DB" ? database : a);
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{tool} kunne ikke startes ({e.Message}). Installér PostgreSQL's klientværktøjer (apt-get install postgresql-client) eller angiv stien i {BackupOptions.Section}.";
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = await process.StandardError.ReadToEndAsync(ct);
            await output;
            await process.WaitForExitAsync(ct);
            return process.ExitCode == 0 ? null : $"{Path.GetFileName(tool)} sluttede med {process.ExitCode}: {errors.Trim()}";
        }
    }
}
