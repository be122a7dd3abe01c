using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samraad.Features.Collections.Forms;

/// <summary>A form definition as read from a pack file: sections of fields. Pure data; see <see cref="FormSpecReader"/>.</summary>
public sealed class FormSpec
{
    public string Key { get; set; } = "";
    public int Version { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Named answer scales that choice fields refer to by name.</summary>
    public Dictionary<string, List<OptionSpec>> Scales { get; set; } = new();
    /// <summary>
    /// Named answer categories for reporting, per scale: <c>"categories": {"grad": [{"key": "hoej", "label": "Høj eller
    /// meget høj", "options": ["4", "5"]}]}</c>; every field on that scale is also counted by category.
    /// </summary>
    public Dictionary<string, List<CategorySpec>> Categories { get; set; } = new();
    /// <summary>The catalogue of missing codes ("Ved ikke" …) fields may allow.</summary>
    public List<OptionSpec> MissingCodes { get; set; } = new();
    public List<SectionSpec> Sections { get; set; } = new();
    /// <summary>Limits on the total length of several text fields together ("højst ca. 4.000 tegn i alt").</summary>
    public List<TextLimitSpec> TextLimits { get; set; } = new();
    /// <summary>"Heraf" rules: a number that is part of another cannot exceed it (sjællandske ≤ deltagere i alt).</summary>
    public List<PartOfSpec> PartOf { get; set; } = new();

    public IEnumerable<FieldSpec> Fields => Sections.SelectMany(s => s.Fields);

    public FieldSpec? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);

    public string MissingCodeLabel(string code) =>
        MissingCodes.FirstOrDefault(m => m.Key == code)?.Label ?? code;
}

/// <summary>A limit on the combined length of several text fields.</summary>
public sealed class PartOfSpec
{
    public string Field { get; set; } = "";
    public string AtMost { get; set; } = "";
}

public sealed class TextLimitSpec
{
    public List<string> Fields { get; set; } = new();
    public int Max { get; set; }
    public string Label { get; set; } = "";
}

/// <summary>A named group of a scale's options, counted together in summaries ("Høj eller meget høj").</summary>
public sealed class CategorySpec
{
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public List<string> Options { get; set; } = new();
}

/// <summary>A titled group of fields, rendered as one part of the form.</summary>
public sealed class SectionSpec
{
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>The whole section is asked only when this holds (see <see cref="Conditions"/>).</summary>
    public ConditionSpec? AskedIf { get; set; }
    public List<FieldSpec> Fields { get; set; } = new();
}

/// <summary>One answer option of a scale or of the missing-code catalogue.</summary>
public sealed class OptionSpec
{
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Counted as a "yes" in totals such as the overview's "I alt" row (e.g. "Ja*").</summary>
    public bool CountsAsYes { get; set; }
    /// <summary>Multi-select: an option that cannot be chosen with others ("Ingen af delene").</summary>
    public bool Exclusive { get; set; }
}

/// <summary>
/// Field types. <see cref="MultiChoice"/> is "vælg alle relevante" (XLSForm's select_multiple): its stored value is
/// the chosen option keys in the scale's order, joined by ";".
/// </summary>
public enum FieldType { YesNo, Integer, Decimal, Amount, Percent, Date, Choice, Text, Matrix, Table, MultiChoice }

/// <summary>
/// The value rules of one answer cell: a plain field, a matrix cell or a table column all share these.
/// </summary>
public class ValueSpec
{
    public FieldType Type { get; set; }
    public string? Scale { get; set; }
    public List<OptionSpec>? Options { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public int? MaxLength { get; set; }
    public string? Unit { get; set; }
    /// <summary>Dates: may not lie before the day the answer is given (e.g. an expected completion date).</summary>
    public bool NotInPast { get; set; }
    /// <summary>Multi-select: the fewest and most options one may choose (an exclusive option alone always counts as one).</summary>
    public int? MinChoices { get; set; }
    public int? MaxChoices { get; set; }

    /// <summary>Resolved options (inline or from the named scale); empty for non-choice types.</summary>
    [JsonIgnore] public IReadOnlyList<OptionSpec> ResolvedOptions { get; internal set; } = [];
    /// <summary>The named categories of the field's scale (see <see cref="FormSpec.Categories"/>); empty when it has none.</summary>
    [JsonIgnore] public IReadOnlyList<CategorySpec> ResolvedCategories { get; internal set; } = [];
}

/// <summary>A field of a form. Matrix and table fields hold cells of one value type.</summary>
public sealed class FieldSpec : ValueSpec
{
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    /// <summary>A short column header for overview tables ("Udføres").</summary>
    public string? ShortLabel { get; set; }
    public string? Hint { get; set; }
    public bool Required { get; set; }
    /// <summary>Keys from the form's missing-code catalogue this field accepts instead of a value.</summary>
    public List<string> MissingCodes { get; set; } = new();
    /// <summary>
    /// Personal data (a contact person's name, phone, e-mail): shown only to the owner's secretariat and the
    /// respondent itself — never to readers, in the matrix, its API or a live attachment.
    /// </summary>
    public bool Personal { get; set; }
    /// <summary>The field is asked only when this holds (see <see cref="Conditions"/>).</summary>
    public ConditionSpec? AskedIf { get; set; }

