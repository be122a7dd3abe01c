namespace Samraad.Features.Home;

/// <summary>The front page: a page per role (what to answer, what to follow up, the next meeting's packet, the pool's queue).</summary>
public sealed class HomeFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ReadHome>();
        services.AddScoped<IMenu, Navigation>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) =>
        app.MapGet("/", async (string? arkiv, HttpContext http, ReadHome read, Collections.ListFrontPageCollections list) =>
        {
            var user = UserContext.From(http.User)!;
            if (arkiv == "1") return Html.Render<ArchivePage>(new { Items = await list.Handle(user, archive: true) });
            return Html.Render<HomePage>(new { Home = await read.Handle(user) });
        }).RequireAuthorization().ExcludeFromDescription();
}
