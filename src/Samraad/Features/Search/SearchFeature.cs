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
}
