using Samraad.Features.Collections.Forms;
using Samraad.Features.Reference;

namespace Samraad.Features.Collections.Authoring;

/// <summary>
/// What the editor's question form sends, as typed. Lists are one item per line: <c>nøgle = Tekst</c> or just
/// <c>Tekst</c> (the key is made from it); a table column line is <c>nøgle = Tekst = type</c>.
/// </summary>
public sealed record QuestionInput(
    string? Key, string? Label, string? Type, string? Hint = null, bool Required = false, string? ShortLabel = null,
    string? Min = null, string? Max = null, string? Unit = null, string? MaxLength = null, bool NotInPast = false,
    string? Options = null, string? Exclusive = null, string? MinChoices = null, string? MaxChoices = null,
    string? Rows = null, string? Columns = null, string? CellType = null, string? CellOptions = null,
    string? TableColumns = null, string? MaxRows = null, string? MaxRowsMessage = null,
    IReadOnlyList<string>? MissingCodes = null, string? ConditionField = null, string? ConditionOperator = null, string? ConditionValue = null)
{
    /// <summary>The editor's names of the field types, in the order it offers them.</summary>
    public static readonly IReadOnlyList<(FieldType Type, string Label)> Types =
    [
        (FieldType.YesNo, "Ja/nej"), (FieldType.Choice, "Ét svar fra en liste"), (FieldType.MultiChoice, "Flere svar fra en liste (vælg alle relevante)"),
        (FieldType.Integer, "Heltal"), (FieldType.Decimal, "Decimaltal"), (FieldType.Amount, "Beløb i kroner"), (FieldType.Percent, "Procent"),
        (FieldType.Date, "Dato"), (FieldType.Text, "Tekst"), (FieldType.Matrix, "Matrix (rækker × kolonner, fx en Likert-skala)"),
        (FieldType.Table, "Tabel med gentagne rækker (fx projekter)"),
    ];

    /// <summary>The type's name in form.json ("yesNo", "multiChoice").</summary>
    public static string TypeName(FieldType type) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(type.ToString());

    /// <summary>How a condition compares, in the editor's words.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Operators =
    [
        ("isYes", "er besvaret Ja"), ("isNo", "er besvaret Nej"), ("equals", "er lig med"), ("oneOf", "er en af (adskil med komma)"),
        ("atLeast", "er mindst"), ("atMost", "er højst"), ("greaterThan", "er større end"), ("lessThan", "er mindre end"),
    ];

    /// <summary>The input showing an existing field, for editing it.</summary>
    public static QuestionInput From(FieldSpec f)
    {
        static string? Num(decimal? d) => d?.ToString("0.##########", DanishTime.Culture);
        static string? Lines(IEnumerable<OptionSpec>? options) => options is null ? null : string.Join("\n", options.Select(o => $"{o.Key} = {o.Label}"));
        var c = f.AskedIf;
        var op = c is null ? null : c.IsYes is bool y ? (y ? "isYes" : "isNo") : c.EqualTo is not null ? "equals" : c.OneOf is not null ? "oneOf"
            : c.AtLeast is not null ? "atLeast" : c.AtMost is not null ? "atMost" : c.GreaterThan is not null ? "greaterThan" : c.LessThan is not null ? "lessThan" : null;
        var value = c is null ? null : c.EqualTo ?? (c.OneOf is { } one ? string.Join(", ", one) : Num(c.AtLeast ?? c.AtMost ?? c.GreaterThan ?? c.LessThan));
        return new QuestionInput(f.Key, f.Label, TypeName(f.Type), f.Hint, f.Required, f.ShortLabel, Num(f.Min), Num(f.Max), f.Unit, f.MaxLength?.ToString(), f.NotInPast,
            f.Scale is null ? Lines(f.Options) : Lines(f.ResolvedOptions), f.Options?.FirstOrDefault(o => o.Exclusive)?.Key ?? f.ResolvedOptions.FirstOrDefault(o => o.Exclusive)?.Key,
            f.MinChoices?.ToString(), f.MaxChoices?.ToString(), Lines(f.Rows), Lines(f.Columns), f.Cell is null ? null : TypeName(f.Cell.Type),
            f.Cell is null ? null : Lines(f.Cell.Scale is null ? f.Cell.Options : f.Cell.ResolvedOptions),
            f.TableColumns is null ? null : string.Join("\n", f.TableColumns.Select(t => $"{t.Key} = {t.Label} = {TypeName(t.Type)}")),
            f.MaxRows?.ToString(), f.MaxRowsMessage, f.MissingCodes, c?.Field, op, value);
    }

    /// <summary>"nøgle = Tekst" or "Tekst" lines as options; null with the errors when a line is wrong or a key repeats.</summary>
    public static List<OptionSpec>? ParseOptions(string? text, string errorKey, string what, List<FieldError> errors)
    {
        var options = new List<OptionSpec>();
        foreach (var (line, n) in Lines(text))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            var (key, label) = parts.Length == 2 ? (parts[0], parts[1]) : (Slug.From(line), line);
            if (label == "" || !FieldKeys.IsValidKey(key))
            {
                errors.Add(new FieldError(errorKey, $"{what}, linje {n}: skriv »nøgle = tekst« eller bare teksten; nøglen må have små bogstaver a–z, tal og bindestreg"));
                return null;
            }
            if (options.Any(o => o.Key == key))
            {
                errors.Add(new FieldError(errorKey, $"{what}, linje {n}: nøglen »{key}« findes allerede"));
                return null;
            }
            options.Add(new OptionSpec { Key = key, Label = label });
        }
        return options;
    }

    public static IEnumerable<(string Line, int Number)> Lines(string? text) =>
        (text ?? "").Split('\n').Select((l, i) => (Line: l.Trim(), Number: i + 1)).Where(x => x.Line != "");
}
