using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Samraad.Data;

/// <summary>
/// Whether a failed save lost a race rather than hit a bug: a row changed since it was read (a concurrency token
/// no longer matched), the same unique row was created by someone else at the same moment, or SQLite was busy
/// with another writer. The loser is told to fetch the current state and try again; nothing of it is saved.
/// </summary>
public static class DbConflicts
{
    public static bool IsConflict(DbUpdateException e) => e is DbUpdateConcurrencyException || e.InnerException switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure,
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 /* SQLITE_BUSY */ || sqlite.SqliteExtendedErrorCode is 2067 /* SQLITE_CONSTRAINT_UNIQUE */,
        _ => false,
    };
}
