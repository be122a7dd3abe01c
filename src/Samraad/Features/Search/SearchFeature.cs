using Samraad.Data;
using Samraad.Features.Meetings;

namespace Samraad.Features.Search;

/// <summary>Full-text search over meetings, items, decisions and attachment pages, kept current by meeting changes: Lucene on SQLite, PostgreSQL's own on PostgreSQL.</summary>
public sealed class SearchFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<LuceneSearch>();
        services.AddSingleton<PostgresSearch>();
        services.AddSingleton<ISearch>(sp => sp.GetRequiredService<SamraadOptions>().IsPostgres
            ? sp.GetRequiredService<PostgresSearch>() : sp.GetRequiredService<LuceneSearch>());
        services.AddSingleton<IMeetingListener>(sp => sp.GetRequiredService<ISearch>());
        services.AddSingleton<Collections.ICollectionListener>(sp => sp.GetRequiredService<ISearch>());
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapSearchEndpoints();

    /// <summary>On PostgreSQL, meetings without entries (a database from before search lived in it) are indexed now; Lucene builds on first use.</summary>
    public async Task Start(StartContext start)
    {
        if (start.Get<SamraadOptions>().IsPostgres)
            await start.Get<PostgresSearch>().IndexMissing(start.Get<AppDbContext>(), CancellationToken.None);
    }
}
