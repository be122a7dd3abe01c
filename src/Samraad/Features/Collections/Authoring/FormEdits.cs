using Samraad.Features.Collections.Forms;
using Samraad.Features.Reference;

namespace Samraad.Features.Collections.Authoring;

/// <summary>
/// The form editor's rules, plain: each edit changes a copy of the form and returns the errors by input name; the
/// caller then reads the result back with <see cref="FormSpecReader"/>, which checks the whole form (conditions,
/// cycles, matrices) as for a pack.
/// </summary>
public static class FormEdits
{
    public enum Move { Up, Down }

    /// <summary>The editor's address for a new question (/skema/felter/ny): no question may have it as key.</summary>
    public const string NewFieldAddress = "ny";

    public static List<FieldError> AddSection(FormSpec form, string? title, string? description)
    {
        var t = title?.Trim() ?? "";
        if (t == "") return [new FieldError("sectionTitle", "Skriv afsnittets titel")];
        var key = UniqueKey(Slug.From(t) is { Length: > 0 } k ? k : "afsnit", form.Sections.Select(s => s.Key));
        form.Sections.Add(new SectionSpec { Key = key, Title = t, Description = Blank(description) });
        return [];
    }

    public static List<FieldError> EditSection(FormSpec form, string key, string? title, string? description)
    {
        if (form.Sections.FirstOrDefault(s => s.Key == key) is not { } section) return [new FieldError("sectionTitle", "Afsnittet findes ikke")];
        if (string.IsNullOrWhiteSpace(title)) return [new FieldError("sectionTitle", "Skriv afsnittets titel")];
        (section.Title, section.Description) = (title.Trim(), Blank(description));
        return [];
    }

    public static bool MoveSection(FormSpec form, string key, Move move) => Swap(form.Sections, form.Sections.FindIndex(s => s.Key == key), move);

    public static bool MoveField(FormSpec form, string key, Move move) =>
        form.Sections.FirstOrDefault(s => s.Fields.Any(f => f.Key == key)) is { } section && Swap(section.Fields, section.Fields.FindIndex(f => f.Key == key), move);

    public static bool DeleteSection(FormSpec form, string key) => form.Sections.RemoveAll(s => s.Key == key) > 0;

    public static bool DeleteField(FormSpec form, string key) => form.Sections.Any(s => s.Fields.RemoveAll(f => f.Key == key) > 0);

    /// <summary>Adds a field at the end of a section, or replaces the field <paramref name="existing"/> where it stands.</summary>
    public static List<FieldError> SaveField(FormSpec form, string sectionKey, string? existing, QuestionInput input)
    {
        var errors = new List<FieldError>();
        var section = existing is null ? form.Sections.FirstOrDefault(s => s.Key == sectionKey) : form.Sections.FirstOrDefault(s => s.Fields.Any(f => f.Key == existing));
        if (section is null) return [new FieldError("label", "Afsnittet findes ikke")];
        var old = existing is null ? null : section.Fields.First(f => f.Key == existing);
        var field = Build(form, input, old, errors);
        if (field is not null && form.Fields.Any(f => f.Key == field.Key && f != old))
            errors.Add(new FieldError("key", $"Nøglen »{field.Key}« bruges allerede af et andet spørgsmål i skemaet"));
        if (errors.Count > 0 || field is null) return errors;
        if (old is null) section.Fields.Add(field);
        else section.Fields[section.Fields.IndexOf(old)] = field;
        // A question is asked after those it depends on, as XLSForm requires (a form spreadsheet refuses a later one).
        var order = form.Fields.Select(f => f.Key).ToList();
        if (field.AskedIf is { Field: { } on, All: null, Any: null } && (field.AskedIf != old?.AskedIf || old?.Key != field.Key) && order.IndexOf(on) > order.IndexOf(field.Key))
            return [new FieldError("conditionField", $"»{form.Field(on)!.Label}« kommer efter dette spørgsmål: vælg et spørgsmål, der stilles før")];
        // Rename the key in what refers to it: conditions and "heraf" rules.
        if (old is not null && old.Key != field.Key)
        {
            foreach (var c in form.Sections.Select(s => s.AskedIf).Concat(form.Fields.Select(f => f.AskedIf)).OfType<ConditionSpec>().SelectMany(Flatten))
                if (c.Field == old.Key) c.Field = field.Key;
            foreach (var rule in form.PartOf)
                (rule.Field, rule.AtMost) = (rule.Field == old.Key ? field.Key : rule.Field, rule.AtMost == old.Key ? field.Key : rule.AtMost);
        }
        return errors;
    }

