using System.Collections.Concurrent;
using Npgsql;

namespace Samraad.IntegrationTests;

/// <summary>
/// One migrated and seeded database per provider and test run. Each test gets a copy of it (SQLite: the data
/// directory with its file; PostgreSQL: CREATE DATABASE … TEMPLATE), so every test still starts on its own fresh
/// database without paying for migrations and seeding again.
/// </summary>
public sealed class TemplateDatabase
{
    static readonly ConcurrentDictionary<Db, Lazy<TemplateDatabase>> Templates = new();
    static readonly SemaphoreSlim CopyLock = new(1, 1);

    public string DataDir { get; }
    readonly string? pgDatabase;

    TemplateDatabase(string dataDir, string? pgDatabase) { DataDir = dataDir; this.pgDatabase = pgDatabase; }

    public static TemplateDatabase For(Db kind) =>
        Templates.GetOrAdd(kind, k => new Lazy<TemplateDatabase>(() => Create(k), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>
    /// A test database's name, stamped with its creation time: a run that was killed (the test host is ended without
    /// running exit handlers) leaves databases behind, and the next run drops those older than any run can last.
    /// </summary>
    public static string NewName() => $"samraad_t_{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}_{Guid.NewGuid().ToString("N")[..8]}";

    static readonly TimeSpan Abandoned = TimeSpan.FromHours(3);

    /// <summary>Drops test databases and data directories that earlier runs left behind.</summary>
    static void RemoveLeftovers(Db kind)
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "samraad-test-*"))
            if (Directory.GetLastWriteTimeUtc(dir) < DateTime.UtcNow - Abandoned)
                try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        if (kind != Db.Postgres) return;
        using var conn = new NpgsqlConnection($"{Databases.Postgres};Database=postgres");
        conn.Open();
        var old = new List<string>();
        using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'samraad\\_t\\_%'", conn))
        using (var reader = list.ExecuteReader())
            while (reader.Read())
                if (reader.GetString(0).Split('_') is [_, _, var stamp, _] && long.TryParse(stamp, out var seconds)
                    && DateTimeOffset.FromUnixTimeSeconds(seconds) < DateTimeOffset.UtcNow - Abandoned)
                    old.Add(reader.GetString(0));
        foreach (var name in old)
            try { Postgres.DropDatabase(name).GetAwaiter().GetResult(); } catch (PostgresException) { }
    }

    static TemplateDatabase Create(Db kind)
    {
        RemoveLeftovers(kind);
        var app = TestApp.StartFresh(kind);
        app.KeepData = true;
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        // SQLite's WAL is folded into the file when the last connection closes; leave nothing half-written behind.
        foreach (var side in Directory.GetFiles(app.DataDir, "*.db-*")) File.Delete(side);
        var template = new TemplateDatabase(app.DataDir, app.PostgresDatabase);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Remove();
        return template;
    }

    /// <summary>Copies the template into a new PostgreSQL database; one copy at a time, since PostgreSQL refuses a
    /// template that another session is using.</summary>
    public void CopyPostgresTo(string database)
    {
        CopyLock.Wait();
        try
        {
            using var conn = new NpgsqlConnection($"{Databases.Postgres};Database=postgres");
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {database} TEMPLATE {pgDatabase}", conn);
            cmd.ExecuteNonQuery();
        }
        finally { CopyLock.Release(); }
    }

    void Remove()
    {
        if (pgDatabase is not null) Postgres.DropDatabase(pgDatabase).GetAwaiter().GetResult();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }
}

static class Postgres
{
    public static async Task DropDatabase(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection($"{Databases.Postgres};Database=postgres");
        await conn.OpenAsync();
        // An autovacuum worker (a superuser process) may briefly sit on a fresh database; FORCE cannot end it for
        // a non-superuser, so try again shortly rather than fail the test over its clean-up.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", conn);
                await cmd.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState is "42501" or "55006" && attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }
}
