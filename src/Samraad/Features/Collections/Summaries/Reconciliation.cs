using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Collections.Summaries;

/// <summary>
/// A figure a document once printed, kept only to compare with what the answers give.
/// Either a count ("15/17" answered one of <see cref="Answers"/>) or one respondent's cell value.
/// </summary>
public sealed record PrintedFigure(
    string Source,
    string FieldKey,
    string Printed,
    IReadOnlyList<string>? Answers = null,
    int? Count = null,
    int? Of = null,
    string? RespondentSlug = null,
    string? Value = null)
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
            checks.Add(figure.IsCount ? CheckCount(input, leaf, figure) : CheckCell(input, leaf, figure));
        }
        return checks;
    }

    static FigureCheck CheckCount(SummaryInput input, Leaf leaf, PrintedFigure figure)
    {
        var count = Summary.CountAnswers(leaf.Key, figure.Answers ?? [], input.Respondents, input.Submitted);
        var of = input.Respondents.Count;
        return new FigureCheck(figure, leaf.Label, null, $"{count}/{of}", count == figure.Count && of == figure.Of);
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
