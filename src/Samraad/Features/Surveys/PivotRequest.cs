namespace Samraad.Features.Surveys;

/// <summary>A pivot asked for by a user, the API or the command line: a question, optionally a split, categories and
/// a limit to one value of another dimension ("region:Region Sjælland") — the second dimension.</summary>
public sealed record PivotRequest(string? Question, string? Split, string? Categories, string? Filter = null)
{
    /// <summary>From a form, a query string or the command line: blank means not given.</summary>
    public static PivotRequest From(string? question, string? split, string? categories, string? filter)
    {
        static string? Given(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return new PivotRequest(Given(question), Given(split), Given(categories), Given(filter));
    }

    public List<FieldError> Check(SurveyDefinition def, IReadOnlyList<(string Key, string Label)> splits, IReadOnlyList<(string Key, string Label)>? filters = null)
    {
        var errors = new List<FieldError>();
        if (Filter is not null && filters?.Any(f => f.Key == Filter) != true)
            errors.Add(new FieldError("kun", $"»{Filter}« er ikke en værdi, tabellen kan afgrænses til; vælg en i listen (API og kommandolinje: fx »{filters?.FirstOrDefault().Key}«)"));
        if (Question is null) errors.Add(new FieldError("spoergsmaal", "Vælg et spørgsmål"));
        else if (def.Question(Question) is null) errors.Add(new FieldError("spoergsmaal", $"Spørgsmålet »{Question}« findes ikke i undersøgelsen"));
        if (Split is not null && splits.All(s => s.Key != Split))
            errors.Add(new FieldError("opdeling", $"»{Split}« er ikke en opdeling i undersøgelsen (mulige: {string.Join(", ", splits.Select(s => s.Key))})"));
        if (Categories is not null && def.Categories?.ContainsKey(Categories) != true)
            errors.Add(new FieldError("kategorier", $"Kategorierne »{Categories}« findes ikke i undersøgelsen"));
        else if (Categories is not null && def.Question(Question ?? "") is { } q && def.CategoriesOf(Categories).SelectMany(c => c.Answers).Any(a => !def.AnswersOf(q).Contains(a)))
            errors.Add(new FieldError("kategorier", $"Kategorierne »{string.Join(" / ", def.CategoriesOf(Categories).Select(c => c.Label))}« passer ikke til spørgsmålets svar ({string.Join(", ", def.AnswersOf(q))})"));
        return errors;
    }
}
