using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Samraad.IntegrationTests;

/// <summary>
/// `samraad backup` while respondents save, then `samraad restore` into an empty database: every save acknowledged
/// before the backup started is in the restored database, which checks clean and serves.
/// </summary>
public class BackupTests
{
    const string Collection = SaveBurst.Collection;
    static readonly string[] Orgs = SaveBurst.Orgs;

    [Theory, OnSqlite, OnPostgres, Trait("Speed", "Slow")]
    public async Task A_backup_taken_during_a_burst_of_saves_restores_every_save_acknowledged_before_it_began(Db db)
    {
        var data = await SaveBurst.Data(db);
        var folder = Directory.CreateTempSubdirectory("samraad-backup-").FullName;
        var file = Path.Combine(folder, db == Db.Postgres ? "samraad.dump" : "samraad.db");
        var restoredDir = Path.Combine(folder, "gendannet");
        string? restoredDb = null;
        try
        {
            var before = new Dictionary<string, int>();
            using (var served = await ServedApp.Start(data))
            {
                await using var burst = await SaveBurst.Start(served);
                await burst.Until(10);
                foreach (var org in Orgs) before[org] = burst.Acknowledged[org];
                var backup = await ServedApp.Verb(data.DataDir, data.PostgresConnection, "backup", "--out", file);
                Assert.True(backup.Code == 0, backup.Error);
                Assert.Contains("Sikkerhedskopi skrevet", backup.Out);
                // The saves were running when the backup began and go on after it (whether each one landed during the
                // backup's second or so is up to the scheduler; that none is refused or lost is what counts).
                for (var waited = System.Diagnostics.Stopwatch.StartNew(); Orgs.Any(o => burst.Acknowledged[o] <= before[o]) && waited.Elapsed < TimeSpan.FromSeconds(30);)
                    await Task.Delay(20);
                Assert.All(Orgs, o => Assert.True(burst.Acknowledged[o] > before[o], $"{o}: no save after the backup began"));
            }
            Assert.False(File.Exists(file + ".partial"));
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));

            if (db == Db.Postgres)
            {
                restoredDb = TemplateDatabase.NewName();
                await using var admin = new NpgsqlConnection($"{Databases.Postgres};Database=postgres");
                await admin.OpenAsync();
                await using (var create = new NpgsqlCommand($"CREATE DATABASE {restoredDb}", admin)) await create.ExecuteNonQueryAsync();
            }
            var target = restoredDb is null ? null : $"{Databases.Postgres};Database={restoredDb}";
            var restore = await ServedApp.Verb(restoredDir, target, "restore", file);
            Assert.True(restore.Code == 0, restore.Error);
            Assert.Contains("Gendannet", restore.Out);
            // A second restore would overwrite: refused, and the database is left as it is.
            var again = await ServedApp.Verb(restoredDir, target, "restore", file);
            Assert.Equal(1, again.Code);
            Assert.Contains("er ikke tom", again.Error);

            await using var restored = Open(db, restoredDir, target);
            foreach (var org in Orgs)
            {
                var response = await restored.Responses.Where(r => r.Collection!.Slug == Collection && r.Organisation!.Slug == org).Select(r => r.Id).SingleAsync();
                var text = await restored.Answers.Where(a => a.ResponseId == response && a.FieldKey == "tekst").Select(a => a.Value).SingleAsync();
                var stored = int.Parse(text!["gem ".Length..]);
                Assert.True(stored >= before[org], $"{org}: {stored} restored, {before[org]} acknowledged before the backup began");
            }
        }
        finally
        {
            await data.RemoveData();
            NpgsqlConnection.ClearAllPools();
            if (restoredDb is not null) await Postgres.DropDatabase(restoredDb);
            Directory.Delete(folder, true);
        }
    }

    static Data.AppDbContext Open(Db db, string dataDir, string? postgres) => db == Db.Postgres
        ? new Data.PostgresAppDbContext(new DbContextOptionsBuilder<Data.PostgresAppDbContext>().UseNpgsql(postgres).Options)
        : new Data.SqliteAppDbContext(new DbContextOptionsBuilder<Data.SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(dataDir, "samraad.db")};Pooling=False").Options);
}
