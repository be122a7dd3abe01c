using Samraad.Data;

namespace Samraad.Features.Indicators;

/// <summary>Key figures as JSON: the sets the user may see; a set's fields, indicators (with formula in words) and checks per reporter and period.</summary>
public static class IndicatorApi
{
    public static void MapIndicatorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/indicators").RequireAuthorization().WithTags("Nøgletal og indikatorer");
        api.MapGet("", async (HttpContext http, ListKeyFigureSets list) => ApiProblems.Ok(await list.Handle(UserContext.From(http.User)!)))
            .WithSummary("Nøgletalssæt, brugeren kan se");
        api.MapGet("/{slug}", async (string slug, string? groupSet, HttpContext http, ReadKeyFigures read) =>
            ApiProblems.Ok(await read.Handle(slug, groupSet, UserContext.From(http.User)!)))
            .WithSummary("Nøgletal og indikatorer pr. indberetter og periode; groupSet= for opdeling").Produces<KeyFigureReportDto>().ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/{slug}/summary", async (string slug, HttpContext http, AppDbContext db) =>
        {
            var (ctx, denied) = await Guard.Api(KeyFigureContext.Load(db, slug), "Nøgletallene findes ikke.", k => k.Visible(UserContext.From(http.User)!).Count > 0,
                "Du har ikke adgang til disse nøgletal.");
            if (ctx is null) return denied!;
            var visible = ctx.Visible(UserContext.From(http.User)!);
            var summary = await SummariseKeyFigures.Handle(db, ctx.Set.Id, visible.Select(r => r.Id).ToList());
            return Results.Ok(summary.OrderBy(s => s.Period).ThenBy(s => s.Key, StringComparer.Ordinal));
        }).WithSummary("Nøgletallene for alle indberettere samlet").Produces<List<FieldPeriodSummary>>().ProducesProblem(403).ProducesProblem(404);
    }
}
