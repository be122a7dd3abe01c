using System.Text.RegularExpressions;

namespace Samraad.Features.Collections.Forms;

/// <summary>One answerable cell of a form: a plain field, a matrix cell or a cell of a table row. <see cref="CellLabel"/>
/// names a matrix or table cell within its field ("Række 1: Anlægsudgift"), for views that already show the field.</summary>
public sealed record Leaf(string Key, FieldSpec Field, ValueSpec Spec, string Label, string? RowKey = null, string? ColumnKey = null, int? RowIndex = null,
    string? CellLabel = null)
{
    /// <summary>Personal data: the field, or the table column, is marked <c>personal</c>.</summary>
    public bool Personal => Field.Personal || Spec is FieldSpec { Personal: true };

    /// <summary>The leaf named for a message: the field's <see cref="FieldSpec.Question"/> and the cell within it.</summary>
    public string Question => RowIndex is { } n ? $"{Field.Question}, række {n}: {(Spec as FieldSpec)?.Label}"
        : RowKey is not null ? $"{Field.Question} – {CellLabel}" : Field.Question;
}

/// <summary>What a user sent for one leaf: the typed text and/or a chosen missing code.</summary>
public sealed record RawAnswer(string? Value, string? Missing = null);

/// <summary>Answer keys: "field" for plain fields, "field/row/column" for matrix cells, "field/n/column" for table rows (n from 1).</summary>
public static partial class FieldKeys
{
    public static bool IsValidKey(string key) => KeyPattern().IsMatch(key);
    public static string Cell(string field, string row, string column) => $"{field}/{row}/{column}";
    public static string TableCell(string field, int row, string column) => $"{field}/{row}/{column}";

    [GeneratedRegex(@"^[a-z0-9]+([._-][a-z0-9]+)*$")] private static partial Regex KeyPattern();
}

/// <summary>The rules that turn a set of raw inputs into stored answers, and that decide whether a response can be submitted.</summary>
public static class FormAnswers
{
    /// <summary>Every fixed leaf of the form, in form order (tables contribute none: their rows are dynamic).</summary>
    public static IEnumerable<Leaf> FixedLeaves(this FormSpec form)
    {
        foreach (var field in form.Fields)
        {
            if (field.Type == FieldType.Matrix)
            {
                foreach (var row in field.Rows!)
                foreach (var col in field.Columns!)
                    yield return new Leaf(FieldKeys.Cell(field.Key, row.Key, col.Key), field, field.Cell!,
                        $"{field.FullLabel} – {row.Label} – {col.Label}", row.Key, col.Key, CellLabel: $"{row.Label} – {col.Label}");
            }
            else if (field.Type != FieldType.Table)
                yield return new Leaf(field.Key, field, field, field.FullLabel);
        }
    }

    /// <summary>Finds the leaf an answer key names, including table cells up to the row limit.</summary>
    public static Leaf? FindLeaf(this FormSpec form, string key)
    {
        var parts = key.Split('/');
        var field = form.Field(parts[0]);
        if (field is null) return null;
        switch (field.Type)
        {
            case FieldType.Matrix when parts.Length == 3:
                var row = field.Rows!.FirstOrDefault(r => r.Key == parts[1]);
                var col = field.Columns!.FirstOrDefault(c => c.Key == parts[2]);
                return row is null || col is null ? null
                    : new Leaf(key, field, field.Cell!, $"{field.FullLabel} – {row.Label} – {col.Label}", row.Key, col.Key, CellLabel: $"{row.Label} – {col.Label}");
            case FieldType.Table when parts.Length == 3 && int.TryParse(parts[1], out var n) && n >= 1 && n <= field.MaxRows && parts[1] == n.ToString():
                var column = field.TableColumns!.FirstOrDefault(c => c.Key == parts[2]);
                return column is null ? null
                    : new Leaf(key, field, column, $"{field.FullLabel}, række {n}: {column.Label}", null, column.Key, n, CellLabel: $"Række {n}: {column.Label}");
            case FieldType.Matrix or FieldType.Table:
                return null;
            default:
                return parts.Length == 1 ? new Leaf(key, field, field, field.FullLabel) : null;
        }
    }

    /// <summary>
    /// Validates each given input on its own (a draft may hold any subset of fields).
    /// Returns the parsed answers (null = cleared) when there are no errors; otherwise the errors and nothing to save.
    /// </summary>
    public static (Dictionary<string, AnswerValue?> Answers, List<FieldError> Errors) ParseDraft(
        FormSpec form, IReadOnlyDictionary<string, RawAnswer> inputs, DateOnly? today = null)
    {
        var (answers, errors) = ParseEach(form, inputs, today);
        return errors.Count > 0 ? (new(), errors) : (answers, errors);
    }

