using System.Globalization;
using Samraad.Documents;

namespace Samraad.Features.Collections.Forms;

/// <summary>
/// Writes a form as XLSForm, so that <see cref="XlsFormReader"/> reads back the same definition. The mapping:
/// a section is a group; a matrix is a group with appearance <c>table-list</c> whose questions are its rows (its
/// columns in <c>samraad_columns</c> unless it has the one column "Svar"); a table is a repeat with
/// <c>repeat_count</c> as its most rows; a yes/no is <c>select_one ja_nej</c> with <c>samraad_type yesno</c>;
/// an amount or percent is a decimal with <c>samraad_type</c>; a named scale is a list on choices, a question's
/// own answers a list marked <c>samraad_options inline</c>; missing codes are the list <c>samraad_missing_codes</c>
/// and each question's accepted codes <c>samraad_missing</c>; categories and text limits have sheets of their own.
/// </summary>
public static class XlsFormWriter
{
    /// <summary>A matrix with this one column is a plain XLSForm table-list (one answer per row).</summary>
    public const string OnlyColumn = "svar", OnlyColumnLabel = "Svar";

    static readonly string[] SurveyColumns =
    [
        "type", "name", "label", "hint", "required", "relevant", "constraint", "appearance", "repeat_count",
        "samraad_type", "samraad_options", "samraad_missing", "samraad_unit", "samraad_short_label", "samraad_personal",
        "samraad_columns", "samraad_max_rows_message",
    ];

    static readonly string[] ChoiceColumns = ["list_name", "name", "label", "samraad_description", "samraad_counts_as_yes", "samraad_exclusive"];

    public static byte[] Write(FormSpec form) => Xlsx.Write(Sheets(form));

