using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Samraad.Data;

namespace Samraad.Bench;

/// <summary>Benchmark data in bulk, inside the caller's transaction.</summary>
public static class BulkInsert
{
    /// <summary>Bulk insert: PostgreSQL's binary COPY, or one prepared INSERT reused per row on SQLite.</summary>
    public static async Task Rows(AppDbContext db, string table, string[] columns, int count, Func<int, object[]> row, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        var columnList = string.Join(",", columns.Select(c => $"\"{c}\""));
        if (conn is Npgsql.NpgsqlConnection npgsql)
        {
            await using var copy = await npgsql.BeginBinaryImportAsync($"COPY \"{table}\" ({columnList}) FROM STDIN (FORMAT BINARY)", ct);
            for (var i = 0; i < count; i++) await copy.WriteRowAsync(ct, row(i));
            await copy.CompleteAsync(ct);
            return;
        }
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        cmd.CommandText = $"INSERT INTO \"{table}\" ({columnList}) VALUES ({string.Join(",", columns.Select((_, c) => $"@p{c}"))})";
        var parameters = columns.Select((_, c) => { var p = cmd.CreateParameter(); p.ParameterName = $"@p{c}"; cmd.Parameters.Add(p); return p; }).ToArray();
        cmd.Prepare();
        for (var i = 0; i < count; i++)
        {
            var values = row(i);
            for (var c = 0; c < values.Length; c++) parameters[c].Value = values[c];
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