    /// <summary>Validates each given input on its own: the answers that are valid, and an error for each that is not.</summary>
    public static (Dictionary<string, AnswerValue?> Valid, List<FieldError> Errors) ParseEach(
        FormSpec form, IReadOnlyDictionary<string, RawAnswer> inputs, DateOnly? today = null)
    {
        var answers = new Dictionary<string, AnswerValue?>();
        var errors = new List<FieldError>();
        foreach (var (key, raw) in inputs)
        {
            var leaf = form.FindLeaf(key);
            if (leaf is null)
            {
                errors.Add(new FieldError(key, TableRowError(form, key) ?? ShapeError(form, key) ?? $"Feltet »{key}« findes ikke i skemaet"));
                continue;
            }
            var missing = string.IsNullOrWhiteSpace(raw.Missing) ? null : raw.Missing.Trim();
            var (value, error) = FieldValues.Parse(leaf.Spec, leaf.Question, raw.Value);
            if (error is not null) errors.Add(new FieldError(key, error));
            else if (missing is not null && !leaf.Field.MissingCodes.Contains(missing))
                errors.Add(new FieldError(key, $"»{form.MissingCodeLabel(missing)}« kan ikke vælges til {leaf.Question}"));
            else if (missing is not null && value is not null)
                errors.Add(new FieldError(key, $"Angiv enten et svar eller »{form.MissingCodeLabel(missing)}« til {leaf.Question}, ikke begge"));
            else if (PastDate(leaf, value, today) is { } past)
                errors.Add(new FieldError(key, past));
            else
                answers[key] = value is null && missing is null ? null : new AnswerValue(value, missing);
        }
        return (answers, errors);
    }

    /// <summary>The answer keys of every combined-length limit and "heraf" rule the answers break: what a partial save leaves out.</summary>
    public static HashSet<string> KeysOfBrokenRules(FormSpec form, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        var keys = new HashSet<string>();
        foreach (var limit in form.TextLimits.Where(l => l.Fields.Sum(f => answers.GetValueOrDefault(f)?.Value?.Length ?? 0) > l.Max))
            keys.UnionWith(limit.Fields);
        foreach (var rule in form.PartOf)
            if (form.FindLeaf(rule.Field) is { } part && form.FindLeaf(rule.AtMost) is { } whole
                && FieldValues.Number(part.Spec, answers.GetValueOrDefault(rule.Field)?.Value) is decimal p
                && FieldValues.Number(whole.Spec, answers.GetValueOrDefault(rule.AtMost)?.Value) is decimal w && p > w)
                keys.UnionWith([rule.Field, rule.AtMost]);
        return keys;
    }

    static string? PastDate(Leaf leaf, string? value, DateOnly? today) =>
        leaf.Spec is { Type: FieldType.Date, NotInPast: true } && today is DateOnly t && value is not null && DateOnly.Parse(value) < t
            ? $"{leaf.Question} kan ikke ligge før i dag ({DanishTime.Date(t)})" : null;

    /// <summary>The form's limits on the combined length of several text fields, over a complete set of answers.</summary>
    public static List<FieldError> CheckTextLimits(FormSpec form, IReadOnlyDictionary<string, AnswerValue> answers) =>
        form.TextLimits.Select(limit => (limit, length: limit.Fields.Sum(f => answers.GetValueOrDefault(f)?.Value?.Length ?? 0)))
            .Where(x => x.length > x.limit.Max)
            .Select(x => new FieldError(x.limit.Fields[0],
                $"{x.limit.Label} må højst fylde {x.limit.Max.ToString("N0", DanishTime.Culture)} tegn i alt (der er skrevet {x.length.ToString("N0", DanishTime.Culture)})"))
            .ToList();

    /// <summary>The form's "heraf" rules over a complete set of answers: a part given as a number cannot exceed its whole.</summary>
    public static List<FieldError> CheckParts(FormSpec form, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        var errors = new List<FieldError>();
        foreach (var rule in form.PartOf)
        {
            if (form.FindLeaf(rule.Field) is not { } part || form.FindLeaf(rule.AtMost) is not { } whole) continue;
            var p = FieldValues.Number(part.Spec, answers.GetValueOrDefault(rule.Field)?.Value);
            var w = FieldValues.Number(whole.Spec, answers.GetValueOrDefault(rule.AtMost)?.Value);
            if (p is decimal pv && w is decimal wv && pv > wv)
                errors.Add(new FieldError(rule.Field, $"{part.Field.Label} ({FieldValues.Display(part.Spec, answers[rule.Field].Value)}) kan ikke være større end {whole.Field.Label.ToLowerInvariant()[..1] + whole.Field.Label[1..]} ({FieldValues.Display(whole.Spec, answers[rule.AtMost].Value)})"));
        }
        return errors;
    }

