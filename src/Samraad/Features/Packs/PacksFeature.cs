using Samraad.Features.Packs.Pages;

namespace Samraad.Features.Packs;

/// <summary>The administrator's view of the packs: which were loaded at the last start and which were refused, and why.</summary>
public sealed class PacksFeature : IFeature
{
    public void AddServices(IServiceCollection services) => services.AddSingleton<PackReport>();

    public void MapEndpoints(IEndpointRouteBuilder app) =>
        app.MapGet("/pakker", (HttpContext http, PackReport report) => UserContext.From(http.User) is { IsAdmin: true }
                ? Html.Render<PacksPage>(new { Results = report.All })
                : Html.Forbidden())
            .RequireAuthorization().ExcludeFromDescription();
}