    static FieldSpec? Build(FormSpec form, QuestionInput input, FieldSpec? old, List<FieldError> errors)
    {
        var label = input.Label?.Trim() ?? "";
        if (label == "") errors.Add(new FieldError("label", "Skriv spørgsmålet"));
        var key = string.IsNullOrWhiteSpace(input.Key)
            ? UniqueKey(Slug.From(label) is { Length: > 0 } s ? s : "spoergsmaal", form.Fields.Where(f => f != old).Select(f => f.Key).Append(NewFieldAddress))
            : input.Key.Trim();
        if (!FieldKeys.IsValidKey(key)) errors.Add(new FieldError("key", "Nøglen må kun have små bogstaver a–z, tal, punktum og bindestreg, fx antal-pladser"));
        else if (key == NewFieldAddress) errors.Add(new FieldError("key", $"Nøglen »{NewFieldAddress}« er reserveret; vælg en anden, fx {NewFieldAddress}-spoergsmaal"));
        if (QuestionInput.Types.FirstOrDefault(t => QuestionInput.TypeName(t.Type) == input.Type) is not { Label: not null } type)
        {
            errors.Add(new FieldError("type", "Vælg en type"));
            return null;
        }
        var field = new FieldSpec
        {
            Key = key, Label = label, Type = type.Type, Hint = Blank(input.Hint), Required = input.Required, ShortLabel = Blank(input.ShortLabel),
            MissingCodes = (input.MissingCodes ?? []).Where(code => form.MissingCodes.Any(m => m.Key == code)).Distinct().ToList(),
            Personal = old?.Personal ?? false,
        };
        Values(field, input, errors, "");
        KeepOptionSettings(field.Options, old?.Options ?? (old?.Scale is { } oldScale ? form.Scales.GetValueOrDefault(oldScale) : null));
        switch (type.Type)
        {
            case FieldType.Choice or FieldType.MultiChoice:
                if (old?.Scale is { } scale && SameOptions(form.Scales.GetValueOrDefault(scale), field.Options)) (field.Scale, field.Options) = (scale, null); // keep the shared scale
                if (type.Type == FieldType.MultiChoice)
                {
                    field.MinChoices = Count(input.MinChoices, "minChoices", "Mindst antal valg", errors);
                    field.MaxChoices = Count(input.MaxChoices, "maxChoices", "Højst antal valg", errors);
                    if (Blank(input.Exclusive) is { } exclusive)
                    {
                        if ((field.Options ?? form.Scales.GetValueOrDefault(field.Scale ?? "")) is { } list && list.FirstOrDefault(o => o.Key == exclusive) is { } o)
                        {
                            field.Options ??= list.Select(x => new OptionSpec { Key = x.Key, Label = x.Label, Description = x.Description }).ToList();
                            field.Scale = null;
                            field.Options.First(x => x.Key == o.Key).Exclusive = true;
                        }
                        else errors.Add(new FieldError("exclusive", $"»{exclusive}« er ikke en af svarmulighederne; skriv nøglen på det svar, der ikke kan kombineres med andre"));
                    }
                }
                break;
            case FieldType.Matrix:
                field.Rows = QuestionInput.ParseOptions(input.Rows, "rows", "Rækker", errors);
                field.Columns = QuestionInput.ParseOptions(input.Columns, "columns", "Kolonner", errors);
                if (field.Rows is { Count: 0 }) errors.Add(new FieldError("rows", "Skriv mindst én række"));
                if (field.Columns is { Count: 0 }) errors.Add(new FieldError("columns", "Skriv mindst én kolonne"));
                var cellType = QuestionInput.Types.FirstOrDefault(t => QuestionInput.TypeName(t.Type) == input.CellType && t.Type is not (FieldType.Matrix or FieldType.Table or FieldType.MultiChoice));
                if (cellType.Label is null) { errors.Add(new FieldError("cellType", "Vælg cellernes type")); break; }
                // A cell of the same type keeps its limits; options are as typed, with what the old ones said beyond their text.
                var cell = old?.Cell is { } was && was.Type == cellType.Type
                    ? new ValueSpec { Type = was.Type, Min = was.Min, Max = was.Max, Unit = was.Unit, MaxLength = was.MaxLength, NotInPast = was.NotInPast }
                    : new ValueSpec { Type = cellType.Type };
                if (cellType.Type == FieldType.Choice)
                {
                    if (old?.Cell?.Scale is { } cellScale && SameOptions(form.Scales.GetValueOrDefault(cellScale), QuestionInput.ParseOptions(input.CellOptions, "cellOptions", "Cellernes svarmuligheder", [])))
                        cell.Scale = cellScale;
                    else if ((cell.Options = QuestionInput.ParseOptions(input.CellOptions, "cellOptions", "Cellernes svarmuligheder", errors)) is { Count: 0 })
                        errors.Add(new FieldError("cellOptions", "Skriv cellernes svarmuligheder, én pr. linje"));
                    KeepOptionSettings(cell.Options, old?.Cell?.Options ?? (old?.Cell?.Scale is { } s2 ? form.Scales.GetValueOrDefault(s2) : null));
                }
                field.Cell = cell;
                (field.Options, field.Min, field.Max) = (null, null, null);
                break;
            case FieldType.Table:
                field.MaxRows = Count(input.MaxRows, "maxRows", "Højst antal rækker", errors) ?? 10;
                field.MaxRowsMessage = Blank(input.MaxRowsMessage);
                field.TableColumns = TableColumns(input.TableColumns, old, errors);
                (field.Options, field.Min, field.Max) = (null, null, null);
                break;
        }
        field.AskedIf = Condition(form, field, input, old, errors);
        return field;
    }

