using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections.Summaries;

/// <summary>A respondent as the summary sees it: who, and which group it belongs to in each group set.</summary>
public sealed record RespondentInfo(int OrganisationId, string Slug, string Name, int? Code, IReadOnlyDictionary<string, string> Groups);

/// <summary>The submitted answers of the respondents that have submitted; those absent have not.</summary>
public sealed record SummaryInput(
    FormSpec Form,
    IReadOnlyList<RespondentInfo> Respondents,
    IReadOnlyDictionary<int, IReadOnlyDictionary<string, AnswerValue>> Submitted);

/// <summary>How often one answer (an option or a missing code) was given.</summary>
public sealed record OptionCount(string Key, string Label, int Count, bool IsMissingCode = false);

/// <summary>The computed figures of one leaf over a set of respondents.</summary>
public sealed record LeafSummary(
    Leaf Leaf,
    int Respondents,
    int Submitted,
    int Answered,
    int Blank,
    IReadOnlyList<OptionCount> Options,
    IReadOnlyList<OptionCount> MissingCodes,
    decimal? Sum,
    decimal? Mean,
    decimal? Min,
    decimal? Max,
    int? Asked = null,
    decimal? Median = null,
    string? Earliest = null,
    string? Latest = null,
    IReadOnlyList<OptionCount>? Categories = null)
{
    /// <summary>The base of the shares: those who were asked (a conditional question), otherwise every respondent.</summary>
    public int Base => Asked ?? Respondents;

    /// <summary>Not submitted + submitted blank + a missing code: every respondent without a value.</summary>
    public int WithoutValue => Respondents - Answered;
}

/// <summary>A repeating table summarised: respondents with rows, rows in all, and each column over all rows (its Respondents = rows).</summary>
public sealed record TableSummary(FieldSpec Field, int RespondentsWithRows, int Rows, IReadOnlyList<LeafSummary> Columns);

/// <summary>The same leaf summarised within each group of a group set.</summary>
public sealed record GroupBreakdown(string GroupSetKey, IReadOnlyList<(string Group, IReadOnlyList<LeafSummary> Leaves)> Groups);

/// <summary>Summaries are computed from submitted answers every time they are shown; nothing here is stored.</summary>
public static class Summary
{
    public static IReadOnlyList<LeafSummary> Compute(SummaryInput input) =>
        Compute(input.Form, input.Respondents, input.Submitted);

    public static IReadOnlyList<LeafSummary> Compute(
        FormSpec form, IReadOnlyList<RespondentInfo> respondents,
        IReadOnlyDictionary<int, IReadOnlyDictionary<string, AnswerValue>> submitted) =>
        form.FixedLeaves().Select(leaf => ComputeLeaf(form, leaf, respondents, submitted)).ToList();

    public static LeafSummary ComputeLeaf(
        FormSpec form, Leaf leaf, IReadOnlyList<RespondentInfo> respondents,
        IReadOnlyDictionary<int, IReadOnlyDictionary<string, AnswerValue>> submitted)
    {
        var answers = respondents
            .Where(r => submitted.ContainsKey(r.OrganisationId))
            .Select(r => submitted[r.OrganisationId].GetValueOrDefault(leaf.Key))
            .ToList();
        // A conditional question: the base is the respondents who submitted and were asked it ("af 12, der blev spurgt").
        int? asked = Conditions.IsConditional(form, leaf.Field)
            ? respondents.Count(r => submitted.TryGetValue(r.OrganisationId, out var a) && Conditions.IsAsked(form, leaf.Field, a))
            : null;
        return Statistics(form, leaf, respondents.Count, answers) with { Asked = asked };
    }

    /// <summary>
    /// The figures of one leaf over a list of answers (null = none given) out of <paramref name="of"/>: per option,
    /// per missing code, and for numbers and dates, by the semantics of the type.
    /// </summary>
    static LeafSummary Statistics(FormSpec form, Leaf leaf, int of, IReadOnlyList<AnswerValue?> answers)
    {
        var values = answers.Where(a => a?.Value is not null).Select(a => a!.Value!).ToList();
        var codes = answers.Where(a => a?.Missing is not null).Select(a => a!.Missing!).ToList();

        var options = leaf.Spec.Type switch
        {
            FieldType.YesNo => new List<OptionCount>
            {
                new("ja", "Ja", values.Count(v => v == "ja")),
                new("nej", "Nej", values.Count(v => v == "nej")),
            },
            FieldType.Choice => leaf.Spec.ResolvedOptions.Select(o => new OptionCount(o.Key, o.Label, values.Count(v => v == o.Key))).ToList(),
            // Per option: the respondents who chose it among others — the shares may add up past 100 %.
            FieldType.MultiChoice => leaf.Spec.ResolvedOptions.Select(o => new OptionCount(o.Key, o.Label, values.Count(v => FieldValues.Choices(v).Contains(o.Key)))).ToList(),
            _ => new List<OptionCount>(),
        };
        var missing = leaf.Field.MissingCodes
            .Select(c => new OptionCount(c, form.MissingCodeLabel(c), codes.Count(x => x == c), IsMissingCode: true))
            .ToList();
        var numbers = values.Select(v => FieldValues.Number(leaf.Spec, v)).OfType<decimal>().ToList();
        var numeric = FieldValues.IsNumeric(leaf.Spec.Type) && numbers.Count > 0;
        // Semantics per type (README "Summaries"): a sum only where adding means something — never of percents.
        var dates = leaf.Spec.Type == FieldType.Date ? values.Order(StringComparer.Ordinal).ToList() : [];
        return new LeafSummary(leaf, of, answers.Count, values.Count,
            answers.Count(a => a is null || a.IsEmpty), options, missing,
            numeric && leaf.Spec.Type != FieldType.Percent ? numbers.Sum() : null, numeric ? numbers.Average() : null,
            numeric ? numbers.Min() : null, numeric ? numbers.Max() : null, null,
            numeric ? MedianOf(numbers) : null, dates.FirstOrDefault(), dates.LastOrDefault(), Categories(leaf.Spec, values));
    }

