using Samraad.Data;
using Samraad.Features.Collections.Pages;
using Samraad.Features.Collections.Summaries;

namespace Samraad.Features.Collections;

/// <summary>The HTML pages of collections for the secretariat and readers: collection, summary, matrix, log, export (the front page is Features/Home).</summary>
public static class CollectionPages
{
    public static void MapCollectionPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("/indsamlinger/{slug}", Overview);
        pages.MapPost("/indsamlinger/{slug}/frist", ChangeWindow).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapGet("/indsamlinger/{slug}/sammendrag", Summary);
        pages.MapGet("/indsamlinger/{slug}/matrix", MatrixPage);
        pages.MapGet("/indsamlinger/{slug}/log", Audit);
        pages.MapGet("/indsamlinger/{slug}/eksport.{format}", Export);
    }

    /// <summary>The collection in the period the page asks for (?periode=2023; the latest when none is given), or null.</summary>
    static async Task<CollectionContext?> Load(HttpContext http, AppDbContext db, string slug) =>
        (await CollectionContext.LoadVisible(db, slug, UserContext.From(http.User)!))?.ForPeriod(http.Request.Query["periode"]);

    /// <summary>Loads the collection and checks the user administers it; otherwise the page to show instead.</summary>
    static Task<(CollectionContext? Value, IResult? Denied)> Administered(HttpContext http, AppDbContext db, string slug) =>
        Guard.Page(Load(http, db, slug), "Indsamlingen", c => c.CanAdminister(UserContext.From(http.User)!));

    static async Task<IResult> Overview(string slug, HttpContext http, AppDbContext db, TimeProvider clock)
    {
        var user = UserContext.From(http.User)!;
        var ctx = await Load(http, db, slug);
        if (ctx is null) return Html.NotFound("Indsamlingen eller perioden");
        if (!ctx.CanAdminister(user))
        {
            // A respondent's way into a collection is its own response; a reader's is the summary.
            if (user.Answers && user.OrganisationId is int org && ctx.IsRespondent(org))
                return Results.Redirect($"/indsamlinger/{slug}/besvarelser/{ctx.Respondents.First(r => r.Id == org).Slug}{ctx.PeriodQuery}");
            return Access.CanReadSummary(user, ctx.Collection.OwnerOrganisationId) ? Results.Redirect($"/indsamlinger/{slug}/sammendrag{ctx.PeriodQuery}") : Html.Forbidden();
        }
        return Html.Render<CollectionPage>(new
        {
            Ctx = ctx, Progress = await ReadProgress.Handle(db, ctx), NowUtc = clock.GetUtcNow().UtcDateTime,
            Notice = OverviewNotice(http.Request.Query),
        });
    }

    /// <summary>What the last action on the page did, from the redirect's query (fixed texts only).</summary>
    static string? OverviewNotice(IQueryCollection q) =>
        q.ContainsKey("gemt") ? "Åbning og frist er gemt."
        : q["paamindelser"] == "gemt" ? "Påmindelserne er gemt."
        : int.TryParse(q["paamindet"], out var reminded) && int.TryParse(q["beskeder"], out var messages)
            ? $"Påmindelsen er sendt til {reminded} {(reminded == 1 ? "respondent" : "respondenter")} ({messages} {(messages == 1 ? "modtager" : "modtagere")})."
                + (messages == 0 ? " Ingen af dem har brugere med e-mailadresse: invitér deres kontaktpersoner under Brugere." : "")
        : q.ContainsKey("oplysninger") ? "Titel og beskrivelse er gemt."
        : q.ContainsKey("oprettet") ? "Indsamlingen er oprettet som kladde. Ret skema, respondenter og frist, og offentliggør den, når den er klar."
        : q["pakke"] == "anvendt" ? "Pakkens ændringer er anvendt og skrevet i ændringsloggen."
        : q["pakke"] == "beholdt" ? "Indsamlingen er beholdt som den var. Pakkens ændringer er ikke anvendt."
        : q["status"].ToString() switch
        {
            "publish" => "Indsamlingen er offentliggjort. Respondenterne kan nu se den og svare mellem åbning og frist.",
            "close" => "Indsamlingen er lukket. Ingen kan længere ændre svar.",
            "reopen" => "Indsamlingen er genåbnet.",
            "archive" => "Indsamlingen er arkiveret. Den vises ikke længere på forsiden.",
            _ => null,
        };

    static async Task<IResult> ChangeWindow(string slug, HttpContext http, AppDbContext db, ChangeWindow change, TimeProvider clock)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var form = await http.Request.ReadFormAsync();
        var outcome = await change.Handle(ctx, UserContext.From(http.User)!, form["opens"], form["deadline"]);
        return await Html.From(outcome, _ => Results.Redirect($"/indsamlinger/{slug}{ctx.QueryWith("gemt=1")}#frist"), async failed => Html.Render<CollectionPage>(new
        {
            Ctx = ctx, Progress = await ReadProgress.Handle(db, ctx), NowUtc = clock.GetUtcNow().UtcDateTime,
            failed.Errors, OpensText = (string?)form["opens"], DeadlineText = (string?)form["deadline"],
        }, failed.Status), errorKey: "deadline");
    }

    static async Task<IResult> Summary(string slug, string? gruppe, HttpContext http, AppDbContext db, ComputeSummary compute, TimeProvider clock)
    {
        var user = UserContext.From(http.User)!;
        var ctx = await Load(http, db, slug);
        if (ctx is null) return Html.NotFound("Indsamlingen eller perioden");
        if (!Access.CanReadSummary(user, ctx.Collection.OwnerOrganisationId)) return Html.Forbidden();
        var report = await compute.Handle(ctx, gruppe);
        var unknown = !string.IsNullOrEmpty(gruppe) && report.Breakdown is null ? gruppe : null;
        return Html.Render<SummaryPage>(new
        {
            R = report, NowUtc = clock.GetUtcNow().UtcDateTime, UnknownGroupSet = unknown, Series = await ComputePeriodSeries.Handle(db, ctx),
            Editions = await ComputeEditionSeries.Handle(db, ctx, user),
        });
    }

    static async Task<IResult> MatrixPage(string slug, string? tekst, HttpContext http, AppDbContext db)
    {
        var user = UserContext.From(http.User)!;
        var ctx = await Load(http, db, slug);
        if (ctx is null) return Html.NotFound("Indsamlingen eller perioden");
        if (!Access.CanReadSummary(user, ctx.Collection.OwnerOrganisationId)) return Html.Forbidden();
        var input = await LoadSummaryInput.Handle(db, ctx);
        var checks = Reconciliation.Check(input, await LoadSummaryInput.PrintedFigures(db, ctx.Collection.Id));
        var includeText = tekst == "1";
        return Html.Render<MatrixPage>(new { Ctx = ctx, View = Summaries.Matrix.Build(input, checks, includeText, ctx.CanAdminister(user)), IncludeText = includeText });
    }

    static async Task<IResult> Audit(string slug, string? respondent, HttpContext http, AppDbContext db)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var org = ctx.Memberships.Select(m => m.Organisation!).FirstOrDefault(r => r.Slug == respondent);
        var (lines, paging) = await ReadAuditLog.Page(db, ctx, org?.Id, http.Request.Query["side"]);
        return Html.Render<AuditPage>(new { Ctx = ctx, Lines = lines, Paging = paging, Filter = org?.Slug });
    }

    static async Task<IResult> Export(string slug, string format, HttpContext http, AppDbContext db, ExportResponses export)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        if (format is not ("csv" or "xlsx")) return Html.NotFound("Eksportformatet");
        var file = await export.Handle(ctx, format);
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