    // Matrix: rows × columns, each cell of type Cell.
    public List<OptionSpec>? Rows { get; set; }
    public List<OptionSpec>? Columns { get; set; }
    public ValueSpec? Cell { get; set; }

    // Repeating table: up to MaxRows rows of TableColumns.
    public int? MaxRows { get; set; }
    public string? MaxRowsMessage { get; set; }
    public List<FieldSpec>? TableColumns { get; set; }

    /// <summary>Section title, filled in when the form is read, for messages that name the field.</summary>
    [JsonIgnore] public string SectionTitle { get; internal set; } = "";

    /// <summary>"Kemoterapi: Udføres opgaven?" — the name used in exports and summaries, where sections are not shown.</summary>
    [JsonIgnore] public string FullLabel => string.IsNullOrEmpty(SectionTitle) ? Label : $"{SectionTitle}: {Label}";

    /// <summary>
    /// The question in the user's words, for messages: the label alone, or with its section title only when another
    /// field of the form asks the same ("Udføres opgaven kommunalt?" in seven sections) and the label alone would not
    /// say which. A message sits by its field and in the error summary; a section title repeated in every message is noise.
    /// </summary>
    [JsonIgnore] public string Question { get => question ?? Label; internal set => question = value; }
    string? question;
}

/// <summary>Reads and checks a form definition from JSON.</summary>
public static class FormSpecReader
{
    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        RespectNullableAnnotations = true, // "sections": null is a mistake with a place, not a crash later
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    static readonly JsonSerializerOptions Writing = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>The form as pack JSON (form.json), as the editor stores it: <see cref="Parse"/> reads it back to the same form.</summary>
    public static string Write(FormSpec form) => JsonSerializer.Serialize(form, Writing);

    public static FormSpec Parse(string json)
    {
        FormSpec? read;
        try { read = JsonSerializer.Deserialize<FormSpec>(json, Json); }
        catch (JsonException e) { throw new InvalidDataException(Danish(e, json)); }
        var form = read ?? throw new InvalidDataException("Skemadefinitionen er tom.");
        if (form.Sections.Any(s => s is null || s.Fields.Any(f => f is null || (f.TableColumns ?? []).Any(c => c is null) || (f.Options ?? []).Any(o => o is null)
                || (f.Rows ?? []).Any(o => o is null) || (f.Columns ?? []).Any(o => o is null)))
            || form.Scales.Values.Any(v => v is null || v.Any(o => o is null)) || form.Categories.Values.Any(v => v is null || v.Any(c => c is null))
            || form.MissingCodes.Any(m => m is null) || form.TextLimits.Any(t => t is null) || form.PartOf.Any(p => p is null))
            throw new InvalidDataException("Skemadefinitionen har en tom værdi (null), hvor der skal stå et afsnit, et spørgsmål eller en svarmulighed.");
        Resolve(form);
        foreach (var (scale, categories) in form.Categories)
        {
            var options = form.Scales.GetValueOrDefault(scale) ?? throw new InvalidDataException($"Kategorierne (categories) hører til skalaen »{scale}«, som ikke findes i skemaet.");
            foreach (var c in categories)
                if (c.Options.FirstOrDefault(o => options.All(x => x.Key != o)) is { } unknown)
                    throw new InvalidDataException($"Kategorien »{c.Label}« nævner svaret »{unknown}«, som ikke er på skalaen »{scale}« (der er {string.Join(", ", options.Select(o => o.Key))}).");
        }
        Conditions.Check(form);
        CheckTextLimits(form);
        foreach (var rule in form.PartOf)
            foreach (var key in new[] { rule.Field, rule.AtMost })
                if (form.Field(key) is not { } f || !FieldValues.IsNumeric(f.Type))
                    throw new InvalidDataException($"Reglen »{rule.Field} ≤ {rule.AtMost}« nævner »{key}«, som ikke er et talfelt i skemaet.");
        return form;
    }

    /// <summary>
    /// A JSON mistake in form.json as a Danish sentence with its place: an unknown field type names the value and the
    /// types allowed ("Ukendt felttype »skala« i form.json, sections[0].fields[2].type; tilladt: yesNo, …").
    /// </summary>
    static string Danish(JsonException e, string json)
    {
        var path = e.Path is { Length: > 2 } p ? p[2..] : "starten";
        var line = e.LineNumber is long l ? $" (linje {l + 1})" : "";
        if (path.EndsWith(".type", StringComparison.Ordinal) && ValueAt(json, e.Path!) is { } value)
            return $"Ukendt felttype »{value}« i form.json, {path}{line}; tilladt: {string.Join(", ", Enum.GetNames<FieldType>().Select(JsonNamingPolicy.CamelCase.ConvertName))}.";
        return $"form.json kan ikke læses ved {path}{line}: værdien har ikke den forventede form, eller filen er ikke gyldig JSON.";
    }