    /// <summary>The value rules a plain field or a table column shares: limits, unit, length, options.</summary>
    static void Values(FieldSpec field, QuestionInput input, List<FieldError> errors, string prefix)
    {
        if (FieldValues.IsNumeric(field.Type))
        {
            field.Min = Number(input.Min, prefix + "min", "Mindste værdi", errors);
            field.Max = Number(input.Max, prefix + "max", "Største værdi", errors);
            if (field.Min > field.Max) errors.Add(new FieldError(prefix + "max", "Største værdi skal være mindst lige så stor som mindste værdi"));
            field.Unit = Blank(input.Unit);
        }
        if (field.Type == FieldType.Text) field.MaxLength = Count(input.MaxLength, prefix + "maxLength", "Højst antal tegn", errors);
        if (field.Type == FieldType.Date) field.NotInPast = input.NotInPast;
        if (field.Type is FieldType.Choice or FieldType.MultiChoice)
        {
            field.Options = QuestionInput.ParseOptions(input.Options, prefix + "options", "Svarmuligheder", errors);
            if (field.Options is { Count: 0 }) errors.Add(new FieldError(prefix + "options", "Skriv svarmulighederne, én pr. linje"));
        }
    }

    static List<FieldSpec>? TableColumns(string? text, FieldSpec? old, List<FieldError> errors)
    {
        var columns = new List<FieldSpec>();
        foreach (var (line, n) in QuestionInput.Lines(text))
        {
            var parts = line.Split('=', StringSplitOptions.TrimEntries);
            var typeName = parts.Length == 3 ? parts[2] : "text";
            var type = QuestionInput.Types.FirstOrDefault(t => QuestionInput.TypeName(t.Type) == typeName && t.Type is not (FieldType.Matrix or FieldType.Table or FieldType.MultiChoice or FieldType.Choice));
            if (parts.Length is < 2 or > 3 || !FieldKeys.IsValidKey(parts[0]) || parts[1] == "" || type.Label is null)
            {
                errors.Add(new FieldError("tableColumns", $"Kolonner, linje {n}: skriv »nøgle = tekst = type«; type er en af yesNo, integer, decimal, amount, percent, date, text"));
                return null;
            }
            if (columns.Any(c => c.Key == parts[0])) { errors.Add(new FieldError("tableColumns", $"Kolonner, linje {n}: nøglen »{parts[0]}« findes allerede")); return null; }
            // A column kept as it was keeps its limits and options; a new or retyped one starts plain.
            var before = old?.TableColumns?.FirstOrDefault(c => c.Key == parts[0] && c.Type == type.Type);
            var column = before ?? new FieldSpec { Key = parts[0], Type = type.Type };
            column.Label = parts[1];
            columns.Add(column);
        }
        if (columns.Count == 0) errors.Add(new FieldError("tableColumns", "Skriv mindst én kolonne, fx »beloeb = Anlægsudgift = amount«"));
        return columns;
    }

