using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Samraad.Data;

/// <summary>
/// SQLite waits for a busy database itself (<c>PRAGMA busy_timeout</c>, in steps of a few milliseconds) instead of
/// handing SQLITE_BUSY back to Microsoft.Data.Sqlite, whose retry sleeps 150 ms at a time on a blocked thread: under a
/// deadline day's concurrent saves that sleep was most of the slowest saves' time (`bench load`). The pragma belongs to
/// the native connection, so it is set each time one is opened (a statement without I/O).
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    const string Pragma = "PRAGMA busy_timeout = 30000;"; // as long as the commands' own 30 s timeout

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
