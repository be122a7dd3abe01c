using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Contracts;

/// <summary>The contracts the user is a party to (or administers).</summary>
public sealed class ListContracts(AppDbContext db)
{
    public async Task<Outcome<IReadOnlyList<ContractListItem>>> Handle(UserContext user, CancellationToken ct = default) =>
        Outcome<IReadOnlyList<ContractListItem>>.Success(
            (await db.Contracts.Include(c => c.Owner).Include(c => c.Hub).OrderBy(c => c.Year).ToListAsync(ct))
            .Where(c => new ContractContext(c).CanSee(user))
            .Select(c => new ContractListItem(c.Slug, c.Title, c.Year, c.Owner!.Slug, c.Hub!.Slug)).ToList());
}