    /// <summary>The text of the value at a JSON path like "$.sections[0].fields[2].type", or null.</summary>
    static string? ValueAt(string json, string path)
    {
        try
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            foreach (System.Text.RegularExpressions.Match part in System.Text.RegularExpressions.Regex.Matches(path, @"\.(\w+)|\[(\d+)\]"))
                node = part.Groups[1].Success
                    ? node?.AsObject().FirstOrDefault(p => string.Equals(p.Key, part.Groups[1].Value, StringComparison.OrdinalIgnoreCase)).Value
                    : node?.AsArray()[int.Parse(part.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)];
            return node?.ToString();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentOutOfRangeException) { return null; }
    }

    static void Resolve(FormSpec form)
    {
        if (string.IsNullOrWhiteSpace(form.Key)) throw new InvalidDataException("Skemadefinitionen mangler en nøgle (key).");
        var asked = form.Sections.SelectMany(s => s.Fields).GroupBy(f => f.Label.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>();
        foreach (var section in form.Sections)
        foreach (var field in section.Fields)
        {
            if (!FieldKeys.IsValidKey(field.Key))
                throw new InvalidDataException($"Ugyldig feltnøgle »{field.Key}«: brug små bogstaver, tal, punktum og bindestreg.");
            if (!seen.Add(field.Key)) throw new InvalidDataException($"Feltnøglen »{field.Key}« findes to gange.");
            field.SectionTitle = section.Title;
            field.Question = asked[field.Label.Trim()] > 1 ? field.FullLabel : field.Label;
            ResolveOptions(form, field, field.Key);
            foreach (var code in field.MissingCodes)
                if (form.MissingCodes.All(m => m.Key != code))
                    throw new InvalidDataException($"Felt »{field.Key}« bruger den ukendte manglende-kode »{code}«.");
            switch (field.Type)
            {
                case FieldType.Matrix:
                    var lacking = new[] { field.Rows is not { Count: > 0 } ? "rows" : null, field.Columns is not { Count: > 0 } ? "columns" : null, field.Cell is null ? "cell" : null }.OfType<string>().ToList();
                    if (lacking.Count > 0)
                        throw new InvalidDataException($"Matrixfeltet »{field.Key}« mangler {string.Join(" og ", lacking)} (en matrix skal have rows, columns og cell).");
                    if (field.Cell!.Type is FieldType.Matrix or FieldType.Table or FieldType.MultiChoice)
                        throw new InvalidDataException($"Matrixfeltet »{field.Key}« kan ikke indeholde matrix, tabel eller flervalg.");
                    ResolveOptions(form, field.Cell!, field.Key);
                    break;
                case FieldType.Table:
                    if (field.TableColumns is not { Count: > 0 } || field.MaxRows is not > 0)
                        throw new InvalidDataException($"Tabelfeltet »{field.Key}« skal have tableColumns og maxRows.");
                    foreach (var column in field.TableColumns)
                    {
                        if (column.Type is FieldType.Matrix or FieldType.Table or FieldType.MultiChoice)
                            throw new InvalidDataException($"Tabelfeltet »{field.Key}« kan ikke indeholde matrix, tabel eller flervalg.");
                        ResolveOptions(form, column, field.Key);
                    }
                    break;
            }
        }
    }

    static void CheckTextLimits(FormSpec form)
    {
        foreach (var limit in form.TextLimits)
            foreach (var key in limit.Fields)
                if (form.Field(key) is not { Type: FieldType.Text })
                    throw new InvalidDataException($"Tekstgrænsen »{limit.Label}« nævner »{key}«, som ikke er et tekstfelt i skemaet.");
    }

    static void ResolveOptions(FormSpec form, ValueSpec spec, string key)
    {
        if (spec.Type is not (FieldType.Choice or FieldType.MultiChoice)) return;
        if (spec.Options is { Count: > 0 }) spec.ResolvedOptions = spec.Options;
        else if (spec.Scale is not null && form.Scales.TryGetValue(spec.Scale, out var scale)) spec.ResolvedOptions = scale;
        else throw new InvalidDataException($"Valgfeltet »{key}« mangler svarmuligheder (options eller scale).");
        if (spec.Scale is not null && form.Categories.TryGetValue(spec.Scale, out var categories)) spec.ResolvedCategories = categories;
        if (spec.Type != FieldType.MultiChoice) return;
        if (spec.ResolvedOptions.FirstOrDefault(o => o.Key.Contains(FieldValues.ChoiceSeparator)) is { } bad)
            throw new InvalidDataException($"Flervalgsfeltet »{key}« har svarmuligheden »{bad.Key}«: en nøgle må ikke indeholde »;«.");
        if (spec.MinChoices is < 0 || spec.MaxChoices is < 1 || spec.MinChoices > spec.MaxChoices || spec.MaxChoices > spec.ResolvedOptions.Count)
            throw new InvalidDataException($"Flervalgsfeltet »{key}«: minChoices og maxChoices skal ligge mellem 0 og antallet af svarmuligheder ({spec.ResolvedOptions.Count}), og min højst max.");
    }
}
