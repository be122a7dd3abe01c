using Samraad.Data;

namespace Samraad.Features.Surveys;

/// <summary>
/// Pivot tables as the API and the command line give them: the asked question, or — with <c>everyQuestion</c> and no
/// question given — one table per question, all with the same split, categories and limit. Errors carry the API's keys.
/// </summary>
public sealed class ReadPivots(AppDbContext db)
{
    public async Task<Outcome<IReadOnlyList<PivotDto>>> Handle(string slug, UserContext user, PivotRequest request, bool everyQuestion = false, CancellationToken ct = default)
    {
        var found = await Guard.Read(SurveyContext.Load(db, slug), "Undersøgelsen findes ikke.", s => s.CanRead(user), "Du har ikke adgang til denne undersøgelse.");
        if (found.Value is not { } ctx) return found.As<IReadOnlyList<PivotDto>>();
        List<string?> questions = request.Question is null && everyQuestion ? [.. ctx.Definition.Questions.Select(q => q.Key)] : [request.Question];
        var tables = new List<PivotDto>();
        foreach (var question in questions)
        {
            var one = request with { Question = question };
            var errors = one.Check(ctx.Definition, await ctx.Splits(db), await ctx.Filters(db));
            if (errors.Count > 0)
                return Outcome<IReadOnlyList<PivotDto>>.Fail(Problem.Invalid, "Tabellen kan ikke laves",
                    errors.Select(e => e with { Key = e.Key switch { "spoergsmaal" => "question", "opdeling" => "split", "kun" => "filter", _ => "categories" } }).ToList());
            tables.Add(SurveyApi.Dto(await ctx.Pivot(db, one.Question!, one.Split, one.Categories, filter: one.Filter)));
        }
        return Outcome<IReadOnlyList<PivotDto>>.Success(tables);
    }
}
