using Microsoft.EntityFrameworkCore;

namespace Samraad.Data;

/// <summary>
/// Registers both provider-specific DbContexts and exposes the configured one as <see cref="AppDbContext"/>.
/// Options are read when a context is first resolved, not at registration, so configuration added late
/// (tests, hosting overrides) still decides the database. Interceptors the features register (IInterceptor) are added to both.
/// </summary>
public static class DatabaseSetup
{
    static readonly SqliteBusyTimeout BusyTimeout = new();

    public static IServiceCollection AddSamraadDatabase(this IServiceCollection services)
    {
        services.AddDbContext<PostgresAppDbContext>((sp, o) =>
        {
            var options = sp.GetRequiredService<SamraadOptions>();
            if (string.IsNullOrWhiteSpace(options.Db))
                throw new InvalidOperationException("PostgreSQL kræver en forbindelsesstreng: --db \"Host=…;Database=…;Username=…;Password=…\" eller SAMRAAD_DB.");
            o.UseNpgsql(options.Db, x => x.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });
        services.AddDbContext<SqliteAppDbContext>((sp, o) =>
        {
            var options = sp.GetRequiredService<SamraadOptions>();
            Directory.CreateDirectory(options.FullDataDir);
            if (options.Db is null) PrivateFiles.Database(Path.Combine(options.FullDataDir, "samraad.db"));
            o.UseSqlite(options.SqliteConnectionString, x => x.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors([BusyTimeout, .. sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()]);
        });
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SamraadOptions>().IsPostgres
            ? sp.GetRequiredService<PostgresAppDbContext>()
            : sp.GetRequiredService<SqliteAppDbContext>());
        return services;
    }
}