    public static IEnumerable<(string Name, List<IReadOnlyList<string?>> Rows)> Sheets(FormSpec form)
    {
        var survey = new List<IReadOnlyList<string?>> { SurveyColumns };
        var choices = new List<IReadOnlyList<string?>> { ChoiceColumns };
        var taken = form.Scales.Keys.Append(XlsFormReader.MissingCodesList).ToHashSet();
        string Unique(string name) { var n = name; for (var i = 2; !taken.Add(n); i++) n = $"{name}_{i}"; return n; }
        string? yesNo = null;
        var ownLists = new List<(string Name, IReadOnlyList<OptionSpec> Options)>();

        Dictionary<string, string?> Value(ValueSpec v, string listName)
        {
            var row = new Dictionary<string, string?> { ["constraint"] = XlsFormExpressions.WriteConstraint(v, null), ["samraad_unit"] = v.Unit };
            switch (v.Type)
            {
                case FieldType.YesNo:
                    row["type"] = $"select_one {yesNo ??= Unique("ja_nej")}";
                    row["samraad_type"] = "yesno";
                    break;
                case FieldType.Choice or FieldType.MultiChoice:
                    var word = v.Type == FieldType.Choice ? "select_one" : "select_multiple";
                    if (v.Options is { Count: > 0 } own)
                    {
                        var name = Unique(listName);
                        ownLists.Add((name, own));
                        row["type"] = $"{word} {name}";
                        row["samraad_options"] = "inline";
                    }
                    else row["type"] = $"{word} {v.Scale}";
                    break;
                case FieldType.Amount or FieldType.Percent:
                    row["type"] = "decimal";
                    row["samraad_type"] = v.Type == FieldType.Amount ? "amount" : "percent";
                    break;
                default:
                    row["type"] = v.Type.ToString().ToLowerInvariant();
                    break;
            }
            return row;
        }

        void Add(Dictionary<string, string?> row) => survey.Add(SurveyColumns.Select(c => row.GetValueOrDefault(c) is { Length: > 0 } v ? v : null).ToList());

        Dictionary<string, string?> Question(FieldSpec f, string listName, IEnumerable<string>? atMost)
        {
            var row = Value(f, listName);
            row["name"] = f.Key;
            row["label"] = f.Label;
            row["hint"] = f.Hint;
            row["required"] = f.Required ? "yes" : null;
            row["relevant"] = f.AskedIf is null ? null : XlsFormExpressions.WriteRelevant(f.AskedIf, form);
            row["constraint"] = XlsFormExpressions.WriteConstraint(f, atMost);
            row["samraad_missing"] = f.MissingCodes.Count == 0 ? null : string.Join(' ', f.MissingCodes);
            row["samraad_short_label"] = f.ShortLabel;
            row["samraad_personal"] = f.Personal ? "yes" : null;
            return row;
        }

        foreach (var section in form.Sections)
        {
            Add(new()
            {
                ["type"] = "begin_group", ["name"] = section.Key, ["label"] = section.Title, ["hint"] = section.Description,
                ["relevant"] = section.AskedIf is null ? null : XlsFormExpressions.WriteRelevant(section.AskedIf, form),
            });
            foreach (var f in section.Fields)
            {
                switch (f.Type)
                {
                    case FieldType.Matrix:
                        var group = Question(f, f.Key, null);
                        (group["type"], group["appearance"], group["required"], group["constraint"], group["samraad_unit"], group["samraad_type"], group["samraad_options"]) =
                            ("begin_group", "table-list", null, null, null, null, null);
                        group["samraad_columns"] = f.Columns is [{ Key: OnlyColumn, Label: OnlyColumnLabel, Description: null }] ? null
                            : string.Join("\n", f.Columns!.Select(c => $"{c.Key} = {c.Label}"));
                        Add(group);
                        var cell = Value(f.Cell!, f.Key);
                        foreach (var r in f.Rows!)
                            Add(new Dictionary<string, string?>(cell) { ["name"] = r.Key, ["label"] = r.Label, ["hint"] = r.Description, ["required"] = f.Required ? "yes" : null });
                        Add(new() { ["type"] = "end_group" });
                        break;
                    case FieldType.Table:
                        var repeat = Question(f, f.Key, null);
                        (repeat["type"], repeat["repeat_count"], repeat["samraad_max_rows_message"], repeat["constraint"], repeat["samraad_unit"]) =
                            ("begin_repeat", f.MaxRows?.ToString(CultureInfo.InvariantCulture), f.MaxRowsMessage, null, null);
                        Add(repeat);
                        foreach (var column in f.TableColumns!) Add(Question(column, $"{f.Key}.{column.Key}", null));
                        Add(new() { ["type"] = "end_repeat" });
                        break;
                    default:
                        Add(Question(f, f.Key, form.PartOf.Where(p => p.Field == f.Key).Select(p => p.AtMost)));
                        break;
                }
            }
            Add(new() { ["type"] = "end_group" });
        }

        void List(string name, IEnumerable<OptionSpec> options) =>
            choices.AddRange(options.Select(o => (IReadOnlyList<string?>)[name, o.Key, o.Label, o.Description, o.CountsAsYes ? "yes" : null, o.Exclusive ? "yes" : null]));
        foreach (var (name, options) in form.Scales) List(name, options);
        if (yesNo is not null) List(yesNo, [new OptionSpec { Key = "ja", Label = "Ja" }, new OptionSpec { Key = "nej", Label = "Nej" }]);
        foreach (var (name, options) in ownLists) List(name, options);
        List(XlsFormReader.MissingCodesList, form.MissingCodes);

        yield return ("survey", survey);
        yield return ("choices", choices);
        yield return ("settings", [
            ["form_title", "form_id", "version", "default_language", "samraad_description"],
            [form.Title, form.Key, form.Version.ToString(CultureInfo.InvariantCulture), "Dansk (da)", form.Description],
        ]);
        if (form.Categories.Count > 0)
            yield return ("samraad_categories", [
                ["list_name", "name", "label", "options"],
                .. form.Categories.SelectMany(s => s.Value.Select(c => (IReadOnlyList<string?>)[s.Key, c.Key, c.Label, string.Join(' ', c.Options)])),
            ]);
        if (form.TextLimits.Count > 0)
            yield return ("samraad_text_limits", [
                ["label", "max", "fields"],
                .. form.TextLimits.Select(t => (IReadOnlyList<string?>)[t.Label, t.Max.ToString(CultureInfo.InvariantCulture), string.Join(' ', t.Fields)]),
            ]);
    }
}
