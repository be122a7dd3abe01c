using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections.Authoring;

/// <summary>
/// The form's shared answer lists, edited in the browser: named scales (one option per line, <c>nøgle = Tekst</c>,
/// with <c>[tæller som ja]</c> or <c>[alene]</c> at the end), their named categories (<c>nøgle = Tekst: svar, svar</c>)
/// and the catalogue of missing codes. Pure edits of a <see cref="FormSpec"/>; <see cref="EditForm"/> saves them.
/// </summary>
public static class ScaleEdits
{
    public const string Yes = "[tæller som ja]", Alone = "[alene]";

    /// <summary>The options as the page shows them (what <see cref="ParseOptions"/> reads back).</summary>
    public static string Lines(IEnumerable<OptionSpec> options) =>
        string.Join("\n", options.Select(o => $"{o.Key} = {o.Label}{(o.CountsAsYes ? " " + Yes : "")}{(o.Exclusive ? " " + Alone : "")}"));

    public static string CategoryLines(IEnumerable<CategorySpec> categories) =>
        string.Join("\n", categories.Select(c => $"{c.Key} = {c.Label}: {string.Join(", ", c.Options)}"));

    /// <summary>A scale added (<paramref name="isNew"/>) or changed: its options (with their flags) and categories; an option kept by key keeps its description.</summary>
    public static List<FieldError> SaveScale(FormSpec form, string? name, bool isNew, string? optionsText, string? categoriesText)
    {
        var errors = new List<FieldError>();
        var key = name?.Trim() ?? "";
        if (isNew)
        {
            if (!FieldKeys.IsValidKey(key)) errors.Add(new FieldError("name", "Skalaens navn må kun have små bogstaver a–z, tal og bindestreg, fx enighed"));
            else if (form.Scales.ContainsKey(key)) errors.Add(new FieldError("name", $"Der findes allerede en skala »{key}«"));
        }
        else if (!form.Scales.ContainsKey(key)) return [new FieldError("name", $"Skalaen »{key}« findes ikke (er den slettet?)")];
        var options = ParseOptions(optionsText, "options", errors);
        if (options is { Count: 0 }) errors.Add(new FieldError("options", "Skriv mindst én svarmulighed"));
        var categories = options is null ? null : ParseCategories(categoriesText, options, errors);
        if (errors.Count > 0) return errors;
        foreach (var o in options!)
            if (form.Scales.GetValueOrDefault(key)?.FirstOrDefault(b => b.Key == o.Key) is { } was) o.Description = was.Description;
        form.Scales[key] = options!;
        if (categories!.Count == 0) form.Categories.Remove(key);
        else form.Categories[key] = categories;
        return errors;
    }

    /// <summary>A scale no question uses is deleted with its categories; one in use is refused, naming who uses it.</summary>
    public static List<FieldError> DeleteScale(FormSpec form, string name)
    {
        var users = form.Fields.Where(f => f.Scale == name || f.Cell?.Scale == name || (f.TableColumns ?? []).Any(c => c.Scale == name)).Select(f => $"»{f.Label}«").ToList();
        if (users.Count > 0) return [new FieldError("name", $"Skalaen »{name}« bruges af {string.Join(", ", users)}; giv dem andre svar først")];
        form.Scales.Remove(name);
        form.Categories.Remove(name);
        return [];
    }

    /// <summary>The missing-code catalogue; a code some question accepts cannot be removed (say which).</summary>
    public static List<FieldError> SaveMissingCodes(FormSpec form, string? text)
    {
        var errors = new List<FieldError>();
        var codes = QuestionInput.ParseOptions(text, "missing", "Manglende-koder", errors);
        if (codes is null) return errors;
        foreach (var gone in form.MissingCodes.Where(m => codes.All(c => c.Key != m.Key)))
            if (form.Fields.Where(f => f.MissingCodes.Contains(gone.Key)).Select(f => $"»{f.Label}«").ToList() is { Count: > 0 } users)
                errors.Add(new FieldError("missing", $"»{gone.Label}« ({gone.Key}) accepteres af {string.Join(", ", users)}; fjern den fra spørgsmålene først"));
        if (errors.Count > 0) return errors;
        foreach (var c in codes) c.Description = form.MissingCodes.FirstOrDefault(m => m.Key == c.Key)?.Description;
        form.MissingCodes = codes;
        return errors;
    }

    /// <summary>Option lines with the flags at the end; the flags are taken off before the line is read as »nøgle = Tekst«.</summary>
    static List<OptionSpec>? ParseOptions(string? text, string errorKey, List<FieldError> errors)
    {
        var lines = QuestionInput.Lines(text).Select(l => l.Line).ToList();
        var flags = lines.Select(l => (Yes: l.Contains(Yes, StringComparison.OrdinalIgnoreCase), Alone: l.Contains(Alone, StringComparison.OrdinalIgnoreCase))).ToList();
        var stripped = lines.Select(l => l.Replace(Yes, "", StringComparison.OrdinalIgnoreCase).Replace(Alone, "", StringComparison.OrdinalIgnoreCase).Trim()).ToList();
        if (stripped.IndexOf("") is var empty and >= 0)
        {
            errors.Add(new FieldError(errorKey, $"Svarmuligheder, linje {empty + 1}: skriv svaret før {Yes} eller {Alone}"));
            return null;
        }
        var plain = string.Join("\n", stripped);
        var options = QuestionInput.ParseOptions(plain, errorKey, "Svarmuligheder", errors);
        if (options is null) return null;
        for (var i = 0; i < options.Count; i++) (options[i].CountsAsYes, options[i].Exclusive) = flags[i];
        return options;
    }

    static List<CategorySpec>? ParseCategories(string? text, List<OptionSpec> options, List<FieldError> errors)
    {
        var categories = new List<CategorySpec>();
        foreach (var (line, n) in QuestionInput.Lines(text))
        {
            var colon = line.LastIndexOf(':');
            var head = colon < 0 ? "" : line[..colon];
            var parts = head.Split('=', 2, StringSplitOptions.TrimEntries);
            var answers = colon < 0 ? [] : line[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (parts.Length != 2 || !FieldKeys.IsValidKey(parts[0]) || parts[1] == "" || answers.Count == 0)
            {
                errors.Add(new FieldError("categories", $"Kategorier, linje {n}: skriv »nøgle = Tekst: svar, svar«, fx »hoej = Høj eller meget høj: 4, 5«"));
                return null;
            }
            if (answers.FirstOrDefault(a => options.All(o => o.Key != a)) is { } unknown)
            {
                errors.Add(new FieldError("categories", $"Kategorier, linje {n}: »{unknown}« er ikke en af skalaens svarmuligheder ({string.Join(", ", options.Select(o => o.Key))})"));
                return null;
            }
            if (categories.Any(c => c.Key == parts[0]))
            {
                errors.Add(new FieldError("categories", $"Kategorier, linje {n}: nøglen »{parts[0]}« findes allerede"));
                return null;
            }
            categories.Add(new CategorySpec { Key = parts[0], Label = parts[1], Options = answers });
        }
        return categories;
    }
}
