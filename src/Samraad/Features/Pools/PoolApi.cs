namespace Samraad.Features.Pools;

/// <summary>JSON API for pools: list, applications with eligibility, and the allocation (with what-if budgets).</summary>
public static class PoolApi
{
    public static void MapPoolApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/pools").RequireAuthorization().WithTags("Puljer");
        api.MapGet("", async (ListPools list) => (await list.Handle()).Value).WithSummary("Puljer");
        api.MapGet("/{slug}/applications", async (string slug, HttpContext http, ReadApplications read) =>
            ApiProblems.Ok(await read.Handle(slug, UserContext.From(http.User)!)))
            .WithSummary("Indsendte ansøgninger med automatisk kriterietjek pr. projekt");
        api.MapGet("/{slug}/allocation", async (string slug, long? budget2025, long? budget2026, HttpContext http, ReadAllocation read) =>
        {
            var budgets = new Dictionary<int, long>();
            if (budget2025 is long b25) budgets[2025] = b25;
            if (budget2026 is long b26) budgets[2026] = b26;
            return ApiProblems.Ok(await read.Handle(slug, UserContext.From(http.User)!, budgets));
        }).WithSummary("Fordeling (deterministisk) med rang, beløb og begrundelse; budget2025/budget2026 for hvad-nu-hvis");
    }
}
