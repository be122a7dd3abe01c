using Samraad.Data;

namespace Samraad.Features.Pools;

/// <summary>The allocation as the caseworker's API and the command line give it; other budgets make it a what-if, never saved.</summary>
public sealed class ReadAllocation(AppDbContext db)
{
    public async Task<Outcome<AllocationDto>> Handle(string slug, UserContext user, IReadOnlyDictionary<int, long>? budgets = null, CancellationToken ct = default)
    {
        var found = await Guard.Read(PoolContext.Load(db, slug), "Puljen findes ikke.", p => p.CanAdminister(user));
        if (found.Value is not { } ctx) return found.As<AllocationDto>();
        var chosen = ctx.Pool.BudgetThousands.ToDictionary();
        foreach (var (year, amount) in budgets ?? new Dictionary<int, long>()) chosen[year] = amount;
        if (chosen.Values.Any(b => b < 0)) return Outcome<AllocationDto>.Fail(Problem.Invalid, "Ugyldigt budget", [new("budget", "Et budget kan ikke være negativt")]);

        var reviews = await ctx.Reviews(db);
        var result = PoolContext.Allocate(reviews, chosen);
        return Outcome<AllocationDto>.Success(new AllocationDto(ctx.Pool.Slug, result.Budgets, result.Remaining, result.RegionalBalanceApplied, result.Rows
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Application.Code).ThenBy(r => r.Project.Index)
            .Select(r => new AllocationRowDto(r.Rank, r.Application.Municipality, r.Application.Slug, r.Application.Code, r.Application.Region,
                r.Project.Index, r.Project.Name, r.Outcome.ToString(), r.Granted2025, r.Granted2026,
                ReadApplications.Criteria(reviews.First(x => x.Application.OrganisationId == r.Application.OrganisationId && x.Project.Index == r.Project.Index)),
                r.Reasons)).ToList()));
    }
}
