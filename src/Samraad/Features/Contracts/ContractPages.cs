using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Documents;
using Samraad.Documents.Pdf;
using Samraad.Features.Contracts.Pages;

namespace Samraad.Features.Contracts;

/// <summary>Pages of performance contracts: overview, goal detail with drill-down, imports with preview and undo, status report.</summary>
public static class ContractPages
{
    public static void MapContractPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/kontrakter").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("", async (HttpContext http, ListContracts list) =>
            Html.Render<ContractsIndexPage>(new { Contracts = (await list.Handle(User(http))).Value }));
        pages.MapGet("/{slug}", async (string slug, HttpContext http, AppDbContext db) =>
        {
            var (ctx, denied) = await Load(http, db, slug);
            return ctx is null ? denied! : Html.Render<ContractPage>(new { R = await ctx.Report(db), IsAdmin = ctx.CanAdminister(User(http)) });
        });
        pages.MapGet("/{slug}/maal/{number:int}", (string slug, int number, HttpContext http, AppDbContext db) => Goal(slug, number, http, db));
        pages.MapPost("/{slug}/maal/{number:int}/status", SetStatus).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost("/{slug}/tal", Enter).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapGet("/{slug}/import", (string slug, HttpContext http, AppDbContext db) => ImportView(slug, http, db));
        pages.MapPost("/{slug}/import", Upload).AddEndpointFilter(AntiforgeryTokens.Validate).WithMetadata(new RequestSizeLimitAttribute(UploadLimits.TableUploadRequestBytes));
        pages.MapPost("/{slug}/import/{id:int}/bekraeft", async (string slug, int id, HttpContext http, AppDbContext db, ContractImports imports) =>
            await Act(slug, http, db, ctx => imports.Confirm(ctx, User(http), id), "Indlæsningen er gennemført; status er opdateret.")).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost("/{slug}/import/{id:int}/fortryd", async (string slug, int id, HttpContext http, AppDbContext db, ContractImports imports) =>
            await Act(slug, http, db, ctx => imports.Undo(ctx, User(http), id), "Indlæsningen er fortrudt; dens rækker er fjernet.")).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapGet("/{slug}/statusrapport.pdf", Pdf);
        pages.MapGet("/{slug}/statusrapport.xlsx", Xlsx);
    }

    static UserContext User(HttpContext http) => UserContext.From(http.User)!;

    static Task<(ContractContext? Value, IResult? Denied)> Load(HttpContext http, AppDbContext db, string slug) =>
        Guard.Page(ContractContext.Load(db, slug), "Kontrakten", c => c.CanSee(User(http)));

    static async Task<IResult> Goal(string slug, int number, HttpContext http, AppDbContext db, IReadOnlyList<FieldError>? errors = null, string? problem = null, int status = 200)
    {
        var (ctx, denied) = await Load(http, db, slug);
        if (ctx is null) return denied!;
        var report = await ctx.Report(db);
        var goal = report.Goals.FirstOrDefault(g => g.Goal.Number == number);
        if (goal is null) return Html.NotFound("Målet");
        var measures = MeasureSpec.ParseList(goal.Goal.MeasuresJson);
        var rows = DrillDown(db, ctx.Contract, measures);
        var figureKeys = measures.SelectMany(m => m.Kind switch { "entered" => [m.Key!], "gearing" => new[] { "omsaetning", "driftsmidler" }, _ => [] })
            .Select(k => EnterFigure.Keys.First(x => x.Key == k)).Select(k => (k.Key, k.Label)).ToList();
        return Html.Render<GoalPage>(new
        {
            ctx.Contract, G = goal, Rows = rows is null ? null : await rows.OrderBy(r => r.StartDate).ThenBy(r => r.CaseId).Take(200).ToListAsync(),
            RowCount = rows is null ? 0 : await rows.CountAsync(),
            // The registrations carry the municipality's code; the page names it.
            Municipalities = rows is null ? new Dictionary<int, string>() : (await db.Organisations.Where(o => o.MunicipalityCode != null)
                .Select(o => new { Code = o.MunicipalityCode!.Value, o.Name }).ToListAsync()).DistinctBy(o => o.Code).ToDictionary(o => o.Code, o => o.Name), FigureKeys = figureKeys, CanEnter = ctx.CanSee(User(http)),
            CanAdminister = ctx.CanAdminister(User(http)), Errors = errors ?? [], Problem = problem,
            Notice = http.Request.Query["besked"].FirstOrDefault(),
        }, status);
    }

    /// <summary>The registrations a goal's counts are made of, for drilling down from the figure to the rows.</summary>
    static IQueryable<Registration>? DrillDown(AppDbContext db, Contract contract, List<MeasureSpec> measures)
    {
        var year = db.Registrations.AsNoTracking().Where(r => r.ContractId == contract.Id && r.Year == contract.Year);
        var kind = measures.Select(m => m.Kind).FirstOrDefault(k => k is "cases" or "esgShare" or "count" or "referralShare" or "hqRegion" or "townRural" or "newCompanies");
        // The region is read here: EF cannot translate a lookup in the in-memory measures inside the query.
        var hqRegion = measures.FirstOrDefault(m => m.Kind == "hqRegion")?.Region;
        return kind switch
        {
            "cases" or "townRural" => year,
            "newCompanies" => year.Where(r => !r.GuidedPreviousYear),
            "esgShare" => year.Where(r => r.Type != CaseType.Kort && r.IsEsg),
            "count" => year.Where(r => r.IsAiCheck),
            "referralShare" => year.Where(r => r.Type != CaseType.Kort && r.ReferredExternal),
            "hqRegion" => year.Where(r => r.HqRegionCode == hqRegion),
            _ => null,
        };
    }

    static async Task<IResult> SetStatus(string slug, int number, HttpContext http, AppDbContext db, SetQualitativeStatus set)
    {
        var (ctx, denied) = await Load(http, db, slug);
        if (ctx is null) return denied!;
        var form = await http.Request.ReadFormAsync();
        var outcome = await set.Handle(ctx, User(http), number, form["status"], form["text"], form["evidence"]);
        return await Html.From(outcome, _ => Results.Redirect($"/kontrakter/{slug}/maal/{number}?besked={Uri.EscapeDataString("Status er gemt.")}"),
            failed => { db.ChangeTracker.Clear(); return Goal(slug, number, http, db, failed.Errors, failed.Message, failed.Status); }, "Målet");
    }

    static async Task<IResult> Enter(string slug, int? maal, HttpContext http, AppDbContext db, EnterFigure enter)
    {
        var (ctx, denied) = await Load(http, db, slug);
        if (ctx is null) return denied!;
        var form = await http.Request.ReadFormAsync();
        var outcome = await enter.Handle(ctx, User(http), form["key"], form["value"], form["year"], form["date"], form["source"]);
        var number = maal ?? 1;
        return await Html.From(outcome, _ => Results.Redirect($"/kontrakter/{slug}/maal/{number}?besked={Uri.EscapeDataString("Tallet er gemt.")}"),
            failed => { db.ChangeTracker.Clear(); return Goal(slug, number, http, db, failed.Errors, failed.Message, failed.Status); }, "Målet");
    }

    static async Task<IResult> ImportView(string slug, HttpContext http, AppDbContext db, ContractImports.Preview? preview = null,
        IReadOnlyList<FieldError>? errors = null, string? problem = null, string? kind = null, int status = 200)
    {
        var (ctx, denied) = await Load(http, db, slug);
        if (ctx is null) return denied!;
        return Html.Render<ImportPage>(new
        {
            ctx.Contract, Preview = preview, Errors = errors ?? [], Problem = problem, Kind = kind,
            History = await db.ContractImports.Where(i => i.ContractId == ctx.Contract.Id && i.State != ImportState.Pending).OrderByDescending(i => i.UploadedAtUtc).ToListAsync(),
            Notice = http.Request.Query["besked"].FirstOrDefault(),
        }, status);
    }

    static async Task<IResult> Upload(string slug, HttpContext http, AppDbContext db, ContractImports imports)
    {
        var (ctx, denied) = await Load(http, db, slug);
        if (ctx is null) return denied!;
        var form = await http.Request.ReadFormAsync();
        var file = form.Files["file"];
        string kind = form["kind"].ToString();
        if (!Enum.TryParse<ImportKind>(kind, out var k))
            return await ImportView(slug, http, db, errors: [new FieldError("kind", "Vælg hvad filen indeholder")], status: 400);
        if (file is null || file.Length == 0)
            return await ImportView(slug, http, db, errors: [new FieldError("file", "Vælg en CSV- eller XLSX-fil")], kind: kind, status: 400);
        var outcome = await imports.Upload(ctx, User(http), k, file.FileName, await file.Bytes());
        if (outcome.Ok) return await ImportView(slug, http, db, preview: outcome.Value, kind: kind);
        return await Html.From(outcome, _ => Results.Empty,
            failed => ImportView(slug, http, db, errors: failed.Errors, problem: failed.Message, kind: kind, status: failed.Status), errorKey: "file");
    }

    static async Task<IResult> Act(string slug, HttpContext http, AppDbContext db, Func<ContractContext, Task<Outcome<ContractImport>>> action, string notice)
    {
        var (ctx, denied) = await Load(http, db, slug);
        if (ctx is null) return denied!;
        var outcome = await action(ctx);
        return await Html.From(outcome, _ => Results.Redirect($"/kontrakter/{slug}/import?besked={Uri.EscapeDataString(notice)}"),
            failed => ImportView(slug, http, db, errors: failed.Errors, problem: failed.Message, status: failed.Status), "Indlæsningen", "file");
    }

    static async Task<IResult> Pdf(string slug, HttpContext http, AppDbContext db, HtmlDocuments html, ChromiumPdf chromium)
    {
        var (ctx, denied) = await Load(http, db, slug);
        if (ctx is null) return denied!;
        var report = await ctx.Report(db);
        var doc = await html.Document<ContractStatusView>(ctx.Contract.Title, new Dictionary<string, object?> { ["R"] = report, ["Heading"] = $"{ctx.Contract.Title}: status" });
        var pdf = PdfAssembler.Assemble([new PdfPart(await chromium.Print(doc), "Statusrapport")], $"{ctx.Contract.Title} · status", ctx.Contract.Title);
        return Results.File(pdf, "application/pdf", $"{slug}-status.pdf");
    }

    static async Task<IResult> Xlsx(string slug, HttpContext http, AppDbContext db)
    {
        var (ctx, denied) = await Load(http, db, slug);
        if (ctx is null) return denied!;
        var report = await ctx.Report(db);
        var rows = new List<IReadOnlyList<string?>> { new[] { "maal", "titel", "status", "maaling", "maaltal", "faktisk", "fremskrevet", "forklaring" } };
        rows.AddRange(report.Goals.SelectMany(g => (g.Measures.Count == 0 ? [new MeasureResult("Kvalitativt", g.Status, "–", "–", null, [g.Qualitative?.Text ?? ""])] : g.Measures)
            .Select(m => (IReadOnlyList<string?>)[g.Goal.Number.ToString(), g.Goal.Title, GoalStatuses.Label(g.Status), m.Label, m.Target, m.Actual, m.Projection, string.Join(" ", m.Lines)])));
        return Results.File(Documents.Xlsx.Write([("Status", rows)]), Documents.Xlsx.ContentType, $"{slug}-status.xlsx");
    }
}
