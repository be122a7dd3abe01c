using Microsoft.EntityFrameworkCore;
using Samraad.Auth;
using Samraad.Data;
using Samraad.Common;
using Samraad.Features.Collections.Forms;

namespace Samraad.Features.Indicators;

public sealed record KeyFigureSetItem(string Slug, string Title, string PeriodKind, string FirstPeriod, string LastPeriod, string FirstPeriodLabel, string LastPeriodLabel, IReadOnlyList<string> Reporters);
public sealed record IndicatorValueDto(string Reporter, string Period, decimal? Value, string Display, string? Missing, string? Printed, bool Differs);
public sealed record IndicatorRowDto(string Table, string Kind, string Key, string Label, string? Unit, string? Formula, IReadOnlyList<IndicatorValueDto> Values);
public sealed record KeyFigureReportDto(string Slug, string Title, string Source, IReadOnlyList<IndicatorRowDto> Rows, IReadOnlyList<Discrepancy> Discrepancies, int PrintedChecked);

/// <summary>Key figures as JSON: the sets the user may see; a set's fields, indicators (with formula in words) and checks per reporter and period.</summary>
public static class IndicatorApi
{
    public static void MapIndicatorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/indicators").RequireAuthorization().WithTags("Nøgletal og indikatorer");
        api.MapGet("", async (HttpContext http, AppDbContext db) => Results.Ok(await List(db, UserContext.From(http.User)!)));
        api.MapGet("/{slug}", async (string slug, string? groupSet, HttpContext http, AppDbContext db) =>
        {
            var ctx = await KeyFigureContext.Load(db, slug);
            if (ctx is null) return ApiProblems.NotFound("Nøgletallene findes ikke.");
            var visible = ctx.Visible(UserContext.From(http.User)!);
            if (visible.Count == 0) return ApiProblems.Forbidden("Du har ikke adgang til disse nøgletal.");
            if (!string.IsNullOrEmpty(groupSet) && (await ctx.GroupSets(db, visible)).All(s => s.Key != groupSet))
                return ApiProblems.Invalid("Ukendt opdeling", [new FieldError("groupSet", $"»{groupSet}« er ikke en opdeling af disse indberettere")]);
            return Results.Ok(Dto((await ctx.Report(db, visible, string.IsNullOrEmpty(groupSet) ? null : groupSet)).Report));
        });
        api.MapGet("/{slug}/summary", async (string slug, HttpContext http, AppDbContext db) =>
        {
            var ctx = await KeyFigureContext.Load(db, slug);
            if (ctx is null) return ApiProblems.NotFound("Nøgletallene findes ikke.");
            var visible = ctx.Visible(UserContext.From(http.User)!);
            if (visible.Count == 0) return ApiProblems.Forbidden("Du har ikke adgang til disse nøgletal.");
            var summary = await SummariseKeyFigures.Handle(db, ctx.Set.Id, visible.Select(r => r.Id).ToList());
            return Results.Ok(summary.OrderBy(s => s.Period).ThenBy(s => s.Key, StringComparer.Ordinal));
        });
    }

    /// <summary>The command line acts as an administrator: it runs on the server, with the database's own rights.</summary>

    public static async Task<List<KeyFigureSetItem>> List(AppDbContext db, UserContext user)
    {
        var sets = await db.KeyFigureSets.AsNoTracking().Include(s => s.Reporters).ThenInclude(r => r.Organisation).OrderBy(s => s.Title).ToListAsync();
        return sets.Select(s => (Set: s, Visible: new KeyFigureContext(s, s.Reporters.Select(r => (r.OrganisationId, r.Organisation!.Name)).ToList()).Visible(user)))
            .Where(x => x.Visible.Count > 0)
            .Select(x => new KeyFigureSetItem(x.Set.Slug, x.Set.Title, x.Set.PeriodKind.ToString(), x.Set.FirstPeriod, x.Set.LastPeriod,
                Periods.Label(x.Set.PeriodKind, x.Set.FirstPeriod), Periods.Label(x.Set.PeriodKind, x.Set.LastPeriod), x.Visible.Select(r => r.Name).ToList()))
            .ToList();
    }

    public static KeyFigureReportDto Dto(KeyFigureReport r) => new(r.Set.Slug, r.Set.Title, r.Set.Source,
        r.Tables.SelectMany(t => t.Rows.Select(row => new IndicatorRowDto(t.Title, row.Kind.ToString(), row.Key, row.Label, row.Unit, row.Words,
            row.Cells.Select((c, i) => (c, i)).Where(x => !x.c.Empty)
                .Select(x => new IndicatorValueDto(r.Columns[x.i].Organisation, r.Columns[x.i].Period, x.c.Value, x.c.Display, x.c.Missing, x.c.Printed, x.c.Differs)).ToList()))).ToList(),
        r.Discrepancies, r.PrintedChecked);
}
