using Microsoft.EntityFrameworkCore;
using Samraad.Auth;
using Samraad.Data;
using Samraad.Common;

namespace Samraad.Features.Contracts;

/// <summary>A contract in the list.</summary>
public sealed record ContractListItem(string Slug, string Title, int Year, string Owner, string Hub);

/// <summary>One measured part of a goal.</summary>
public sealed record MeasureDto(string Label, string Status, string Actual, string Target, string? Projection, IReadOnlyList<string> Explanation);

/// <summary>A goal with its status now.</summary>
public sealed record GoalDto(int Number, string Title, string Scope, string Target, string Method, string Reporting, string Cadence,
    string Status, string StatusLabel, IReadOnlyList<MeasureDto> Measures, string? QualitativeText, IReadOnlyList<string> Evidence);

/// <summary>The contract with every goal's status.</summary>
public sealed record ContractStatusDto(string Slug, string Title, int Year, DateOnly? DataDate, DateTime? LastImportUtc, int Registrations, int Evaluations,
    string? DemoNote, IReadOnlyList<GoalDto> Goals);

/// <summary>JSON API for performance contracts; only the contract's parties and the secretariat see them.</summary>
public static class ContractApi
{
    public static void MapContractApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/contracts").RequireAuthorization().WithTags("Resultatkontrakter");
        api.MapGet("", async (HttpContext http, AppDbContext db) =>
        {
            var user = UserContext.From(http.User)!;
            return (await List(db)).Where(c => c.Visible(user)).Select(c => c.Item).ToList();
        }).WithSummary("Resultatkontrakter, brugeren er part i");
        api.MapGet("/{slug}", async (string slug, HttpContext http, AppDbContext db) =>
        {
            var ctx = await ContractContext.Load(db, slug);
            if (ctx is null) return ApiProblems.NotFound("Kontrakten findes ikke.");
            if (!ctx.CanSee(UserContext.From(http.User))) return ApiProblems.Forbidden("Kun kontraktens parter og sekretariatet kan se kontrakten.");
            return Results.Ok(Status(await ctx.Report(db)));
        }).WithSummary("Kontrakten med hvert måls mål, faktiske tal, fremskrivning og status");
    }

    public static async Task<List<(ContractListItem Item, Func<UserContext, bool> Visible)>> List(AppDbContext db) =>
        (await db.Contracts.Include(c => c.Owner).Include(c => c.Hub).OrderBy(c => c.Year).ToListAsync())
        .Select(c => (new ContractListItem(c.Slug, c.Title, c.Year, c.Owner!.Slug, c.Hub!.Slug), (Func<UserContext, bool>)(u => new ContractContext(c).CanSee(u))))
        .ToList();

    public static ContractStatusDto Status(ContractReport r) => new(r.Contract.Slug, r.Contract.Title, r.Contract.Year, r.Figures.DataDate, r.LastImportUtc,
        r.Figures.Cases, r.Figures.Evaluations, r.Contract.DemoNote,
        r.Goals.Select(g => new GoalDto(g.Goal.Number, g.Goal.Title, g.Goal.Scope.ToString(), g.Goal.Target, g.Goal.Method, g.Goal.Reporting, g.Goal.Cadence,
            g.Status.ToString(), GoalStatuses.Label(g.Status),
            g.Measures.Select(m => new MeasureDto(m.Label, m.Status.ToString(), m.Actual, m.Target, m.Projection, m.Lines)).ToList(),
            g.Qualitative?.Text, g.Qualitative?.Evidence?.Split('\n') ?? [])).ToList());
}
