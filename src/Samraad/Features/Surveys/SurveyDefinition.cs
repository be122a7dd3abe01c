using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samraad.Features.Surveys;

/// <summary>What a respondent attribute holds: a region (checked against the reference data), a municipality (its
/// official code, checked likewise; group sets are derived from it) or text (optionally from a fixed list).</summary>
public enum DimensionKind { Text, Region, Municipality }

public sealed record SurveyDimension(string Key, string Label, string Column, DimensionKind Kind, IReadOnlyList<string>? Values = null);

public sealed record SurveyQuestion(string Key, string Column, string Label, string Scale, string? Short = null)
{
    public string ShortLabel => Short ?? Label;
}

/// <summary>Answers counted together in a chart or a summary table ("I høj og nogen grad").</summary>
public sealed record SurveyCategory(string Label, IReadOnlyList<string> Answers);

/// <summary>A pivot the pack presents: a question's answers (or its categories) by a dimension or group set.</summary>
public sealed record SurveyPivotSpec(string Title, string Question, string? Columns, string? Categories = null, IReadOnlyList<string>? Only = null);

/// <summary>A chart: one bar (or group of bars) per question (several questions) or per column value (one question),
/// optionally only the respondents with one value of a dimension (e.g. Region Sjælland). Kind "stacked" (100 %
/// horizontal, the default) or "grouped" (vertical bars side by side).</summary>
public sealed record SurveyChartSpec(string Key, string Title, string Categories, IReadOnlyList<string> Questions, string? Dimension = null, string? Value = null,
    string Kind = "stacked");

/// <summary>A figure the source document printed for a pivot cell: counts or whole percentages.</summary>
public sealed record PrintedSurveyFigure(string Question, string Columns, string Measure, string Row, string Column, decimal Value);

/// <summary>
/// A survey pack (packs/**/survey.json): the file's columns mapped to respondent id, dimensions and questions; the
/// answer scales; categories; the pivots and charts to present; the population for a response rate; what the
/// source printed. Plain data, checked by <see cref="Problems"/> before anything is stored.
/// </summary>
public sealed record SurveyDefinition(
    string Slug, string Title, string Owner, string Source, string? Note, string RespondentLabel, string Id,
    IReadOnlyList<SurveyDimension> Dimensions, IReadOnlyDictionary<string, List<string>> Scales,
    IReadOnlyDictionary<string, List<SurveyCategory>>? Categories, IReadOnlyList<SurveyQuestion> Questions,
    IReadOnlyList<SurveyPivotSpec>? Pivots, IReadOnlyList<SurveyChartSpec>? Charts,
    IReadOnlyList<string>? GroupSets = null, string? Population = null, decimal? PrintedResponseRate = null,
    IReadOnlyList<PrintedSurveyFigure>? Printed = null)
{
    public const string Blank = "(tom)";
    public const string Total = "Hovedtotal";
    public const string Answer = "svar";

    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) }, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static SurveyDefinition Parse(string json) => JsonSerializer.Deserialize<SurveyDefinition>(json, Json) ?? throw new InvalidDataException("Tom undersøgelsesdefinition");
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public IReadOnlyList<string> AnswersOf(SurveyQuestion q) => Scales.TryGetValue(q.Scale, out var s) ? s : [];
    public SurveyQuestion? Question(string key) => Questions.FirstOrDefault(q => q.Key == key);
    public int QuestionNo(string key) => Questions.ToList().FindIndex(q => q.Key == key);
    public IReadOnlyList<SurveyCategory> CategoriesOf(string? key) => key is not null && Categories?.GetValueOrDefault(key) is { } c ? c : [];

    /// <summary>The ways a pivot can be split: each dimension, and each group set derived from a municipality dimension.</summary>
    public IReadOnlyList<(string Key, string Label)> Splits(IReadOnlyDictionary<string, string> groupSetNames) =>
        Dimensions.Select(d => (d.Key, d.Label))
            .Concat((GroupSets ?? []).Select(g => (g, groupSetNames.GetValueOrDefault(g, g))))
            .ToList();

    /// <summary>Everything that would make the pack unusable, in Danish, so a load refuses it with the reason.</summary>
    public List<string> Problems()
    {
        var p = new List<string>();
        if (Dimensions.Count is 0 or > 3) p.Add("En undersøgelse skal have 1–3 opdelinger (fx region, klynge, kommune).");
        foreach (var dup in Dimensions.Select(d => d.Key).Concat(Questions.Select(q => q.Key)).GroupBy(k => k).Where(g => g.Count() > 1))
            p.Add($"Nøglen »{dup.Key}« bruges flere gange.");
        foreach (var q in Questions.Where(q => !Scales.ContainsKey(q.Scale)))
            p.Add($"Spørgsmålet »{q.Key}« bruger skalaen »{q.Scale}«, som ikke findes.");
        if ((GroupSets?.Count ?? 0) > 0 && Dimensions.All(d => d.Kind != DimensionKind.Municipality))
            p.Add("Grupperinger (fx KL's kommunegrupper) kræver en opdeling efter kommune.");
        foreach (var (key, cats) in Categories ?? new Dictionary<string, List<SurveyCategory>>())
            foreach (var a in cats.SelectMany(c => c.Answers).Where(a => !Scales.Values.Any(s => s.Contains(a))))
                p.Add($"Kategorien »{key}« nævner svaret »{a}«, som ingen skala har.");
        var splits = Dimensions.Select(d => d.Key).Concat(GroupSets ?? []).ToHashSet();
        foreach (var pv in Pivots ?? [])
        {
            if (Question(pv.Question) is null) p.Add($"Tabellen »{pv.Title}« nævner spørgsmålet »{pv.Question}«, som ikke findes.");
            if (pv.Columns is not null && !splits.Contains(pv.Columns)) p.Add($"Tabellen »{pv.Title}« opdeles efter »{pv.Columns}«, som ikke findes.");
            if (pv.Categories is not null && Categories?.ContainsKey(pv.Categories) != true) p.Add($"Tabellen »{pv.Title}« bruger kategorierne »{pv.Categories}«, som ikke findes.");
        }
        foreach (var c in Charts ?? [])
        {
            if (Categories?.ContainsKey(c.Categories) != true) p.Add($"Figuren »{c.Title}« bruger kategorierne »{c.Categories}«, som ikke findes.");
            foreach (var q in c.Questions.Where(q => Question(q) is null)) p.Add($"Figuren »{c.Title}« nævner spørgsmålet »{q}«, som ikke findes.");
            if (c.Dimension is not null && !splits.Contains(c.Dimension)) p.Add($"Figuren »{c.Title}« opdeles efter »{c.Dimension}«, som ikke findes.");
        }
        foreach (var f in Printed ?? [])
            if (Question(f.Question) is null) p.Add($"Et trykt tal nævner spørgsmålet »{f.Question}«, som ikke findes.");
        return p;
    }
}
