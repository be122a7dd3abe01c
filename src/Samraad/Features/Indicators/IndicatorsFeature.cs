namespace Samraad.Features.Indicators;

/// <summary>Key figure sets with pack-defined indicators, checks and printed figures; pages, API and `indicators`.</summary>
public sealed class IndicatorsFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<LoadKeyFigurePacks>();
        services.AddScoped<EnterKeyFigures>();
        services.AddScoped<ListKeyFigureSets>();
        services.AddScoped<ReadKeyFigures>();
        services.AddScoped<ILiveSource, KeyFigureSource>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapIndicatorApi();
        app.MapIndicatorPages();
    }

    public Task Start(StartContext start) => start.Get<LoadKeyFigurePacks>().Handle(start.PacksDir);

    public IEnumerable<CliVerb> Verbs =>
    [
        new("indicators", "indicators [<nøgletal>] --format json   nøgletalssæt; et sæts tal, indikatorer (med formel) og kontroller", async call =>
            call.Argument(0) is { } slug
                ? await call.Json(await call.Get<ReadKeyFigures>().Handle(slug, null, call.User))
                : await call.Json(await call.Get<ListKeyFigureSets>().Handle(call.User))),
    ];
}
