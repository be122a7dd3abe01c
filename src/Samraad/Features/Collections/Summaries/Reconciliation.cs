using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections.Summaries;

/// <summary>What a printed figure over all respondents is: a sum, a mean, a median, or a share in percent of those who gave one of the answers.</summary>
public static class PrintedMeasure
{
    public const string Sum = "sum", Mean = "gennemsnit", Median = "median", Share = "andel";
    public static readonly string[] All = [Sum, Mean, Median, Share];
}

/// <summary>
/// A figure a document once printed, kept only to compare with what the answers give: a count ("15/17" answered
/// one of <see cref="Answers"/>), one respondent's cell value, or a <see cref="Measure"/> over all respondents
/// ("samlet budget 29,5 mio. kr." = the sum rounded to <see cref="Rounding"/> 100.000; "gennemsnit 34 %").
/// </summary>
public sealed record PrintedFigure(
    string Source,
    string FieldKey,
    string Printed,
    IReadOnlyList<string>? Answers = null,
    int? Count = null,
    int? Of = null,
    string? RespondentSlug = null,
    string? Value = null,
    string? Measure = null,
    decimal? Rounding = null)
{
    public bool IsCount => Count is not null;
}

/// <summary>A printed figure next to the computed one.</summary>
public sealed record FigureCheck(PrintedFigure Figure, string FieldLabel, string? RespondentName, string Computed, bool Agrees);

/// <summary>Compares printed figures with the submitted answers. Pure: the caller loads both.</summary>
public static class Reconciliation
{
    public static IReadOnlyList<FigureCheck> Check(SummaryInput input, IEnumerable<PrintedFigure> printed)
    {
        var checks = new List<FigureCheck>();
        foreach (var figure in printed)
        {
            var leaf = input.Form.FindLeaf(figure.FieldKey);
            if (leaf is null)
            {
                checks.Add(new FigureCheck(figure, figure.FieldKey, null, "feltet findes ikke i skemaet", false));
                continue;
            }
            checks.Add(figure.Measure is not null ? CheckMeasure(input, leaf, figure) : figure.IsCount ? CheckCount(input, leaf, figure) : CheckCell(input, leaf, figure));
        }
        return checks;
    }

    static FigureCheck CheckCount(SummaryInput input, Leaf leaf, PrintedFigure figure)
    {
        var count = Summary.CountAnswers(leaf.Key, figure.Answers ?? [], input.Respondents, input.Submitted);
        var of = input.Respondents.Count;
        return new FigureCheck(figure, leaf.Label, null, $"{count}/{of}", count == figure.Count && of == figure.Of);
    }

    /// <summary>
    /// A sum, mean, median or share, rounded as the print rounded it (half away from zero, to the step given) and then
    /// compared with the printed value: 29.512.000 kr. rounded to 100.000 is 29.500.000 = "29,5 mio. kr.".
    /// </summary>
    static FigureCheck CheckMeasure(SummaryInput input, Leaf leaf, PrintedFigure figure)
    {
        var s = Summary.ComputeLeaf(input.Form, leaf, input.Respondents, input.Submitted);
        decimal? computed = figure.Measure switch
        {
            PrintedMeasure.Sum => s.Sum,
            PrintedMeasure.Mean => s.Mean,
            PrintedMeasure.Median => s.Median,
            PrintedMeasure.Share => s.Base == 0 ? null
                : 100m * Summary.CountAnswers(leaf.Key, figure.Answers ?? [], input.Respondents, input.Submitted) / s.Base,
            _ => null,
        };
        var step = figure.Rounding is > 0 ? figure.Rounding.Value : 1m;
        var rounded = computed is decimal c ? Math.Round(c / step, MidpointRounding.AwayFromZero) * step : (decimal?)null;
        var printed = DanishNumber.Parse(figure.Value) ?? (decimal.TryParse(figure.Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null);
        var unit = figure.Measure == PrintedMeasure.Share ? " %" : leaf.Spec.Type == FieldType.Amount ? " kr." : leaf.Spec.Type == FieldType.Percent ? " %" : "";
        var text = computed is decimal v
            ? $"{v.ToString("#,##0.##", DanishTime.Culture)}{unit}" + (rounded != v ? $" (afrundet {rounded!.Value.ToString("#,##0.##", DanishTime.Culture)}{unit})" : "")
            : "intet at beregne";
        return new FigureCheck(figure, leaf.Label, null, text, rounded is decimal r && printed is decimal pr && r == pr);
    }

    static FigureCheck CheckCell(SummaryInput input, Leaf leaf, PrintedFigure figure)
    {
        var respondent = input.Respondents.FirstOrDefault(r => r.Slug == figure.RespondentSlug);
        if (respondent is null)
            return new FigureCheck(figure, leaf.Label, figure.RespondentSlug, "ikke respondent", false);
        var stored = input.Submitted.GetValueOrDefault(respondent.OrganisationId)?.GetValueOrDefault(leaf.Key);
        var (printed, _) = FieldValues.Parse(leaf.Spec, leaf.Label, figure.Value);
        var agrees = stored?.Value == printed;
        return new FigureCheck(figure, leaf.Label, respondent.Name, FieldValues.Display(leaf.Spec, stored?.Value), agrees);
    }
}
