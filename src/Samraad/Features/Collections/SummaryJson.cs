using Samraad.Features.Collections.Summaries;

namespace Samraad.Features.Collections;

/// <summary>Maps a computed summary to the API/CLI shape.</summary>
public static class SummaryJson
{
    public static SummaryDto From(SummaryReport r, DateTime nowUtc) => new(
        r.Context.Collection.Slug, nowUtc, r.Progress.Respondents, r.Progress.Answered, r.Progress.Submitted,
        r.Progress.Missing.Select(m => m.Organisation.Slug).ToList(),
        r.Tables.Select(t => new SummaryTableDto(t.Spec.Key, t.Spec.Title, t.Spec.Columns.Select(c => c.Label).ToList(),
            t.Rows.Select(row => new SummaryRowDto(row.Label, row.Cells.Select(c =>
                new SummaryCellDto(c.FieldKey, c.Count, c.Of, c.Printed.Select(Check).ToList())).ToList())).ToList())).ToList(),
        r.Leaves.Select(Field).ToList(),
        r.Checks.Count,
        r.Differences.Select(Check).ToList(),
        r.BreakdownName,
        r.Breakdown?.Groups.Select(g => new GroupSummaryDto(g.Group, g.Leaves.Select(Field).ToList())).ToList(),
        r.RepeatingTables.Select(t => new TableSummaryDto(t.Field.Key, t.Field.FullLabel, t.RespondentsWithRows, t.Rows, t.Columns.Select(Field).ToList())).ToList());

    static FieldSummaryDto Field(LeafSummary s) => new(s.Leaf.Key, s.Leaf.Label, s.Leaf.Spec.Type.ToString(), s.Respondents, s.Submitted,
        s.Answered, s.WithoutValue,
        s.Options.Select(o => Option(o, s.Base)).ToList(), s.MissingCodes.Select(o => Option(o, s.Base)).ToList(),
        s.Sum, s.Mean, s.Min, s.Max, s.Median, s.Earliest, s.Latest, s.Asked, s.Categories?.Select(o => Option(o, s.Base)).ToList());

    static OptionCountDto Option(OptionCount o, int of) =>
        new(o.Key, o.Label, o.Count, of, of == 0 ? 0 : Math.Round((decimal)o.Count / of, 4, MidpointRounding.AwayFromZero));

    static FigureCheckDto Check(FigureCheck c) =>
        new(c.Figure.Source, c.Figure.FieldKey, c.FieldLabel, c.Figure.RespondentSlug, c.Figure.Printed, c.Computed, c.Agrees);
}
