using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections.Summaries;

/// <summary>One cell of the respondents × fields matrix, with any printed value that disagrees with it.</summary>
public sealed record MatrixCell(string Text, string? Missing, FigureCheck? Disagreement);

public sealed record MatrixRow(RespondentInfo Respondent, bool Submitted, IReadOnlyList<MatrixCell> Cells);

/// <summary>The seed's overview table, computed: respondents down, fields across, "I alt" at the foot.</summary>
public sealed record MatrixView(IReadOnlyList<Leaf> Columns, IReadOnlyList<MatrixRow> Rows, IReadOnlyList<string> Totals);

public static class Matrix
{
    /// <summary>
    /// Builds the matrix over all leaves of the current form: free text only when asked for, personal data only for
    /// those who may see it (<paramref name="includePersonal"/>: the owner's secretariat).
    /// </summary>
    public static MatrixView Build(SummaryInput input, IReadOnlyList<FigureCheck> checks, bool includeText, bool includePersonal = false)
    {
        var columns = input.Form.FixedLeaves().Concat(TableLeaves(input))
            .Where(l => (includeText || l.Spec.Type != FieldType.Text) && (includePersonal || !l.Personal)).ToList();
        var disagreements = checks.Where(c => !c.Agrees && !c.Figure.IsCount)
            .GroupBy(c => (c.Figure.RespondentSlug, c.Figure.FieldKey)).ToDictionary(g => g.Key, g => g.First());
        var rows = input.Respondents.Select(r =>
        {
            var answers = input.Submitted.GetValueOrDefault(r.OrganisationId);
            return new MatrixRow(r, answers is not null, columns.Select(leaf =>
            {
                var a = answers?.GetValueOrDefault(leaf.Key);
                var text = a?.Missing is not null ? input.Form.MissingCodeLabel(a.Missing) : FieldValues.TableDisplay(leaf.Spec, a?.Value);
                return new MatrixCell(text, a?.Missing, disagreements.GetValueOrDefault((r.Slug, leaf.Key)));
            }).ToList());
        }).ToList();
        var totals = columns.Select(leaf => Total(input, leaf)).ToList();
        return new MatrixView(columns, rows, totals);
    }

    /// <summary>"15/17" for yes-like answers; the sum for numbers, saying how many of the submitted it covers; the number answered for text.</summary>
    static string Total(SummaryInput input, Leaf leaf)
    {
        var values = input.Respondents.Select(r => input.Submitted.GetValueOrDefault(r.OrganisationId)?.GetValueOrDefault(leaf.Key)?.Value).ToList();
        var answered = $"{values.Count(v => v is not null)} svar";
        // Row n of one municipality's table and row n of another's are different projects: no total across them.
        if (leaf.RowIndex is not null) return answered;
        // Yes-like answers where "yes" means something (Ja, an option marked countsAsYes); a Likert scale has none.
        if (leaf.Spec.Type == FieldType.YesNo || (leaf.Spec.Type == FieldType.Choice && leaf.Spec.ResolvedOptions.Any(o => o.CountsAsYes)))
            return $"{values.Count(v => Summary.CountsAsYes(leaf.Spec, v))}/{input.Respondents.Count}";
        // A Likert scale with a named category: that one ("Høj eller meget høj: 9/17").
        if (leaf.Spec.ResolvedCategories.Count > 0)
        {
            var top = Summary.Categories(leaf.Spec, values.OfType<string>().ToList())[0];
            return $"{top.Label}: {top.Count}/{input.Respondents.Count}";
        }
        if (FieldValues.IsCategorical(leaf.Spec.Type)) return answered;
        if (leaf.Spec.Type == FieldType.Percent)
        {
            var shares = values.Select(v => FieldValues.Number(leaf.Spec, v)).OfType<decimal>().ToList();
            return shares.Count == 0 ? "–" : $"gns. {shares.Average().ToString("0.#", DanishTime.Culture)} %"; // percents are never added
        }
        if (FieldValues.IsNumeric(leaf.Spec.Type))
        {
            var numbers = values.Select(v => FieldValues.Number(leaf.Spec, v)).OfType<decimal>().ToList();
            if (numbers.Count == 0) return "–"; // nobody gave a number (blank or a missing code): no sum, never 0
            var sum = numbers.Sum();
            var partial = numbers.Count < input.Submitted.Count ? $" ({numbers.Count} af {input.Submitted.Count})" : "";
            return (leaf.Spec.Type == FieldType.Amount ? FieldValues.Display(leaf.Spec, ((long)(sum * 100)).ToString())
                : sum.ToString("#,##0.##", DanishTime.Culture)) + partial;
        }
        return answered;
    }

    /// <summary>Cells of repeating tables that hold data, in field, row and column order.</summary>
    public static IEnumerable<Leaf> TableLeaves(SummaryInput input)
    {
        var keys = input.Submitted.Values.SelectMany(a => a.Keys).Distinct().ToList();
        foreach (var field in input.Form.Fields.Where(f => f.Type == FieldType.Table))
            foreach (var leaf in keys.Where(k => k.StartsWith(field.Key + "/", StringComparison.Ordinal))
                         .Select(k => input.Form.FindLeaf(k)).OfType<Leaf>()
                         .OrderBy(l => l.RowIndex).ThenBy(l => field.TableColumns!.FindIndex(c => c.Key == l.ColumnKey)))
                yield return leaf;
    }
}
