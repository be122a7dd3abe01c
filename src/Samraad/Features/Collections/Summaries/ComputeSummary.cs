using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Reference;

namespace Samraad.Features.Collections.Summaries;

/// <summary>Everything the summary page and API show, computed now from the latest receipts.</summary>
public sealed record SummaryReport(
    CollectionContext Context,
    SummaryInput Input,
    Progress Progress,
    IReadOnlyList<LeafSummary> Leaves,
    IReadOnlyList<ComputedSummaryTable> Tables,
    IReadOnlyList<FigureCheck> Checks,
    IReadOnlyList<GroupSet> GroupSets,
    GroupBreakdown? Breakdown,
    string? BreakdownName,
    IReadOnlyList<TableSummary> RepeatingTables)
{
    public IEnumerable<FigureCheck> Differences => Checks.Where(c => !c.Agrees);
}

public sealed class ComputeSummary(AppDbContext db)
{
    public async Task<SummaryReport> Handle(CollectionContext ctx, string? groupSetKey, CancellationToken ct = default)
    {
        var input = await LoadSummaryInput.Handle(db, ctx, ct);
        var checks = Reconciliation.Check(input, await LoadSummaryInput.PrintedFigures(db, ctx.Collection.Id, ct));
        var tables = SummaryTableSpec.ParseList(ctx.Collection.SummaryTablesJson)
            .Select(t => SummaryTables.Compute(t, input, checks)).ToList();
        var sets = await db.GroupSets.Include(s => s.Groups).OrderBy(s => s.SortOrder).ToListAsync(ct);
        var chosen = sets.FirstOrDefault(s => s.Key == groupSetKey);
        GroupBreakdown? breakdown = null;
        if (chosen is not null)
        {
            // Only groups that have a respondent in them: KKR Sjælland has no "Storbykommuner".
            var present = input.Respondents.Select(r => r.Groups.GetValueOrDefault(chosen.Key)).ToHashSet();
            var order = chosen.Groups.OrderBy(g => g.SortOrder).Select(g => g.Name).Where(present.Contains).ToList();
            breakdown = Summary.ByGroup(input, chosen.Key, order);
        }
        return new SummaryReport(ctx, input, await ReadProgress.Handle(db, ctx, ct), Summary.Compute(input), tables, checks,
            sets, breakdown, chosen?.Name, Summary.Tables(input));
    }
}
