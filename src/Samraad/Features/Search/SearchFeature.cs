using Samraad.Data;
using Samraad.Features.Meetings;

namespace Samraad.Features.Search;

/// <summary>Full-text search over meetings, items, decisions and attachment pages: the index, kept current by meeting changes.</summary>
public sealed class SearchFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<IMeetingListener>(sp => sp.GetRequiredService<SearchIndex>());
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapSearchEndpoints();

    /// <summary>The index lives in memory: built from the database at every start.</summary>
    public Task Start(StartContext start) => start.Get<SearchIndex>().RebuildAll(start.Get<AppDbContext>());
}