    /// <summary>A key naming a matrix or a table without the parts of a cell: the shape it should have, with an example.</summary>
    static string? ShapeError(FormSpec form, string key)
    {
        var parts = key.Split('/');
        if (parts.Length == 3) return null; // the shape is right; a row or column is unknown
        var field = form.Field(parts[0]);
        return field?.Type switch
        {
            FieldType.Matrix => $"»{field.Key}« er en matrix: svar pr. celle med nøglen {field.Key}/række/kolonne, fx {FieldKeys.Cell(field.Key, field.Rows![0].Key, field.Columns![0].Key)}",
            FieldType.Table => $"»{field.Key}« er en tabel: svar pr. celle med nøglen {field.Key}/rækkenummer/kolonne, fx {FieldKeys.TableCell(field.Key, 1, field.TableColumns![0].Key)}",
            _ => null,
        };
    }

    static string? TableRowError(FormSpec form, string key)
    {
        var parts = key.Split('/');
        var field = form.Field(parts[0]);
        if (field?.Type != FieldType.Table || parts.Length != 3 || !int.TryParse(parts[1], out var n) || n <= field.MaxRows) return null;
        return field.MaxRowsMessage ?? $"Der kan højst angives {field.MaxRows} rækker i {field.Question}";
    }

    /// <summary>Checks a complete set of answers before submission: required fields and every value against this form version.</summary>
    public static List<FieldError> ValidateForSubmit(FormSpec form, IReadOnlyDictionary<string, AnswerValue> all, DateOnly? today = null)
    {
        // A question not asked is not required, and its stored answer is neither checked nor submitted as counting.
        var answers = Conditions.AskedOnly(form, all);
        var errors = CheckTextLimits(form, answers);
        errors.AddRange(CheckParts(form, answers));
        foreach (var (key, answer) in answers)
        {
            var leaf = form.FindLeaf(key);
            if (leaf is null) continue; // answers to fields a newer form version dropped are kept, not submitted as errors
            if (answer.Value is not null && FieldValues.Parse(leaf.Spec, leaf.Question, FieldValues.InputText(leaf.Spec, answer.Value)).Error is { } e)
                errors.Add(new FieldError(key, e));
            else if (PastDate(leaf, answer.Value, today) is { } past)
                errors.Add(new FieldError(key, past));
            if (answer.Missing is not null && !leaf.Field.MissingCodes.Contains(answer.Missing))
                errors.Add(new FieldError(key, $"»{form.MissingCodeLabel(answer.Missing)}« kan ikke længere vælges til {leaf.Question}"));
        }
        errors.AddRange(IncompleteTableRows(form, answers));
        foreach (var field in form.Fields.Where(f => f.Required && Conditions.IsAsked(form, f, answers)))
        {
            if (field.Type == FieldType.Table)
            {
                if (!answers.Keys.Any(k => k.StartsWith(field.Key + "/", StringComparison.Ordinal)))
                    errors.Add(new FieldError(field.Key, $"Udfyld mindst én række i {field.Question}"));
                continue;
            }
            foreach (var leaf in form.FixedLeaves().Where(l => l.Field == field))
                if (!answers.TryGetValue(leaf.Key, out var a) || a.IsEmpty)
                    errors.Add(new FieldError(leaf.Key, RequiredMessage(leaf)));
        }
        return errors;
    }

    /// <summary>A table row that has any answer must have every required column of the row.</summary>
    static IEnumerable<FieldError> IncompleteTableRows(FormSpec form, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        foreach (var field in form.Fields.Where(f => f.Type == FieldType.Table))
        {
            var rows = answers.Where(a => !a.Value.IsEmpty).Select(a => form.FindLeaf(a.Key)).OfType<Leaf>()
                .Where(l => l.Field == field).Select(l => l.RowIndex!.Value).Distinct().Order().ToList();
            foreach (var row in rows)
            foreach (var column in field.TableColumns!.Where(c => c.Required))
            {
                var key = FieldKeys.TableCell(field.Key, row, column.Key);
                if (!answers.TryGetValue(key, out var answer) || answer.IsEmpty)
                    yield return new FieldError(key, RequiredMessage(form.FindLeaf(key)!));
            }
        }
    }

    static string RequiredMessage(Leaf leaf) => FieldValues.IsCategorical(leaf.Spec.Type)
        ? $"Vælg et svar til {leaf.Question}"
        : $"Udfyld {leaf.Question}";
}