    /// <summary>Each named category of the scale: the respondents whose answer is one of its options (any of them, for a multi-select).</summary>
    public static IReadOnlyList<OptionCount> Categories(ValueSpec spec, IReadOnlyList<string> values) => spec.ResolvedCategories
        .Select(c => new OptionCount(c.Key, c.Label, values.Count(v => (spec.Type == FieldType.MultiChoice ? FieldValues.Choices(v) : [v]).Any(c.Options.Contains))))
        .ToList();

    /// <summary>The middle value; for an even count the mean of the two middle ones.</summary>
    public static decimal? MedianOf(IReadOnlyList<decimal> numbers)
    {
        if (numbers.Count == 0) return null;
        var sorted = numbers.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>
    /// A repeating table over every respondent: how many reported rows and how many rows in all, and each column
    /// summarised over all rows (numbers: n, sum, mean, median, min, max; yes/no and choices: counts).
    /// </summary>
    public static IReadOnlyList<TableSummary> Tables(SummaryInput input)
    {
        var result = new List<TableSummary>();
        foreach (var field in input.Form.Fields.Where(f => f.Type == FieldType.Table))
        {
            var rowsByRespondent = input.Respondents.Where(r => input.Submitted.ContainsKey(r.OrganisationId)).Select(r =>
            {
                var answers = input.Submitted[r.OrganisationId];
                var rows = answers.Where(a => !a.Value.IsEmpty).Select(a => input.Form.FindLeaf(a.Key)).OfType<Leaf>()
                    .Where(l => l.Field == field).Select(l => l.RowIndex!.Value).Distinct().ToList();
                return (answers, rows);
            }).ToList();
            var totalRows = rowsByRespondent.Sum(x => x.rows.Count);
            var columns = field.TableColumns!.Select(column =>
            {
                // Every row of every respondent counts once: a column is summarised over all rows, like a field over respondents.
                var leaf = new Leaf($"{field.Key}/*/{column.Key}", field, column, $"{field.FullLabel}: {column.Label}", ColumnKey: column.Key, CellLabel: column.Label);
                var cells = rowsByRespondent.SelectMany(x => x.rows.Select(n => x.answers.GetValueOrDefault(FieldKeys.TableCell(field.Key, n, column.Key)))).ToList();
                return Statistics(input.Form, leaf, cells.Count, cells);
            }).ToList();
            result.Add(new TableSummary(field, rowsByRespondent.Count(x => x.rows.Count > 0), totalRows, columns));
        }
        return result;
    }

    /// <summary>The leaf summaries within each group of one group set (groups in the order given).</summary>
    public static GroupBreakdown ByGroup(SummaryInput input, string groupSetKey, IReadOnlyList<string> groupOrder)
    {
        var groups = groupOrder
            .Select(g => (g, (IReadOnlyList<LeafSummary>)Compute(input.Form,
                input.Respondents.Where(r => r.Groups.GetValueOrDefault(groupSetKey) == g).ToList(), input.Submitted)))
            .ToList();
        return new GroupBreakdown(groupSetKey, groups);
    }

    /// <summary>Whether an answer counts as a "yes" in totals: "Ja" for yes/no, options marked countsAsYes for choices.</summary>
    public static bool CountsAsYes(ValueSpec spec, string? value) => value is not null && spec.Type switch
    {
        FieldType.YesNo => value == "ja",
        FieldType.Choice => spec.ResolvedOptions.Any(o => o.Key == value && o.CountsAsYes),
        _ => false,
    };

    /// <summary>How many respondents gave one of the given answers — the "15/17" figure.</summary>
    public static int CountAnswers(string leafKey, IEnumerable<string> answerKeys, IReadOnlyList<RespondentInfo> respondents,
        IReadOnlyDictionary<int, IReadOnlyDictionary<string, AnswerValue>> submitted)
    {
        var set = answerKeys.ToHashSet();
        return respondents.Count(r => submitted.TryGetValue(r.OrganisationId, out var a)
                                      && a.TryGetValue(leafKey, out var v) && v.Value is not null && set.Contains(v.Value));
    }
}
