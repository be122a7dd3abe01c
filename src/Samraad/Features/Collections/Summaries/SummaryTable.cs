using System.Text.Json;

namespace Samraad.Features.Collections.Summaries;

/// <summary>
/// A pack-defined overview table such as the seed's "Pixi" summary: rows are sections (tasks), columns are a field
/// within each section and the answers that count ("Udføres kommunalt" = udfoeres ∈ {ja}).
/// </summary>
public sealed class SummaryTableSpec
{
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";
    public string RowHeader { get; set; } = "";
    public List<SummaryColumnSpec> Columns { get; set; } = new();
    public List<SummaryRowSpec> Rows { get; set; } = new();

    static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static List<SummaryTableSpec> ParseList(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new() : JsonSerializer.Deserialize<List<SummaryTableSpec>>(json, Json) ?? new();

    public static string ToJson(List<SummaryTableSpec> tables) => JsonSerializer.Serialize(tables);
}

public sealed class SummaryColumnSpec
{
    public string Label { get; set; } = "";
    /// <summary>The field key within the row's section ("udfoeres").</summary>
    public string Field { get; set; } = "";
    /// <summary>The answer keys counted.</summary>
    public List<string> Count { get; set; } = new();
}

public sealed class SummaryRowSpec
{
    public string Label { get; set; } = "";
    public string Section { get; set; } = "";
}

/// <summary>One computed cell: "16/17", with the printed figures for the same count and whether they agree.</summary>
public sealed record SummaryCell(string FieldKey, int Count, int Of, IReadOnlyList<FigureCheck> Printed)
{
    public string Text => $"{Count}/{Of}";
    public bool Disagrees => Printed.Any(p => !p.Agrees);
}

public sealed record SummaryTableRow(string Label, IReadOnlyList<SummaryCell> Cells);

public sealed record ComputedSummaryTable(SummaryTableSpec Spec, IReadOnlyList<SummaryTableRow> Rows);

public static class SummaryTables
{
    /// <summary>Computes every cell from the answers and attaches the printed counts of the same field and answers.</summary>
    public static ComputedSummaryTable Compute(SummaryTableSpec spec, SummaryInput input, IReadOnlyList<FigureCheck> checks)
    {
        var rows = spec.Rows.Select(row => new SummaryTableRow(row.Label, spec.Columns.Select(col =>
        {
            var key = $"{row.Section}.{col.Field}";
            var count = Summary.CountAnswers(key, col.Count, input.Respondents, input.Submitted);
            var printed = checks.Where(c => c.Figure.IsCount && c.Figure.FieldKey == key
                                            && (c.Figure.Answers ?? []).ToHashSet().SetEquals(col.Count)).ToList();
            return new SummaryCell(key, count, input.Respondents.Count, printed);
        }).ToList())).ToList();
        return new ComputedSummaryTable(spec, rows);
    }
}