    static ConditionSpec? Condition(FormSpec form, FieldSpec field, QuestionInput input, FieldSpec? old, List<FieldError> errors)
    {
        if (old?.AskedIf is { All: not null } or { Any: not null }) return old.AskedIf; // combined conditions are kept as the pack wrote them
        if (Blank(input.ConditionField) is not { } on) return null;
        if (form.Field(on) is not { } other || other.Key == field.Key)
        {
            errors.Add(new FieldError("conditionField", "Vælg det spørgsmål, svaret afhænger af"));
            return null;
        }
        var value = Blank(input.ConditionValue);
        string? Option(string v) => other.Type == FieldType.YesNo ? (v.ToLowerInvariant() is "ja" or "nej" ? v.ToLowerInvariant() : null)
            : (other.Options ?? form.Scales.GetValueOrDefault(other.Scale ?? "") ?? []).FirstOrDefault(o => o.Key == v || string.Equals(o.Label, v, StringComparison.OrdinalIgnoreCase))?.Key;
        var condition = new ConditionSpec { Field = on };
        switch (input.ConditionOperator)
        {
            case "isYes" or "isNo": condition.IsYes = input.ConditionOperator == "isYes"; break;
            case "equals" when value is not null && Option(value) is { } key: condition.EqualTo = key; break;
            case "oneOf" when value is not null && value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Option).ToList() is var keys && keys.All(k => k is not null) && keys.Count > 0:
                condition.OneOf = keys!; break;
            case "atLeast" or "atMost" or "greaterThan" or "lessThan" when DanishNumber.Parse(value) is decimal d:
                _ = input.ConditionOperator switch { "atLeast" => condition.AtLeast = d, "atMost" => condition.AtMost = d, "greaterThan" => condition.GreaterThan = d, _ => condition.LessThan = d };
                break;
            case "equals" or "oneOf":
                errors.Add(new FieldError("conditionValue", $"Skriv et af svarene på »{other.Label}« (nøgle eller tekst)"));
                return null;
            case "atLeast" or "atMost" or "greaterThan" or "lessThan":
                errors.Add(new FieldError("conditionValue", "Skriv et tal, fx 10 eller 2,5"));
                return null;
            default:
                errors.Add(new FieldError("conditionOperator", "Vælg hvordan svaret skal være"));
                return null;
        }
        return condition;
    }

    /// <summary>An option kept by key keeps what the editor does not show: its description and whether it counts as yes ("Ja*").</summary>
    static void KeepOptionSettings(List<OptionSpec>? typed, IEnumerable<OptionSpec>? before)
    {
        if (typed is null || before is null) return;
        foreach (var option in typed)
            if (before.FirstOrDefault(b => b.Key == option.Key) is { } was) (option.Description, option.CountsAsYes) = (was.Description, was.CountsAsYes);
    }

    static IEnumerable<ConditionSpec> Flatten(ConditionSpec c) => (c.All ?? []).Concat(c.Any ?? []).SelectMany(Flatten).Prepend(c);

    static bool SameOptions(List<OptionSpec>? scale, List<OptionSpec>? typed) =>
        scale is not null && typed is not null && scale.Select(o => (o.Key, o.Label)).SequenceEqual(typed.Select(o => (o.Key, o.Label)));

    static bool Swap<T>(List<T> list, int i, Move move)
    {
        var j = move == Move.Up ? i - 1 : i + 1;
        if (i < 0 || j < 0 || j >= list.Count) return false;
        (list[i], list[j]) = (list[j], list[i]);
        return true;
    }

    static string UniqueKey(string wanted, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet();
        var key = wanted.Length > 60 ? wanted[..60].TrimEnd('-') : wanted;
        for (var n = 2; used.Contains(key); n++) key = $"{wanted}-{n}";
        return key;
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static decimal? Number(string? text, string key, string what, List<FieldError> errors)
    {
        if (Blank(text) is not { } t) return null;
        if (DanishNumber.Parse(t) is decimal d) return d;
        errors.Add(new FieldError(key, $"{what} skal være et tal, fx 0 eller 1.000"));
        return null;
    }

    static int? Count(string? text, string key, string what, List<FieldError> errors)
    {
        if (Blank(text) is not { } t) return null;
        if (int.TryParse(t, out var n) && n is >= 1 and <= 100_000) return n;
        errors.Add(new FieldError(key, $"{what} skal være et helt tal fra 1, fx 5"));
        return null;
    }
}
