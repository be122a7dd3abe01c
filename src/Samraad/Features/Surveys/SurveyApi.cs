using Samraad.Auth;
using Samraad.Data;
using Samraad.Features.Collections.Forms;
using Samraad.Common;

namespace Samraad.Features.Surveys;

public sealed record SurveyItemDto(string Slug, string Title, int Respondents, string Differences);
public sealed record PivotCellDto(string Row, string Column, int Count, decimal? Percent, string? Printed, bool Differs);
public sealed record PivotDto(string Title, string Question, string QuestionLabel, string? Split, bool ByCategory, IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, IReadOnlyList<PivotCellDto> Cells);
public sealed record ChartDto(string Key, string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartBar> Bars);
public sealed record SurveyReportDto(string Slug, string Title, string Source, string? Note, int Respondents, ResponseRate? ResponseRate,
    IReadOnlyList<PivotDto> Pivots, IReadOnlyList<ChartDto> Charts, IReadOnlyList<SurveyDiscrepancy> Discrepancies, int PrintedChecked);

/// <summary>Surveys as JSON: the list, a survey's tables, charts and reconciliation, and any one pivot.</summary>
public static class SurveyApi
{
    public static void MapSurveyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/surveys").RequireAuthorization().WithTags("Undersøgelser og pivottabeller");
        api.MapGet("", async (HttpContext http, AppDbContext db) =>
            Results.Ok((await SurveyPages.Items(db, UserContext.From(http.User)!)).Select(i => new SurveyItemDto(i.Slug, i.Title, i.Respondents, i.Differences))));
        api.MapGet("/{slug}", async (string slug, HttpContext http, AppDbContext db) =>
        {
            var (ctx, problem) = await Load(db, slug, http);
            return ctx is null ? problem! : Results.Ok(Dto(await ComputeSurveyReport.Handle(db, ctx)));
        });
        api.MapGet("/{slug}/pivot", async (string slug, string? question, string? split, string? categories, string? filter, HttpContext http, AppDbContext db) =>
        {
            var (ctx, problem) = await Load(db, slug, http);
            if (ctx is null) return problem!;
            var request = PivotRequest.From(question, split, categories, filter);
            var errors = request.Check(ctx.Definition, await ctx.Splits(db), await ctx.Filters(db));
            if (errors.Count > 0)
                return ApiProblems.Invalid("Tabellen kan ikke laves", errors.Select(e => e with { Key = e.Key switch { "spoergsmaal" => "question", "opdeling" => "split", "kun" => "filter", _ => "categories" } }));
            return Results.Ok(Dto(await ctx.Pivot(db, request.Question!, request.Split, request.Categories, filter: request.Filter)));
        });
    }

    static async Task<(SurveyContext?, IResult?)> Load(AppDbContext db, string slug, HttpContext http)
    {
        var ctx = await SurveyContext.Load(db, slug);
        if (ctx is null) return (null, ApiProblems.NotFound("Undersøgelsen findes ikke."));
        return ctx.CanRead(UserContext.From(http.User)!) ? (ctx, null) : (null, ApiProblems.Forbidden("Du har ikke adgang til denne undersøgelse."));
    }

    public static PivotDto Dto(PivotTable t) => new(t.Title, t.Question, t.QuestionLabel, t.Split, t.ByCategory, t.Rows.Select(r => r.Label).ToList(), t.Columns,
        t.Rows.SelectMany(r => r.Cells.Select((c, j) => new PivotCellDto(r.Label, t.Columns[j], c.Count, r.IsTotal ? null : c.Percent,
            string.Join(" / ", new[] { c.PrintedCount, c.PrintedPercent }.Where(p => p is not null)) is { Length: > 0 } p ? p : null, c.Differs))).ToList());

    public static SurveyReportDto Dto(SurveyReport r) => new(r.Survey.Slug, r.Survey.Title, r.Definition.Source, r.Definition.Note, r.Respondents, r.Rate,
        r.AllTables.Select(Dto).ToList(), r.Charts.Select(c => new ChartDto(c.Key, c.Title, c.Categories, c.Bars)).ToList(),
        r.Discrepancies, r.PrintedChecked);
}
