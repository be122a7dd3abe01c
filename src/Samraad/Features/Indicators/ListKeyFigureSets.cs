using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Indicators;

/// <summary>The key figure sets with at least one reporter the user may see, and which reporters those are.</summary>
public sealed class ListKeyFigureSets(AppDbContext db)
{
    public async Task<Outcome<IReadOnlyList<KeyFigureSetItem>>> Handle(UserContext user, CancellationToken ct = default)
    {
        var sets = await db.KeyFigureSets.AsNoTracking().Include(s => s.Reporters).ThenInclude(r => r.Organisation).OrderBy(s => s.Title).ToListAsync(ct);
        return Outcome<IReadOnlyList<KeyFigureSetItem>>.Success(sets
            .Select(s => (Set: s, Visible: new KeyFigureContext(s, s.Reporters.Select(r => (r.OrganisationId, r.Organisation!.Name)).ToList()).Visible(user)))
            .Where(x => x.Visible.Count > 0)
            .Select(x => new KeyFigureSetItem(x.Set.Slug, x.Set.Title, x.Set.PeriodKind.ToString(), x.Set.FirstPeriod, x.Set.LastPeriod,
                Periods.Label(x.Set.PeriodKind, x.Set.FirstPeriod), Periods.Label(x.Set.PeriodKind, x.Set.LastPeriod), x.Visible.Select(r => r.Name).ToList()))
            .ToList());
    }
}
