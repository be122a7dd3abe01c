using Samraad.Data;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections.Summaries;

/// <summary>One question in one period: how many answered, and the figure to show (a sum, option counts, missing codes).</summary>
public sealed record SeriesCell(int Answered, string Display, decimal? Sum);
public sealed record SeriesRow(string Key, string Label, bool Numeric, IReadOnlyList<SeriesCell> Cells);

/// <summary>A periodic collection over its periods: submitted responses per period and every question as a time series.</summary>
public sealed record PeriodSeries(IReadOnlyList<string> Periods, IReadOnlyList<string> Labels, IReadOnlyList<int> Submitted, IReadOnlyList<SeriesRow> Rows);

public static class ComputePeriodSeries
{
    /// <summary>Null for a one-off collection. Each period is summarised from its own latest receipts, as the summary does.</summary>
    public static async Task<PeriodSeries?> Handle(AppDbContext db, CollectionContext ctx, CancellationToken ct = default)
    {
        if (!ctx.Collection.IsPeriodic) return null;
        var periods = ctx.Collection.Periods();
        var perPeriod = new List<(int Submitted, IReadOnlyList<LeafSummary> Leaves)>();
        foreach (var p in periods)
        {
            var input = await LoadSummaryInput.Handle(db, ctx.ForPeriod(p)!, ct);
            perPeriod.Add((input.Submitted.Count, Summary.Compute(input)));
        }
        return Build(periods, periods.Select(ctx.Collection.PeriodLabel).ToList(), perPeriod);
    }

    /// <summary>
    /// The series of several summaries side by side, question by question as the last one asks them (matched by key:
    /// a question the earlier one did not ask shows "ikke spurgt").
    /// </summary>
    public static PeriodSeries Build(IReadOnlyList<string> keys, IReadOnlyList<string> labels, IReadOnlyList<(int Submitted, IReadOnlyList<LeafSummary> Leaves)> columns)
    {
        var byKey = columns.Select(c => c.Leaves.ToDictionary(l => l.Leaf.Key)).ToList();
        var rows = columns[^1].Leaves.Select(l => l.Leaf).Select(leaf =>
        {
            var numeric = FieldValues.IsNumeric(leaf.Spec.Type);
            return new SeriesRow(leaf.Key, leaf.Label, numeric, byKey.Select(c => c.TryGetValue(leaf.Key, out var s) && s.Leaf.Spec.Type == leaf.Spec.Type
                ? Cell(s, numeric) : new SeriesCell(0, "ikke spurgt", null)).ToList());
        }).ToList();
        return new PeriodSeries(keys, labels, columns.Select(x => x.Submitted).ToList(), rows);
    }

    static SeriesCell Cell(LeafSummary s, bool numeric)
    {
        var missing = string.Join(" · ", s.MissingCodes.Where(m => m.Count > 0).Select(m => $"{m.Label} ({m.Count})"));
        string display;
        if (numeric && s.Sum is decimal sum)
            display = (s.Leaf.Spec.Type == FieldType.Amount ? sum.ToString("N0", DanishTime.Culture) + " kr." : sum.ToString("#,##0.##", DanishTime.Culture))
                + (s.Answered > 1 ? $" (sum af {s.Answered})" : "");
        else if (s.Options.Count > 0 && s.Answered > 0)
            display = string.Join(" · ", s.Options.Where(o => o.Count > 0).Select(o => $"{o.Label} {o.Count}"));
        else display = s.Answered > 0 ? $"{s.Answered} svar" : "–";
        if (missing != "") display = display == "–" ? missing : $"{display}; {missing}";
        return new SeriesCell(s.Answered, display, numeric ? s.Sum : null);
    }
}
