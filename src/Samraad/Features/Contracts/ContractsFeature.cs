namespace Samraad.Features.Contracts;

/// <summary>Performance contracts: goals, imports, entered figures, status; pages, API, `contracts` and `contract-status`.</summary>
public sealed class ContractsFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ContractImports>();
        services.AddScoped<LoadContractPacks>();
        services.AddScoped<EnterFigure>();
        services.AddScoped<SetQualitativeStatus>();
        services.AddScoped<ListContracts>();
        services.AddScoped<ReadContractStatus>();
        services.AddScoped<ILiveSource, ContractStatusSource>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapContractApi();
        app.MapContractPages();
    }

    public Task Start(StartContext start) => start.Get<LoadContractPacks>().Handle(start.PacksDir, start.DemoData);

    public IEnumerable<CliVerb> Verbs =>
    [
        new("contracts", "contracts --format json                 resultatkontrakter", async call => await call.Json(await call.Get<ListContracts>().Handle(call.User))),
        new("contract-status", "contract-status <kontrakt> --format json  hvert mål med måltal, faktisk tal, fremskrivning og status", async call =>
            call.Argument(0) is { } slug ? await call.Json(await call.Get<ReadContractStatus>().Handle(slug, call.User)) : call.Usage()),
    ];
}
