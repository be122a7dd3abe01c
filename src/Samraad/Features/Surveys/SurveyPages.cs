using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Documents;
using Samraad.Documents.Pdf;
using Samraad.Features.Surveys.Pages;

namespace Samraad.Features.Surveys;

/// <summary>Pages of surveys: list, results (the pack's tables and charts, or a table of one's own choosing), import, exports.</summary>
public static class SurveyPages
{
    public static void MapSurveyPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/undersoegelser").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("", async (HttpContext http, ListSurveys list) =>
            Html.Render<SurveysIndexPage>(new { Items = (await list.Handle(User(http))).Value }));
        pages.MapGet("/{slug}", async (string slug, HttpContext http, AppDbContext db) =>
        {
            var (ctx, denied) = await Load(http, db, slug);
            if (ctx is null) return denied!;
            var (tables, request, errors) = await Chosen(ctx, http, db);
            return Html.Render<SurveyPage>(new
            {
                R = await ComputeSurveyReport.Handle(db, ctx), Tables = tables, Splits = await ctx.Splits(db), Filters = await ctx.Filters(db),
                request.Question, request.Split, request.Categories, request.Filter,
                CanImport = ctx.CanAdminister(User(http)), Notice = http.Request.Query["besked"].FirstOrDefault(), Errors = errors,
            }, errors.Count > 0 ? 400 : 200);
        });
        pages.MapGet("/{slug}/indlaes", async (string slug, HttpContext http, AppDbContext db) =>
        {
            var (ctx, denied) = await Load(http, db, slug, admin: true);
            return ctx is null ? denied! : await ImportView(db, ctx, []);
        });
        pages.MapPost("/{slug}/indlaes", Import).AddEndpointFilter(AntiforgeryTokens.Validate).WithMetadata(new RequestSizeLimitAttribute(UploadLimits.TableUploadRequestBytes));
        pages.MapGet("/{slug}/tabeller.csv", async (string slug, HttpContext http, AppDbContext db) => await Export(slug, http, db, "csv"));
        pages.MapGet("/{slug}/tabeller.xlsx", async (string slug, HttpContext http, AppDbContext db) => await Export(slug, http, db, "xlsx"));
        pages.MapGet("/{slug}/rapport.pdf", Pdf);
    }

    static UserContext User(HttpContext http) => UserContext.From(http.User)!;

    static Task<(SurveyContext? Value, IResult? Denied)> Load(HttpContext http, AppDbContext db, string slug, bool admin = false) =>
        Guard.Page(SurveyContext.Load(db, slug), "Undersøgelsen", s => admin ? s.CanAdminister(User(http)) : s.CanRead(User(http)));

    /// <summary>The table the user asked for (?spoergsmaal=&amp;opdeling=&amp;kategorier=), checked field by field; none asked = the pack's own.</summary>
    static async Task<(IReadOnlyList<PivotTable>? Tables, PivotRequest Request, List<FieldError> Errors)> Chosen(SurveyContext ctx, HttpContext http, AppDbContext db)
    {
        var q = http.Request.Query;
        var request = PivotRequest.From(q["spoergsmaal"], q["opdeling"], q["kategorier"], q["kun"]);
        if (request.Question is null && request.Split is null && request.Categories is null && request.Filter is null) return (null, request, []);
        var errors = request.Check(ctx.Definition, await ctx.Splits(db), await ctx.Filters(db));
        if (errors.Count > 0) return (null, request, errors);
        return ([await ctx.Pivot(db, request.Question!, request.Split, request.Categories, filter: request.Filter)], request, []);
    }


    static async Task<IResult> ImportView(AppDbContext db, SurveyContext ctx, IReadOnlyList<FieldError> errors) =>
        Html.Render<SurveyImportPage>(new
        {
            ctx.Survey, Errors = errors,
            History = await db.SurveyImports.AsNoTracking().Where(i => i.SurveyId == ctx.Survey.Id).OrderByDescending(i => i.Id).ToListAsync(),
        }, errors.Count > 0 ? 400 : 200);

    static async Task<IResult> Import(string slug, HttpContext http, AppDbContext db, ImportSurveyData import)
    {
        var (ctx, denied) = await Load(http, db, slug, admin: true);
        if (ctx is null) return denied!;
        var file = (await http.Request.ReadFormAsync()).Files["file"];
        if (file is null || file.Length == 0) return await ImportView(db, ctx, [new FieldError("file", "Vælg en CSV- eller XLSX-fil")]);
        if (file.Length > UploadLimits.TableBytes) return await ImportView(db, ctx, [new FieldError("file", $"Filen er for stor: højst {UploadLimits.Megabytes(UploadLimits.TableBytes)}.")]);
        var result = await import.Handle(ctx, await file.Bytes(), file.FileName, User(http).Name);
        if (!result.Ok) return await ImportView(db, ctx, result.Errors.Select(e => new FieldError("file", e)).ToList());
        return Results.Redirect($"/undersoegelser/{slug}?besked={Uri.EscapeDataString($"{result.Respondents:N0} besvarelser er indlæst fra {file.FileName}.")}", false);
    }

    /// <summary>One row per cell: table, row, column, count, percent, printed, differs — for every table shown.</summary>
    public static List<IReadOnlyList<string?>> Rows(IEnumerable<PivotTable> tables)
    {
        var rows = new List<IReadOnlyList<string?>> { new[] { "tabel", "spoergsmaal", "opdeling", "raekke", "kolonne", "antal", "procent", "trykt", "afviger" } };
        foreach (var t in tables)
            foreach (var row in t.Rows)
                for (var j = 0; j < t.Columns.Count; j++)
                {
                    var c = row.Cells[j];
                    rows.Add([t.Title, t.Question, t.Split ?? "", row.Label, t.Columns[j], c.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        c.Percent?.ToString("0", System.Globalization.CultureInfo.InvariantCulture), string.Join(" / ", new[] { c.PrintedCount, c.PrintedPercent }.Where(p => p is not null)),
                        c.Differs ? "ja" : ""]);
                }
        return rows;
    }

    static async Task<IResult> Export(string slug, HttpContext http, AppDbContext db, string format)
    {
        var (ctx, denied) = await Load(http, db, slug);
        if (ctx is null) return denied!;
        var (tables, _, errors) = await Chosen(ctx, http, db);
        if (errors.Count > 0) return Html.Error(400, "Tabellen kan ikke laves", string.Join(" ", errors.Select(e => e.Message)));
        var report = await ComputeSurveyReport.Handle(db, ctx);
        var rows = Rows(tables ?? report.AllTables);
        return format == "csv"
            ? Results.File(Csv.Write(rows), "text/csv; charset=utf-8", $"{slug}.csv")
            : Results.File(Xlsx.Write([("Tabeller", rows)]), Xlsx.ContentType, $"{slug}.xlsx");
    }

    static async Task<IResult> Pdf(string slug, HttpContext http, AppDbContext db, HtmlDocuments html, ChromiumPdf chromium)
    {
        var (ctx, denied) = await Load(http, db, slug);
        if (ctx is null) return denied!;
        var (tables, _, errors) = await Chosen(ctx, http, db);
        if (errors.Count > 0) return Html.Error(400, "Tabellen kan ikke laves", string.Join(" ", errors.Select(e => e.Message)));
        var doc = await html.Document<SurveyDocument>(ctx.Survey.Title, new Dictionary<string, object?> { ["R"] = await ComputeSurveyReport.Handle(db, ctx), ["Tables"] = tables });
        var pdf = PdfAssembler.Assemble([new PdfPart(await chromium.Print(doc), ctx.Survey.Title)], ctx.Survey.Title, ctx.Survey.Title);
        return Results.File(pdf, "application/pdf", $"{slug}.pdf");
    }
}
