using Samraad.Data;

namespace Samraad.Features.Surveys;

/// <summary>Surveys as JSON: the list, a survey's tables, charts and reconciliation, and any one pivot.</summary>
public static class SurveyApi
{
    public static void MapSurveyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/surveys").RequireAuthorization().WithTags("Undersøgelser og pivottabeller");
        api.MapGet("", async (HttpContext http, ListSurveys list) => ApiProblems.Ok(await list.Handle(UserContext.From(http.User)!)))
            .WithSummary("Undersøgelser, brugeren kan se");
        api.MapGet("/{slug}", async (string slug, HttpContext http, AppDbContext db) =>
        {
            var (ctx, problem) = await Load(db, slug, http);
            return ctx is null ? problem! : Results.Ok(Dto(await ComputeSurveyReport.Handle(db, ctx)));
        }).WithSummary("En undersøgelse med spørgsmål, svarprocent og trykte tal").Produces<SurveyReportDto>().ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/{slug}/pivot", async (string slug, string? question, string? split, string? categories, string? filter, HttpContext http, ReadPivots read) =>
            ApiProblems.Ok((await read.Handle(slug, UserContext.From(http.User)!, PivotRequest.From(question, split, categories, filter))).Map(tables => tables.Single())))
            .WithSummary("Pivottabel: question=, split= (region, klynge eller en gruppering), categories=, filter=").Produces<PivotDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
    }

    static Task<(SurveyContext? Value, IResult? Denied)> Load(AppDbContext db, string slug, HttpContext http) =>
        Guard.Api(SurveyContext.Load(db, slug), "Undersøgelsen findes ikke.", s => s.CanRead(UserContext.From(http.User)!),
            "Du har ikke adgang til denne undersøgelse.");

    public static PivotDto Dto(PivotTable t) => new(t.Title, t.Question, t.QuestionLabel, t.Split, t.ByCategory, t.Rows.Select(r => r.Label).ToList(), t.Columns,
        t.Rows.SelectMany(r => r.Cells.Select((c, j) => new PivotCellDto(r.Label, t.Columns[j], c.Count, r.IsTotal ? null : c.Percent,
            string.Join(" / ", new[] { c.PrintedCount, c.PrintedPercent }.Where(p => p is not null)) is { Length: > 0 } p ? p : null, c.Differs))).ToList());

    public static SurveyReportDto Dto(SurveyReport r) => new(r.Survey.Slug, r.Survey.Title, r.Definition.Source, r.Definition.Note, r.Respondents, r.Rate,
        r.AllTables.Select(Dto).ToList(), r.Charts.Select(c => new ChartDto(c.Key, c.Title, c.Categories, c.Bars)).ToList(),
        r.Discrepancies, r.PrintedChecked);
}
