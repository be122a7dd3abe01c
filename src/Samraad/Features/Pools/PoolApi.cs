using Microsoft.EntityFrameworkCore;
using Samraad.Auth;
using Samraad.Data;
using Samraad.Common;

namespace Samraad.Features.Pools;

/// <summary>A pool in the list.</summary>
public sealed record PoolListItem(string Slug, string Title, string Owner, string Collection, IReadOnlyDictionary<int, long> BudgetThousands, DateOnly DecisionBy, DateTime? DecisionsIssuedAtUtc);

/// <summary>One criterion's result for a project.</summary>
public sealed record CriterionDto(int Number, string Status, string Reason);

/// <summary>A project of an application with its eligibility.</summary>
public sealed record ProjectDto(int Index, string Name, long Loan2025, long Loan2026, long Places2025, long Places2026, decimal? ShareForOthers,
    DateOnly? CompletedBy, long? GrossCost, string? Kind, bool Eligible, bool AwaitsAssessment, int PricingScore, IReadOnlyList<CriterionDto> Criteria);

/// <summary>A submitted application.</summary>
public sealed record ApplicationDto(string Municipality, string Slug, int Code, string Region, string? Coordination, string Receipt, DateTime SubmittedAtUtc, IReadOnlyList<ProjectDto> Projects);

/// <summary>One project in the allocation.</summary>
public sealed record AllocationRowDto(int? Rank, string Municipality, string Slug, int Code, string Region, int ProjectIndex, string Project,
    string Outcome, long Granted2025, long Granted2026, IReadOnlyList<CriterionDto> Eligibility, IReadOnlyList<string> Reasons);

/// <summary>The allocation with budgets and what is left (amounts in whole 1,000 kr.).</summary>
public sealed record AllocationDto(string Pool, IReadOnlyDictionary<int, long> Budgets, IReadOnlyDictionary<int, long> Remaining, bool RegionalBalanceApplied, IReadOnlyList<AllocationRowDto> Rows);

/// <summary>JSON API for pools: list, applications with eligibility, and the allocation (with what-if budgets).</summary>
public static class PoolApi
{
    public static void MapPoolApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/pools").RequireAuthorization().WithTags("Puljer");
        api.MapGet("", async (AppDbContext db) => await List(db)).WithSummary("Puljer");
        api.MapGet("/{slug}/applications", async (string slug, HttpContext http, AppDbContext db) =>
        {
            var ctx = await PoolContext.Load(db, slug);
            if (ctx is null) return ApiProblems.NotFound("Puljen findes ikke.");
            if (!ctx.CanAdminister(UserContext.From(http.User))) return ApiProblems.Forbidden();
            return Results.Ok(Applications(await ctx.Reviews(db)));
        }).WithSummary("Indsendte ansøgninger med automatisk kriterietjek pr. projekt");
        api.MapGet("/{slug}/allocation", async (string slug, long? budget2025, long? budget2026, HttpContext http, AppDbContext db) =>
        {
            var ctx = await PoolContext.Load(db, slug);
            if (ctx is null) return ApiProblems.NotFound("Puljen findes ikke.");
            if (!ctx.CanAdminister(UserContext.From(http.User))) return ApiProblems.Forbidden();
            var budgets = ctx.Pool.BudgetThousands.ToDictionary();
            if (budget2025 is long b25) budgets[2025] = b25;
            if (budget2026 is long b26) budgets[2026] = b26;
            if (budgets.Values.Any(b => b < 0)) return ApiProblems.Invalid("Ugyldigt budget", [new("budget", "Et budget kan ikke være negativt")]);
            return Results.Ok(await Allocation(db, ctx, budgets));
        }).WithSummary("Fordeling (deterministisk) med rang, beløb og begrundelse; budget2025/budget2026 for hvad-nu-hvis");
    }

    public static async Task<List<PoolListItem>> List(AppDbContext db) =>
        (await db.Pools.Include(p => p.Owner).Include(p => p.Budgets).Include(p => p.Collection).OrderBy(p => p.Slug).ToListAsync())
        .Select(p => new PoolListItem(p.Slug, p.Title, p.Owner!.Slug, p.Collection!.Slug, p.BudgetThousands, p.DecisionBy, p.DecisionsIssuedAtUtc)).ToList();

    static List<ApplicationDto> Applications(IReadOnlyList<ProjectReview> reviews) => reviews.GroupBy(r => r.Application.OrganisationId).Select(g =>
    {
        var a = g.First().Application;
        return new ApplicationDto(a.Municipality, a.Slug, a.Code, a.Region, a.Coordination, a.ReceiptNumber, a.SubmittedAtUtc, g.Select(r => new ProjectDto(
            r.Project.Index, r.Project.Name, r.Project.Loan2025, r.Project.Loan2026, r.Project.Places2025, r.Project.Places2026, r.Project.ShareForOthers,
            r.Project.CompletedBy, r.Project.GrossCost, r.Project.Kind, r.Eligible, r.AwaitsAssessment, r.Assessment?.PricingScore ?? 0, Criteria(r))).ToList());
    }).ToList();

    static List<CriterionDto> Criteria(ProjectReview r) => r.Criteria.Select(c => new CriterionDto(c.Number, c.Status.ToString(), c.Reason)).ToList();

    public static async Task<AllocationDto> Allocation(AppDbContext db, PoolContext ctx, IReadOnlyDictionary<int, long>? budgets = null)
    {
        var reviews = await ctx.Reviews(db);
        var result = PoolContext.Allocate(reviews, budgets ?? ctx.Pool.BudgetThousands);
        return new AllocationDto(ctx.Pool.Slug, result.Budgets, result.Remaining, result.RegionalBalanceApplied, result.Rows
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Application.Code).ThenBy(r => r.Project.Index)
            .Select(r => new AllocationRowDto(r.Rank, r.Application.Municipality, r.Application.Slug, r.Application.Code, r.Application.Region,
                r.Project.Index, r.Project.Name, r.Outcome.ToString(), r.Granted2025, r.Granted2026,
                Criteria(reviews.First(x => x.Application.OrganisationId == r.Application.OrganisationId && x.Project.Index == r.Project.Index)), r.Reasons)).ToList());
    }
}
