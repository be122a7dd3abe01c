using Microsoft.EntityFrameworkCore;
using Samraad.Hosting;

namespace Samraad.Data;

/// <summary>Registers the provider-specific DbContext and exposes it to the app as <see cref="AppDbContext"/>.</summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddSamraadDatabase(this IServiceCollection services, SamraadOptions options)
    {
        if (options.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(options.Db))
                throw new InvalidOperationException("PostgreSQL kræver en forbindelsesstreng: --db \"Host=…;Database=…;Username=…;Password=…\" eller SAMRAAD_DB.");
            services.AddDbContext<PostgresAppDbContext>(o => o.UseNpgsql(options.Db, x => x.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
        }
        else
        {
            Directory.CreateDirectory(options.FullDataDir);
            services.AddDbContext<SqliteAppDbContext>(o => o.UseSqlite(options.SqliteConnectionString, x => x.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
        }
        return services;
    }
}
