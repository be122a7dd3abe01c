namespace Samraad.Features.Pools;

/// <summary>Loan pools: applications on the collections engine, eligibility, allocation, letters; pages, API, `pools` and `allocate`.</summary>
public sealed class PoolsFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<LoadPoolPacks>();
        services.AddScoped<GenerateDemoApplications>();
        services.AddScoped<AssessProject>();
        services.AddScoped<UploadPoolDocument>();
        services.AddScoped<IssueDecisions>();
        services.AddScoped<ListPools>();
        services.AddScoped<ReadApplications>();
        services.AddScoped<ReadAllocation>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapPoolPages();
        app.MapPoolApi();
    }

    public Task Start(StartContext start) => start.Get<LoadPoolPacks>().Handle(start.PacksDir, start.DemoData);

    public IEnumerable<CliVerb> Verbs =>
    [
        new("pools", "pools --format json                     puljer", async call => await call.Json(await call.Get<ListPools>().Handle())),
        new("allocate", "allocate <pulje> --format json          fordelingen: kriterier, rang, tilsagn pr. år og begrundelse pr. projekt", async call =>
            call.Argument(0) is { } slug ? await call.Json(await call.Get<ReadAllocation>().Handle(slug, call.User)) : call.Usage()),
    ];
}
