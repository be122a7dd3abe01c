using System.Text.Json.Serialization;

namespace Samraad.Features.Collections.Forms;

/// <summary>
/// When a field or section is asked: <c>"askedIf": {"field": "plan", "equals": "ja"}</c>, or <c>oneOf</c>, <c>isYes</c>,
/// a number compare (<c>atLeast</c>, <c>atMost</c>, <c>greaterThan</c>, <c>lessThan</c>), and <c>all</c>/<c>any</c> of
/// several. For a multi-select, <c>equals</c> means "has chosen".
/// </summary>
public sealed class ConditionSpec
{
    public string? Field { get; set; }
    [JsonPropertyName("equals")] public string? EqualTo { get; set; }
    public List<string>? OneOf { get; set; }
    public bool? IsYes { get; set; }
    public decimal? AtLeast { get; set; }
    public decimal? AtMost { get; set; }
    public decimal? GreaterThan { get; set; }
    public decimal? LessThan { get; set; }
    public List<ConditionSpec>? All { get; set; }
    public List<ConditionSpec>? Any { get; set; }
}

/// <summary>
/// Conditional questions, evaluated on the server: a field not asked is never required, its stored answer is kept but
/// ignored (not counted, not checked), and the form says in words when it is asked. Checked when the form is read:
/// a condition naming an unknown field, a matrix or a table, or forming a cycle, refuses the form.
/// </summary>
public static class Conditions
{
    /// <summary>The field's own condition and its section's (both must hold), or none.</summary>
    static IEnumerable<ConditionSpec> Of(FormSpec form, FieldSpec field)
    {
        if (form.Sections.FirstOrDefault(s => s.Fields.Contains(field))?.AskedIf is { } section) yield return section;
        if (field.AskedIf is { } own) yield return own;
    }

    public static bool IsConditional(FormSpec form, FieldSpec field) => Of(form, field).Any();

    /// <summary>Whether the field is asked, given the answers as they stand (a field that depends on one not asked is not asked).</summary>
    public static bool IsAsked(FormSpec form, FieldSpec field, IReadOnlyDictionary<string, AnswerValue> answers) =>
        Of(form, field).All(c => Holds(form, c, answers));

    static bool Holds(FormSpec form, ConditionSpec c, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        if (c.All is { } all && !all.All(x => Holds(form, x, answers))) return false;
        if (c.Any is { Count: > 0 } any && !any.Any(x => Holds(form, x, answers))) return false;
        if (c.Field is null) return true;
        var field = form.Field(c.Field)!;
        if (!IsAsked(form, field, answers)) return false;
        var value = answers.GetValueOrDefault(c.Field)?.Value;
        if (value is null) return false;
        var chosen = field.Type == FieldType.MultiChoice ? FieldValues.Choices(value) : [value];
        if (c.EqualTo is { } eq && !chosen.Contains(eq)) return false;
        if (c.OneOf is { } one && !one.Any(chosen.Contains)) return false;
        if (c.IsYes is bool yes && Summaries.Summary.CountsAsYes(field, value) != yes) return false;
        var number = FieldValues.Number(field, value);
        if (c.AtLeast is decimal min && !(number >= min)) return false;
        if (c.AtMost is decimal max && !(number <= max)) return false;
        if (c.GreaterThan is decimal gt && !(number > gt)) return false;
        if (c.LessThan is decimal lt && !(number < lt)) return false;
        return true;
    }

    /// <summary>The answers that count: those of fields not asked are left out (they stay stored, and are shown as not asked).</summary>
    public static IReadOnlyDictionary<string, AnswerValue> AskedOnly(FormSpec form, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        if (!form.Fields.Any(f => IsConditional(form, f))) return answers;
        return answers.Where(a => form.Field(a.Key.Split('/')[0]) is not { } field || IsAsked(form, field, answers))
            .ToDictionary(a => a.Key, a => a.Value);
    }

    /// <summary>
    /// An answer sent for a question that, with the answers as they would stand, is not asked — unless it is the
    /// answer already stored (a page without JavaScript sends back what it shows): refused by the field.
    /// </summary>
    public static List<FieldError> AnsweredButNotAsked(FormSpec form, IReadOnlyDictionary<string, AnswerValue?> sent,
        IReadOnlyDictionary<string, AnswerValue> stored, IReadOnlyDictionary<string, AnswerValue> wouldBe)
    {
        var errors = new List<FieldError>();
        foreach (var (key, value) in sent)
        {
            if (value is null || form.FindLeaf(key) is not { } leaf || IsAsked(form, leaf.Field, wouldBe) || stored.GetValueOrDefault(key) == value) continue;
            errors.Add(new FieldError(key, $"{leaf.Question}: {Describe(form, leaf.Field)!.TrimEnd('.')}. Svaret er ikke gemt."));
        }
        return errors;
    }

