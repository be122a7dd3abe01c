using Samraad.Features.Indicators;

namespace Samraad.Features.Surveys;

/// <summary>A count from the database: the column value (dimension or group; null when not split), the answer number (null = blank).</summary>
public sealed record PivotCount(string? Column, short? Answer, int Count);

public sealed record PivotCell(int Count, decimal? Percent, string? PrintedCount, string? PrintedPercent, bool Differs)
{
    public string PercentDisplay => Percent is decimal p ? $"{p:0} %" : "–";
}

public sealed record PivotRow(string Label, IReadOnlyList<PivotCell> Cells, bool IsTotal = false);

/// <summary>A difference between a printed figure and the computed one, said in words.</summary>
public sealed record SurveyDiscrepancy(string Table, string Row, string Column, string Measure, string Printed, string Computed);

/// <summary>
/// A pivot: rows are the answers of one question in scale order, then "(tom)" for blanks and "Hovedtotal" — or, with
/// categories, the categories (blanks and answers outside every category left out of the base). Columns are the
/// values of a dimension or group, then "Hovedtotal". Percentages are of the column's total, in whole percent, half
/// away from zero, as the seed's spreadsheets round.
/// </summary>
public sealed record PivotTable(string Title, string Question, string QuestionLabel, string? Split, string SplitLabel, bool ByCategory,
    IReadOnlyList<string> Columns, IReadOnlyList<PivotRow> Rows, IReadOnlyList<SurveyDiscrepancy> Discrepancies, int PrintedChecked)
{
    public int ColumnIndex(string column) => Columns.ToList().IndexOf(column);
    public PivotRow? Row(string label) => Rows.FirstOrDefault(r => r.Label == label);
}

public static class SurveyPivot
{
    /// <summary>
    /// The pivot from grouped counts. Column order: the known values (a dimension's list, a group set's order), then
    /// any other value found, in Danish order; with <c>only</c>, just those columns and the total over them.
    /// </summary>
    public static PivotTable Build(SurveyDefinition def, string title, SurveyQuestion q, string? split, string splitLabel, IReadOnlyList<PivotCount> counts,
        IReadOnlyList<string> columnOrder, IReadOnlyList<SurveyCategory>? categories = null, IReadOnlyList<string>? only = null)
    {
        var answers = def.AnswersOf(q);
        var present = counts.Where(c => c.Column is not null).Select(c => c.Column!).Distinct()
            .Where(c => !columnOrder.Contains(c)).Order(StringComparer.Create(DanishTime.Culture, false));
        var columns = split is null ? new List<string>() : columnOrder.Concat(present).Where(c => only is null || only.Contains(c)).ToList();
        var inScope = split is null ? counts : counts.Where(c => c.Column is not null && columns.Contains(c.Column)).ToList();
        // row label → per column counts (last = total)
        var labels = categories is { Count: > 0 }
            ? categories.Select(c => c.Label).ToList()
            : answers.Append(SurveyDefinition.Blank).ToList();
        int RowOf(short? answer)
        {
            if (categories is not { Count: > 0 }) return answer is short a && a < answers.Count ? a : answers.Count;
            if (answer is not short n || n >= answers.Count) return -1;
            return categories.ToList().FindIndex(c => c.Answers.Contains(answers[n]));
        }
        var grid = new int[labels.Count, columns.Count + 1];
        foreach (var c in inScope)
        {
            var r = RowOf(c.Answer);
            if (r < 0) continue;
            if (split is not null) grid[r, columns.IndexOf(c.Column!)] += c.Count;
            grid[r, columns.Count] += c.Count;
        }
        var totals = Enumerable.Range(0, columns.Count + 1).Select(j => Enumerable.Range(0, labels.Count).Sum(i => grid[i, j])).ToArray();
        var allColumns = columns.Append(SurveyDefinition.Total).ToList();

        var printed = (def.Printed ?? []).Where(p => p.Question == q.Key && p.Columns == (split ?? SurveyDefinition.Total)).ToList();
        var discrepancies = new List<SurveyDiscrepancy>();
        var checkedCount = 0;
        (string? Text, bool Differs) Check(string row, string column, string measure, decimal? computed)
        {
            if (printed.FirstOrDefault(p => p.Row == row && p.Column == column && p.Measure == measure) is not { } p) return (null, false);
            checkedCount++;
            var differs = computed != p.Value;
            var text = measure == "pct" ? $"{p.Value:0} %" : p.Value.ToString("#,##0", DanishTime.Culture);
            if (differs)
                discrepancies.Add(new SurveyDiscrepancy(title, row, column, measure == "pct" ? "procent" : "antal", text,
                    computed is decimal c ? (measure == "pct" ? $"{c:0} %" : c.ToString("#,##0", DanishTime.Culture)) : "–"));
            return (text, differs);
        }
        PivotCell Cell(string row, int j, int count, bool total)
        {
            decimal? percent = total || totals[j] == 0 ? null : Rounding.Round(100m * count / totals[j], 0);
            var (pc, d1) = Check(row, allColumns[j], "antal", count);
            var (pp, d2) = total ? (null, false) : Check(row, allColumns[j], "pct", percent);
            return new PivotCell(count, percent, pc, pp, d1 || d2);
        }
        var rows = labels.Select((label, i) => new PivotRow(label, Enumerable.Range(0, allColumns.Count).Select(j => Cell(label, j, grid[i, j], false)).ToList())).ToList();
        rows.Add(new PivotRow(SurveyDefinition.Total, Enumerable.Range(0, allColumns.Count).Select(j => Cell(SurveyDefinition.Total, j, totals[j], true)).ToList(), true));
        return new PivotTable(title, q.Key, q.Label, split, splitLabel, categories is { Count: > 0 }, allColumns, rows, discrepancies, checkedCount);
    }
}
