using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Pools;

/// <summary>Every pool with its budgets (pools are public information: any signed-in user sees the list).</summary>
public sealed class ListPools(AppDbContext db)
{
    public async Task<Outcome<IReadOnlyList<PoolListItem>>> Handle(CancellationToken ct = default) =>
        Outcome<IReadOnlyList<PoolListItem>>.Success(
            (await db.Pools.Include(p => p.Owner).Include(p => p.Budgets).Include(p => p.Collection).OrderBy(p => p.Slug).ToListAsync(ct))
            .Select(p => new PoolListItem(p.Slug, p.Title, p.Owner!.Slug, p.Collection!.Slug, p.BudgetThousands, p.DecisionBy, p.DecisionsIssuedAtUtc)).ToList());
}