    /// <summary>"Besvares kun, hvis du har svaret Ja til »Har kommunen en plan?«." — or null for a field always asked.</summary>
    public static string? Describe(FormSpec form, FieldSpec field)
    {
        var parts = Of(form, field).Select(c => Words(form, c)).ToList();
        return parts.Count == 0 ? null : $"Besvares kun, hvis du har svaret {string.Join(" og ", parts)}.";
    }

    /// <summary>The section's own condition in words, or null for a section always asked.</summary>
    public static string? Describe(FormSpec form, SectionSpec section) =>
        section.AskedIf is { } c ? $"Besvares kun, hvis du har svaret {Words(form, c)}." : null;

    static string Words(FormSpec form, ConditionSpec c)
    {
        var parts = new List<string>();
        if (c.Field is { } key && form.Field(key) is { } field)
        {
            string Label(string option) => field.Type == FieldType.YesNo ? FieldValues.Display(field, option) : field.ResolvedOptions.FirstOrDefault(o => o.Key == option)?.Label ?? option;
            var question = $"»{field.Question}«";
            if (c.EqualTo is { } eq) parts.Add($"{Label(eq)} til {question}");
            if (c.OneOf is { } one) parts.Add($"{string.Join(" eller ", one.Select(Label))} til {question}");
            if (c.IsYes is bool yes) parts.Add($"{(yes ? "Ja" : "Nej")} til {question}");
            if (c.AtLeast is decimal min) parts.Add($"mindst {min.ToString("0.##", DanishTime.Culture)} til {question}");
            if (c.AtMost is decimal max) parts.Add($"højst {max.ToString("0.##", DanishTime.Culture)} til {question}");
            if (c.GreaterThan is decimal gt) parts.Add($"mere end {gt.ToString("0.##", DanishTime.Culture)} til {question}");
            if (c.LessThan is decimal lt) parts.Add($"mindre end {lt.ToString("0.##", DanishTime.Culture)} til {question}");
            if (parts.Count == 0) parts.Add($"noget til {question}");
        }
        if (c.All is { } all) parts.AddRange(all.Select(x => Words(form, x)));
        if (c.Any is { Count: > 0 } any) parts.Add(string.Join(" eller ", any.Select(x => Words(form, x))));
        return string.Join(" og ", parts);
    }

    /// <summary>Refuses conditions on unknown fields, on a whole matrix or table, with nothing to test, or in a cycle.</summary>
    public static void Check(FormSpec form)
    {
        var dependsOn = new Dictionary<string, HashSet<string>>();
        foreach (var field in form.Fields)
        {
            var names = new HashSet<string>();
            foreach (var c in Of(form, field)) Collect(form, c, field.Key, names);
            dependsOn[field.Key] = names;
        }
        var done = new HashSet<string>();
        foreach (var start in dependsOn.Keys) Visit(start, [], dependsOn, done);
    }

    static void Collect(FormSpec form, ConditionSpec c, string owner, HashSet<string> names)
    {
        if (c.Field is null && c.All is null && c.Any is null)
            throw new InvalidDataException($"Betingelsen (askedIf) på »{owner}« nævner intet felt.");
        if (c.Field is { } key)
        {
            var target = form.Field(key) ?? throw new InvalidDataException($"Betingelsen (askedIf) på »{owner}« nævner feltet »{key}«, som ikke findes i skemaet.");
            if (target.Type is FieldType.Matrix or FieldType.Table)
                throw new InvalidDataException($"Betingelsen (askedIf) på »{owner}« kan ikke afhænge af matrix- eller tabelfeltet »{key}« som helhed.");
            names.Add(key);
        }
        foreach (var x in (c.All ?? []).Concat(c.Any ?? [])) Collect(form, x, owner, names);
    }

    static void Visit(string key, List<string> path, Dictionary<string, HashSet<string>> dependsOn, HashSet<string> done)
    {
        if (done.Contains(key)) return;
        if (path.Contains(key))
            throw new InvalidDataException($"Betingelserne (askedIf) danner en kreds: {string.Join(" → ", path.SkipWhile(p => p != key).Append(key))}.");
        path.Add(key);
        foreach (var next in dependsOn.GetValueOrDefault(key) ?? []) Visit(next, path, dependsOn, done);
        path.RemoveAt(path.Count - 1);
        done.Add(key);
    }
}
