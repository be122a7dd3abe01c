using Microsoft.EntityFrameworkCore;

namespace Samraad.Features.Reference;

/// <summary>Municipalities, regions, KKRs, partners, group sets and reference figures: pages, API, start-up import and `reference export`.</summary>
public sealed class ReferenceFeature : IFeature
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ImportMunicipalities>();
        services.AddScoped<ImportPartners>();
        services.AddScoped<ListOrganisations>();
        services.AddScoped<ImportReferenceFigures>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapReferenceEndpoints();

    /// <summary>The municipalities once (an administrator may re-import them later); partners and population figures at every start.</summary>
    public async Task Start(StartContext start)
    {
        var db = start.Get<Data.AppDbContext>();
        if (!await db.Organisations.AnyAsync(o => o.Kind == OrganisationKind.Kommune))
        {
            var result = await start.Get<ImportMunicipalities>().Handle(await File.ReadAllTextAsync(Path.Combine(start.ReferenceDir, "kommuner.csv")), "kommuner.csv");
            if (!result.Ok) throw new InvalidDataException("kommuner.csv: " + string.Join("; ", result.Errors));
        }
        await start.Get<ImportPartners>().Handle(await File.ReadAllTextAsync(Path.Combine(start.ReferenceDir, "partnere.csv")));
        await start.Get<ImportReferenceFigures>().Handle(await File.ReadAllTextAsync(Path.Combine(start.ReferenceDir, "befolkning.csv")), "befolkning", "befolkning");
    }

    public IEnumerable<CliVerb> Verbs =>
    [
        new("reference", "reference export                        kommuner i kommuner.csv-format", async call =>
        {
            if (call.Argument(0) != "export") return call.Usage();
            var rows = await call.Get<ListOrganisations>().Handle(new(nameof(OrganisationKind.Kommune), null, null, null));
            return await call.Write(ExportReference.Municipalities(rows), binary: false);
        }),
    ];
}
