namespace Samraad.Features.Contracts;

/// <summary>JSON API for performance contracts; only the contract's parties and the secretariat see them.</summary>
public static class ContractApi
{
    public static void MapContractApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/contracts").RequireAuthorization().WithTags("Resultatkontrakter");
        api.MapGet("", async (HttpContext http, ListContracts list) => (await list.Handle(UserContext.From(http.User)!)).Value)
            .WithSummary("Resultatkontrakter, brugeren er part i");
        api.MapGet("/{slug}", async (string slug, HttpContext http, ReadContractStatus read) =>
                ApiProblems.Ok(await read.Handle(slug, UserContext.From(http.User)!)))
            .WithSummary("Kontrakten med hvert måls mål, faktiske tal, fremskrivning og status");
    }
}
