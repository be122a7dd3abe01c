using System.Reflection;
using Xunit.Sdk;

namespace Samraad.IntegrationTests;

public enum Db { Sqlite, Postgres }

/// <summary>Which databases the integration tests run on: SQLite always, PostgreSQL when SAMRAAD_TEST_POSTGRES is set.</summary>
public static class Databases
{
    /// <summary>e.g. "Host=127.0.0.1;Username=app;Password=app" — each test gets its own database on that server.</summary>
    public static string? Postgres => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("SAMRAAD_TEST_POSTGRES"))
        ? null : Environment.GetEnvironmentVariable("SAMRAAD_TEST_POSTGRES");
}

/// <summary>
/// A theory's database argument, optionally followed by each row of a static member of the test class
/// (<c>[Theory, OnSqlite(nameof(Cases)), OnPostgres(nameof(Cases))]</c>).
/// </summary>
public abstract class DatabaseDataAttribute(Db db, string? cases) : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        if (cases is null) return [[db]];
        var member = testMethod.DeclaringType!.GetMethod(cases, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{testMethod.DeclaringType.Name}.{cases} is not a static method");
        return ((IEnumerable<object[]>)member.Invoke(null, null)!).Select(row => (object[])[db, .. row]);
    }
}

/// <summary>Runs the theory on a SQLite file.</summary>
public sealed class OnSqliteAttribute(string? cases = null) : DatabaseDataAttribute(Db.Sqlite, cases);

/// <summary>
/// Runs the theory on PostgreSQL; where SAMRAAD_TEST_POSTGRES is not set the rows show as skipped with the reason,
/// never silently absent (as bitwarden/server's DatabaseDataAttribute does).
/// </summary>
public sealed class OnPostgresAttribute : DatabaseDataAttribute
{
    public OnPostgresAttribute(string? cases = null) : base(Db.Postgres, cases)
    {
        if (Databases.Postgres is null)
            Skip = "PostgreSQL not configured: set SAMRAAD_TEST_POSTGRES (tools/test.sh does)";
    }
}
