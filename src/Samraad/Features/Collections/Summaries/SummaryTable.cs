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

    static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, RespectNullableAnnotations = true };

    public static List<SummaryTableSpec> ParseList(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new() : NoNulls(JsonSerializer.Deserialize<List<SummaryTableSpec>>(json, Json) ?? new());

    /// <summary>A table, column or row written as null is refused like bad JSON (rather than failing while it is counted).</summary>
    public static List<SummaryTableSpec> NoNulls(List<SummaryTableSpec> tables) =>
        tables.Any(t => t is null || t.Columns.Any(c => c is null) || t.Rows.Any(r => r is null) || t.Columns.Any(c => c.Count.Any(a => a is null)))
            ? throw new JsonException("Oversigtstabellerne har en tom værdi (null).") : tables;

    public static string ToJson(List<SummaryTableSpec> tables) => JsonSerializer.Serialize(tables);

    static readonly JsonSerializerOptions Indented = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>As written in collection.json's "summaryTables", for editing.</summary>
    public static string ToEditableJson(List<SummaryTableSpec> tables) => JsonSerializer.Serialize(tables, Indented);

    /// <summary>The tables as a person wrote them, or why they cannot be read.</summary>
    public static (List<SummaryTableSpec>? Tables, string? Problem) TryParse(string? json)
    {
        try { return (ParseList(json), null); }
        catch (JsonException e) { return (null, $"Oversigtstabellerne kan ikke læses som JSON{(e.LineNumber is long l ? $" (linje {l + 1})" : "")}: tjek kommaer, anførselstegn og klammer."); }
    }

    /// <summary>
    /// What in the tables does not fit the form: a row naming a section that does not exist, a column whose field is
    /// not in a row's section, an answer counted that the field does not have. A cell like that would count 0 silently.
    /// </summary>
    public static List<string> Problems(IEnumerable<SummaryTableSpec> tables, Forms.FormSpec form)
    {
        var problems = new List<string>();
        var keys = new HashSet<string>();
        foreach (var t in tables)
        {
            var name = $"Oversigtstabellen »{(t.Title == "" ? t.Key : t.Title)}«";
            if (t.Key == "" || !Forms.FieldKeys.IsValidKey(t.Key)) problems.Add($"{name}: key skal være små bogstaver, tal og bindestreg.");
            else if (!keys.Add(t.Key)) problems.Add($"{name}: key »{t.Key}« findes to gange.");
            if (t.Rows.Count == 0 || t.Columns.Count == 0) problems.Add($"{name} skal have mindst én række (rows) og én kolonne (columns).");
            foreach (var row in t.Rows)
            {
                if (form.Sections.All(s => s.Key != row.Section)) { problems.Add($"{name}, række »{row.Label}«: afsnittet »{row.Section}« findes ikke i skemaet."); continue; }
                foreach (var col in t.Columns)
                {
                    var key = $"{row.Section}.{col.Field}";
                    if (form.Field(key) is not { } field) { problems.Add($"{name}, række »{row.Label}«, kolonne »{col.Label}«: feltet »{key}« findes ikke i skemaet."); continue; }
                    var answers = field.Type == Forms.FieldType.YesNo ? ["ja", "nej"] : field.ResolvedOptions.Select(o => o.Key).ToList();
                    if (col.Count.Count == 0) problems.Add($"{name}, kolonne »{col.Label}«: skriv hvilke svar der tælles (count).");
                    foreach (var answer in col.Count.Where(a => !answers.Contains(a)))
                        problems.Add($"{name}, række »{row.Label}«, kolonne »{col.Label}«: svaret »{answer}« findes ikke på »{field.Label}« (der er {string.Join(", ", answers)}).");
                }
            }
        }
        return problems.Take(50).ToList(); // enough to mend; a table wrong in every cell is one mistake repeated
    }
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
