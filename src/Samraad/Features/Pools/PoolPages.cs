using Samraad.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections;
using Samraad.Features.Collections.Forms;
using Samraad.Features.Pools.Pages;

namespace Samraad.Features.Pools;

/// <summary>Pages of the loan pool: overview and own application, caseworker's review, allocation with what-if, letters.</summary>
public static class PoolPages
{
    public static void MapPoolPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/puljer").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("", async (AppDbContext db) => Html.Render<PoolsIndexPage>(new { Pools = await db.Pools.Include(p => p.Owner).Include(p => p.Budgets).OrderBy(p => p.Title).ToListAsync() }));
        pages.MapGet("/{slug}", (string slug, HttpContext http, AppDbContext db, TimeProvider clock) => Overview(slug, http, db, clock));
        pages.MapPost("/{slug}/dokumenter", Upload).AddEndpointFilter(AntiforgeryTokens.Validate).WithMetadata(new RequestSizeLimitAttribute(UploadLimits.PdfUploadRequestBytes));
        pages.MapGet("/{slug}/dokumenter/{id:int}", Document);
        pages.MapGet("/{slug}/ansoegninger", Applications);
        pages.MapGet("/{slug}/ansoegninger/{org}", (string slug, string org, HttpContext http, AppDbContext db) => Review(slug, org, http, db));
        pages.MapPost("/{slug}/ansoegninger/{org}/projekter/{index:int}", Assess).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapGet("/{slug}/fordeling", (string slug, HttpContext http, AppDbContext db) => AllocationView(slug, http, db));
        pages.MapGet("/{slug}/fordeling.xlsx", Xlsx);
        pages.MapPost("/{slug}/afgoerelser", Issue).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapGet("/{slug}/afgoerelser/{org}", Letter);
    }

    static UserContext User(HttpContext http) => UserContext.From(http.User)!;

    static async Task<IResult> Overview(string slug, HttpContext http, AppDbContext db, TimeProvider clock, IReadOnlyList<FieldError>? errors = null, int status = 200)
    {
        var ctx = await PoolContext.Load(db, slug);
        if (ctx is null) return Html.NotFound("Puljen");
        var user = User(http);
        var ownOrg = user.Answers && user.OrganisationId is int o && ctx.Collection.IsRespondent(o) ? o : (int?)null;
        var own = ownOrg is int id ? (await ReadProgress.Handle(db, ctx.Collection)).Rows.First(r => r.Organisation.Id == id) : null;
        return Html.Render<PoolPage>(new
        {
            Ctx = ctx, NowUtc = clock.GetUtcNow().UtcDateTime, Own = own, CanAdminister = ctx.CanAdminister(user), Errors = errors ?? [],
            Decision = ownOrg is null ? null : await db.PoolDecisions.FirstOrDefaultAsync(d => d.PoolId == ctx.Pool.Id && d.OrganisationId == ownOrg),
            Documents = ownOrg is null ? [] : await db.PoolDocuments.Include(d => d.File).Where(d => d.PoolId == ctx.Pool.Id && d.OrganisationId == ownOrg).ToListAsync(),
            Notice = http.Request.Query.ContainsKey("uploadet") ? "Dokumentationen er gemt." : null,
        }, status);
    }

    static async Task<IResult> Upload(string slug, HttpContext http, AppDbContext db, UploadPoolDocument upload, TimeProvider clock)
    {
        var ctx = await PoolContext.Load(db, slug);
        if (ctx is null) return Html.NotFound("Puljen");
        var user = User(http);
        var form = await http.Request.ReadFormAsync();
        var file = form.Files["file"];
        Outcome<PoolDocument> outcome;
        if (file is null || file.Length == 0) outcome = Outcome<PoolDocument>.Fail(Problem.Invalid, "Dokumentationen er ikke gemt.", [new FieldError("file", "Vælg en PDF-fil")]);
        else if (file.Length > Documents.Pdf.PdfFiles.MaxUploadBytes) outcome = Outcome<PoolDocument>.Fail(Problem.Invalid, "Dokumentationen er ikke gemt.", [new FieldError("file", "Filen er for stor. Højst 20 MB.")]);
        else
        {
            outcome = await upload.Handle(ctx, user, user.OrganisationId ?? 0, form["title"], file.FileName, await file.Bytes());
        }
        return await Html.From(outcome, _ => Results.Redirect($"/puljer/{slug}?uploadet=1"),
            failed => Overview(slug, http, db, clock, failed.Errors, failed.Status), errorKey: "file");
    }

    static async Task<IResult> Document(string slug, int id, HttpContext http, AppDbContext db)
    {
        var ctx = await PoolContext.Load(db, slug);
        var doc = ctx is null ? null : await db.PoolDocuments.Include(d => d.File).FirstOrDefaultAsync(d => d.Id == id && d.PoolId == ctx.Pool.Id);
        if (doc is null) return Html.NotFound("Dokumentet");
        var user = User(http);
        if (!ctx!.CanAdminister(user) && !Access.CanAnswerFor(user, doc.OrganisationId)) return Html.NotFound("Dokumentet");
        return Results.File(doc.File!.Content, "application/pdf", doc.File.FileName);
    }

    static Task<(PoolContext? Value, IResult? Denied)> Caseworker(HttpContext http, AppDbContext db, string slug) =>
        Guard.Page(PoolContext.Load(db, slug), "Puljen", p => p.CanAdminister(User(http)));

    static async Task<IResult> Applications(string slug, HttpContext http, AppDbContext db)
    {
        var (ctx, denied) = await Caseworker(http, db, slug);
        if (ctx is null) return denied!;
        return Html.Render<ApplicationsPage>(new { Ctx = ctx, Reviews = await ctx.Reviews(db) });
    }

    static async Task<IResult> Review(string slug, string org, HttpContext http, AppDbContext db, IReadOnlyList<FieldError>? errors = null, int status = 200)
    {
        var (ctx, denied) = await Caseworker(http, db, slug);
        if (ctx is null) return denied!;
        var reviews = (await ctx.Reviews(db)).Where(r => r.Application.Slug == org).ToList();
        if (reviews.Count == 0) return Html.NotFound("Ansøgningen");
        var orgId = reviews[0].Application.OrganisationId;
        return Html.Render<ApplicationReviewPage>(new
        {
            Ctx = ctx, reviews[0].Application, Reviews = reviews, CanAssess = ctx.Pool.DecisionsIssuedAtUtc is null, Errors = errors ?? [],
            Documents = await db.PoolDocuments.Where(d => d.PoolId == ctx.Pool.Id && d.OrganisationId == orgId).ToListAsync(),
            Notice = http.Request.Query.ContainsKey("gemt") ? "Vurderingen er gemt." : null,
        }, status);
    }

    static async Task<IResult> Assess(string slug, string org, int index, HttpContext http, AppDbContext db, AssessProject assess)
    {
        var (ctx, denied) = await Caseworker(http, db, slug);
        if (ctx is null) return denied!;
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Slug == org);
        if (organisation is null) return Html.NotFound("Ansøgningen");
        var form = await http.Request.ReadFormAsync();
        var p = $"p{index}-";
        var outcome = await assess.Handle(ctx, User(http), organisation.Id, index, form[p + "score"], form[p + "exception"], form[p + "note"]);
        return await Html.From(outcome, _ => Results.Redirect($"/puljer/{slug}/ansoegninger/{org}?gemt=1"), failed =>
        {
            db.ChangeTracker.Clear();
            return Review(slug, org, http, db, failed.Errors, failed.Status);
        }, "Projektet");
    }

    /// <summary>What-if parameters from the query string; errors by field when they are not numbers.</summary>
    static (Dictionary<int, long> Budgets, Dictionary<string, int>? Scores, List<FieldError> Errors, bool WhatIf) Scenario(HttpRequest request, PoolContext ctx)
    {
        var budgets = ctx.Pool.BudgetThousands.ToDictionary();
        var errors = new List<FieldError>();
        var whatIf = false;
        foreach (var year in Allocation.Years)
        {
            var raw = request.Query[$"budget{year}"].ToString();
            if (raw == "") continue;
            if (FieldValues.ParseInteger(raw) is long b and >= 0) { whatIf |= b != budgets.GetValueOrDefault(year); budgets[year] = b; }
            else errors.Add(new FieldError($"budget{year}", $"Budget {year} skal være et helt antal tusinde kroner, fx 600000"));
        }
        Dictionary<string, int>? scores = null;
        var project = request.Query["projekt"].ToString();
        if (project != "" && int.TryParse(request.Query["score"], out var s) && s is >= 0 and <= 5) { scores = new() { [project] = s }; whatIf = true; }
        return (budgets, scores, errors, whatIf);
    }

    static async Task<IResult> AllocationView(string slug, HttpContext http, AppDbContext db, IReadOnlyList<FieldError>? errors = null, string? problem = null, int status = 200)
    {
        var today = DateOnly.FromDateTime(DanishTime.ToLocal(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        var (ctx, denied) = await Caseworker(http, db, slug);
        if (ctx is null) return denied!;
        var reviews = await ctx.Reviews(db);
        var (budgets, scores, scenarioErrors, whatIf) = Scenario(http.Request, ctx);
        var saved = PoolContext.Allocate(reviews, ctx.Pool.BudgetThousands);
        var result = whatIf ? PoolContext.Allocate(reviews, budgets, scores) : saved;
        return Html.Render<AllocationPage>(new
        {
            Ctx = ctx, Result = result, WhatIf = whatIf, ProjectKey = (string?)http.Request.Query["projekt"], Score = (string?)http.Request.Query["score"],
            Baseline = whatIf ? saved.Rows.ToDictionary(r => (r.Application.OrganisationId, r.Project.Index), r => r.Outcome) : null,
            // The page links keep the scenario and the table's view; the one-off notice is not carried along.
            QueryValues = QueryLinks.Values(http.Request.Query).Where(q => !q.Key.Equals("udsendt", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase),
            Table = AllocationTable.From(key => http.Request.Query[key].FirstOrDefault()).OfferedRegions(result.Rows.Select(r => r.Application.Region)), Errors = (errors ?? []).Concat(scenarioErrors).ToList(), Problem = problem,
            Decisions = await db.PoolDecisions.Include(d => d.Organisation).Where(d => d.PoolId == ctx.Pool.Id).OrderBy(d => d.Organisation!.MunicipalityCode).ToListAsync(),
            Notice = http.Request.Query.ContainsKey("udsendt") ? "Afgørelserne er udsendt." : null, Today = today,
        }, status == 200 && scenarioErrors.Count > 0 ? 400 : status);
    }

    static async Task<IResult> Xlsx(string slug, HttpContext http, AppDbContext db)
    {
        var (ctx, denied) = await Caseworker(http, db, slug);
        if (ctx is null) return denied!;
        var (budgets, scores, _, _) = Scenario(http.Request, ctx);
        return Results.File(ExportAllocation.Xlsx(PoolContext.Allocate(await ctx.Reviews(db), budgets, scores)),
            Documents.Xlsx.ContentType, $"{slug}-fordeling.xlsx");
    }

    static async Task<IResult> Issue(string slug, HttpContext http, AppDbContext db, IssueDecisions issue)
    {
        var (ctx, denied) = await Caseworker(http, db, slug);
        if (ctx is null) return denied!;
        var outcome = await issue.Handle(ctx, User(http));
        return await Html.From(outcome, _ => Results.Redirect($"/puljer/{slug}/fordeling?udsendt=1"), failed =>
        {
            db.ChangeTracker.Clear();
            return AllocationView(slug, http, db, failed.Errors, failed.Message, failed.Status);
        });
    }

    static async Task<IResult> Letter(string slug, string org, HttpContext http, AppDbContext db)
    {
        var ctx = await PoolContext.Load(db, slug);
        if (ctx is null) return Html.NotFound("Puljen");
        var pdf = org.EndsWith(".pdf");
        var orgSlug = pdf ? org[..^4] : org;
        var decision = await db.PoolDecisions.Include(d => d.Organisation).Include(d => d.LetterFile)
            .FirstOrDefaultAsync(d => d.PoolId == ctx.Pool.Id && d.Organisation!.Slug == orgSlug);
        var user = User(http);
        // A municipality sees only its own letter; another's looks like one that does not exist.
        if (decision is null || (!ctx.CanAdminister(user) && !Access.CanAnswerFor(user, decision.OrganisationId))) return Html.NotFound("Afgørelsen");
        return pdf ? Results.File(decision.LetterFile!.Content, "application/pdf", decision.LetterFile.FileName)
            : Html.Render<LetterPage>(new { Decision = decision, PoolTitle = ctx.Pool.Title, PoolSlug = slug });
    }
}
