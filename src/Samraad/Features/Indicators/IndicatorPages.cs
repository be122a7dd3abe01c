using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Documents;
using Samraad.Documents.Pdf;
using Samraad.Features.Indicators.Pages;

namespace Samraad.Features.Indicators;

/// <summary>Pages of key figure sets: list, the computed tables with formulas and charts, entering a period, the cost model, exports.</summary>
public static class IndicatorPages
{
    public static void MapIndicatorPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/noegletal").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("", async (HttpContext http, ListKeyFigureSets list) =>
            Html.Render<IndicatorsIndexPage>(new { Sets = (await list.Handle(User(http))).Value!.Select(s => new IndicatorsIndexPage.Item(s.Slug, s.Title,
                $"{s.FirstPeriodLabel}–{s.LastPeriodLabel}", string.Join(", ", s.Reporters))).ToList() }));
        pages.MapGet("/{slug}", async (string slug, HttpContext http, AppDbContext db) =>
        {
            var (ctx, visible, denied) = await Load(http, db, slug);
            if (ctx is null) return denied!;
            var sets = await ctx.GroupSets(db, visible);
            var groupSet = http.Request.Query["gruppe"].FirstOrDefault() is { Length: > 0 } g ? g : null;
            if (groupSet is not null && sets.All(x => x.Key != groupSet))
                return Html.Error(400, "Ukendt opdeling", $"»{groupSet}« er ikke en opdeling af disse indberettere. Vælg en i listen.");
            var (report, groupSetName) = await ctx.Report(db, visible, groupSet);
            return Html.Render<KeyFigurePage>(new
            {
                R = report, Reporters = visible.Select(r => r.Name).ToList(), EditFor = EditFor(ctx, User(http)),
                HasPlacePrice = ctx.Set.Definition().PlacePrice is not null, Notice = http.Request.Query["besked"].FirstOrDefault(),
                GroupSets = sets, GroupSet = groupSet, GroupSetName = groupSetName,
            });
        });
        pages.MapGet("/{slug}/indtast", async (string slug, HttpContext http, AppDbContext db) =>
        {
            var (ctx, _, denied) = await Load(http, db, slug);
            if (ctx is null) return denied!;
            var editFor = EditFor(ctx, User(http));
            if (editFor.Count == 0) return Html.Forbidden();
            var org = int.TryParse(http.Request.Query["organisation"], out var o) && editFor.Any(r => r.Id == o) ? o : editFor[0].Id;
            var period = http.Request.Query["periode"].FirstOrDefault() is { } p && ctx.Set.Periods().Contains(p) ? p : ctx.Set.LastPeriod;
            var stored = await db.KeyFigureValues.AsNoTracking().Where(v => v.SetId == ctx.Set.Id && v.OrganisationId == org && v.Period == period).ToListAsync();
            return Html.Render<EnterPage>(new
            {
                ctx.Set, EditFor = editFor, OrganisationId = org, Period = period,
                Values = stored.ToDictionary(v => v.Key, v => v.Value?.ToString("#,##0.########", DanishTime.Culture)),
                Missing = stored.ToDictionary(v => v.Key, v => v.MissingCode),
            });
        });
        pages.MapPost("/{slug}/indtast", Enter).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapGet("/{slug}/beregning", PlacePrice);
        pages.MapGet("/{slug}/noegletal.csv", async (string slug, HttpContext http, AppDbContext db) => await Export(slug, http, db, "csv"));
        pages.MapGet("/{slug}/noegletal.xlsx", async (string slug, HttpContext http, AppDbContext db) => await Export(slug, http, db, "xlsx"));
        pages.MapGet("/{slug}/noegletal.pdf", Pdf);
    }

    static UserContext User(HttpContext http) => UserContext.From(http.User)!;

    static IReadOnlyList<(int Id, string Name)> EditFor(KeyFigureContext ctx, UserContext user) => ctx.Reporters.Where(r => ctx.CanEdit(user, r.Id)).ToList();

    static async Task<(KeyFigureContext? Ctx, IReadOnlyList<(int Id, string Name)> Visible, IResult? Denied)> Load(HttpContext http, AppDbContext db, string slug)
    {
        var ctx = await KeyFigureContext.Load(db, slug);
        if (ctx is null) return (null, [], Html.NotFound("Nøgletallene"));
        var visible = ctx.Visible(User(http));
        return visible.Count > 0 ? (ctx, visible, null) : (null, [], Html.Forbidden());
    }

    static async Task<IResult> Enter(string slug, HttpContext http, AppDbContext db, EnterKeyFigures enter)
    {
        var (ctx, _, denied) = await Load(http, db, slug);
        if (ctx is null) return denied!;
        var form = await http.Request.ReadFormAsync();
        var def = ctx.Set.Definition();
        var org = int.TryParse(form["organisation"], out var o) ? o : 0;
        var period = form["periode"].FirstOrDefault();
        var values = def.Fields.ToDictionary(f => f.Key, f => (string?)form[f.Key].FirstOrDefault());
        var missing = def.Fields.ToDictionary(f => f.Key, f => (string?)form[$"mangler.{f.Key}"].FirstOrDefault());
        var outcome = await enter.Handle(ctx, User(http), org, period, values, missing);
        return await Html.From(outcome,
            saved => Results.Redirect($"/noegletal/{slug}?besked={Uri.EscapeDataString($"{saved} tal for {Periods.Label(ctx.Set.PeriodKind, period!)} er gemt.")}", false),
            failed => Task.FromResult(Html.Render<EnterPage>(new
            {
                ctx.Set, EditFor = EditFor(ctx, User(http)), OrganisationId = org, Period = period, Values = values, Missing = missing,
                failed.Errors, Problem = failed.Message,
            }, failed.Status)));
    }

    static async Task<IResult> PlacePrice(string slug, HttpContext http, AppDbContext db)
    {
        var (ctx, _, denied) = await Load(http, db, slug);
        if (ctx is null) return denied!;
        if (ctx.Set.Definition().PlacePrice is not { } spec) return Html.NotFound("Beregningen");
        var (model, errors, changed) = PlacePriceInput.Read(spec, http.Request.Query);
        return Html.Render<PlacePricePage>(new { ctx.Set, Spec = spec, Model = model, Result = model.Compute(), Changed = changed, Errors = errors }, errors.Count > 0 ? 400 : 200);
    }

    public static List<IReadOnlyList<string?>> Rows(KeyFigureReport r)
    {
        var rows = new List<IReadOnlyList<string?>> { new[] { "tabel", "art", "noegle", "tal", "indberetter", "periode", "vaerdi", "vist", "trykt", "afviger", "forklaring" } };
        foreach (var t in r.Tables)
            foreach (var row in t.Rows)
                for (var i = 0; i < r.Columns.Count; i++)
                {
                    var c = row.Cells[i];
                    if (c.Empty) continue;
                    rows.Add([t.Title, row.Kind switch { RowKind.Field => "tal", RowKind.Indicator => "indikator", _ => "kontrol" }, row.Key, row.Label,
                        r.Columns[i].Organisation, r.Columns[i].Period, c.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Display, c.Printed,
                        c.Differs ? "ja" : "", c.Missing]);
                }
        return rows;
    }

    static async Task<IResult> Export(string slug, HttpContext http, AppDbContext db, string format)
    {
        var (ctx, visible, denied) = await Load(http, db, slug);
        if (ctx is null) return denied!;
        var rows = Rows(await ctx.Report(db, visible));
        return format == "csv"
            ? Results.File(Csv.Write(rows), "text/csv; charset=utf-8", $"{slug}.csv")
            : Results.File(Xlsx.Write([("Nøgletal", rows)]), Xlsx.ContentType, $"{slug}.xlsx");
    }

    static async Task<IResult> Pdf(string slug, HttpContext http, AppDbContext db, HtmlDocuments html, ChromiumPdf chromium)
    {
        var (ctx, visible, denied) = await Load(http, db, slug);
        if (ctx is null) return denied!;
        var doc = await html.Document<KeyFigureDocument>(ctx.Set.Title, new Dictionary<string, object?> { ["R"] = await ctx.Report(db, visible) });
        var pdf = PdfAssembler.Assemble([new PdfPart(await chromium.Print(doc), ctx.Set.Title)], ctx.Set.Title, ctx.Set.Title);
        return Results.File(pdf, "application/pdf", $"{slug}.pdf");
    }
}
