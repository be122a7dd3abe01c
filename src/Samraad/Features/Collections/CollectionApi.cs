using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections.Forms;
using Samraad.Features.Collections.Summaries;

namespace Samraad.Features.Collections;

/// <summary>JSON API for collections, with the same authorization as the pages. Errors are application/problem+json.</summary>
public static class CollectionApi
{
    public static void MapCollectionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/collections").RequireAuthorization().WithTags("Indsamlinger");
        api.MapGet("", List).Documented<List<CollectionListItem>>("listCollections", "Indsamlinger, brugeren kan se, med fremdrift", 401);
        api.MapGet("/{slug}", Definition).Documented<CollectionDefinition>("getCollection", "En indsamling med skemadefinition og respondenter", 401, 403, 404);
        api.MapGet("/{slug}/responses/{org}", GetResponse).Documented<ResponseDto>("getResponse", "En respondents besvarelse (kladde eller indsendt)", 401, 403, 404);
        api.MapPut("/{slug}/responses/{org}", PutDraft)
            .Documented<ResponseDto>("saveDraft", "Gem kladde: de nævnte felter sættes (null rydder), andre røres ikke; alt eller intet", 400, 401, 403, 404, 409, 413, 423)
            .Accepts<AnswersRequest>("application/json");
        api.MapPost("/{slug}/responses/{org}/submit", Submit)
            .Documented<ReceiptDto>("submitResponse", "Indsend: validerer hele skemaet, låser og udsteder kvittering; alt eller intet", 400, 401, 403, 404, 409, 413, 423)
            .Accepts<AnswersRequest>("application/json");
        api.MapPost("/{slug}/responses/{org}/reopen", Reopen).DocumentedNoContent("reopenResponse", "Genåbn en indsendt besvarelse (sekretariatet)", 400, 401, 403, 404, 409);
        api.MapPost("/{slug}/responses/{org}/reopen-request", RequestReopen)
            .DocumentedNoContent("requestReopening", "Anmod om genåbning af en indsendt besvarelse (respondenten); sekretariatet får besked", 400, 401, 403, 404, 409);
        api.MapGet("/{slug}/summary", Summary).Documented<SummaryDto>("getSummary", "Sammendrag beregnet fra de seneste kvitteringer, med afvigelser fra trykte tal (for en periodisk indsamling: PeriodicSummaryDto)", 400, 401, 403, 404);
        api.MapGet("/{slug}/matrix", MatrixJson).Documented<MatrixDto>("getMatrix", "Respondenter × spørgsmål", 401, 403, 404);
        api.MapGet("/{slug}/export", Export).WithName("exportResponses").WithSummary("Eksport: format=csv|xlsx|json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/{slug}/audit", Audit).Documented<List<AuditDto>>("getAuditLog", "Ændringslog; respondent=slug for én besvarelse", 401, 403, 404);
    }

    static async Task<IResult> List(HttpContext http, AppDbContext db, TimeProvider clock)
    {
        var user = UserContext.From(http.User)!;
        var collections = await db.Collections.Include(c => c.Owner).OrderBy(c => c.Slug).ToListAsync();
        var respondents = (await db.CollectionRespondents.Where(r => r.RemovedAtUtc == null).ToListAsync()).ToLookup(r => r.CollectionId, r => r.OrganisationId);
        var visible = collections.Where(c => (c.Status != CollectionStatus.Draft || Access.CanAdminister(user, c.OwnerOrganisationId))
            && Access.CanSeeCollection(user, c.OwnerOrganisationId, respondents[c.Id])).ToList();
        var counts = await ReadProgress.Counts(db, visible.Select(c => c.Id).ToList());
        var now = clock.GetUtcNow().UtcDateTime;
        return Results.Ok(visible.Select(c => new CollectionListItem(c.Slug, c.Title, c.Owner!.Slug, c.OpensAtUtc, c.DeadlineUtc, c.IsOpen(now),
            counts[c.Id].Respondents, counts[c.Id].Answered, counts[c.Id].Submitted, c.Status.ToString())).ToList());
    }

    /// <summary>The collection in the period asked for (?period=2023; the latest when none is given), or null.</summary>
    static async Task<CollectionContext?> Load(HttpContext http, AppDbContext db, string slug, string? onlyRespondent = null) =>
        (await CollectionContext.LoadVisible(db, slug, UserContext.From(http.User)!, onlyRespondent: onlyRespondent))?.ForPeriod(Period(http));

    static string? Period(HttpContext http) => http.Request.Query.TryGetValue("period", out var p) ? p : http.Request.Query["periode"];

    static Task<(CollectionContext? Value, IResult? Denied)> Visible(HttpContext http, AppDbContext db, string slug) =>
        Guard.Api(Load(http, db, slug), "Indsamlingen eller perioden findes ikke.",
            c => Access.CanSeeCollection(UserContext.From(http.User)!, c.Collection.OwnerOrganisationId, c.Respondents.Select(r => r.Id)));

    static async Task<IResult> Definition(string slug, HttpContext http, AppDbContext db)
    {
        var (ctx, error) = await Visible(http, db, slug);
        if (ctx is null) return error!;
        var c = ctx.Collection;
        using var form = JsonDocument.Parse(c.FormVersion!.Json);
        return Results.Ok(new CollectionDefinition(c.Slug, c.Title, c.Description, c.Owner!.Slug, c.OpensAtUtc, c.DeadlineUtc,
            c.FormVersion.FormKey, c.FormVersion.Version, form.RootElement.Clone(),
            ctx.Respondents.Select(r => new RespondentDto(r.Slug, r.DisplayName, r.MunicipalityCode)).ToList(), c.IsPeriodic ? c.Periods() : null));
    }

    /// <summary>The collection with this one respondent (its membership alone: see <see cref="CollectionContext.Load"/>), if the user may see its response.</summary>
    static async Task<(CollectionContext? Ctx, Reference.Organisation? Org, IResult? Error)> Respondent(HttpContext http, AppDbContext db, string slug, string org)
    {
        var ctx = await Load(http, db, slug, onlyRespondent: org);
        if (ctx is null) return (null, null, ApiProblems.NotFound("Indsamlingen eller perioden findes ikke."));
        var who = ctx.RespondentFor(UserContext.From(http.User)!, org);
        if (!who.Ok) return (null, null, ApiProblems.From(who.Problem!.Value, who.Message!, null));
        return (ctx, who.Value, null);
    }

    static async Task<IResult> GetResponse(string slug, string org, HttpContext http, AppDbContext db, TimeProvider clock)
    {
        var (ctx, o, error) = await Respondent(http, db, slug, org);
        if (ctx is null) return error!;
        return Results.Ok(await ResponseJson(db, ctx, o!, UserContext.From(http.User)!, clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The response as the API shows it: read now, or the one just saved (as stored: a save answers without reading it again).</summary>
    static async Task<ResponseDto> ResponseJson(AppDbContext db, CollectionContext ctx, Reference.Organisation org, UserContext user, DateTime now, Response? saved = null)
    {
        var r = saved ?? await db.Responses.AsNoTracking().Include(x => x.Answers).Include(x => x.LatestReceipt)
            .FirstOrDefaultAsync(x => x.CollectionId == ctx.Collection.Id && x.OrganisationId == org.Id && x.Period == ctx.Period);
        var closed = ctx.ClosedReasonFor(org.Id, now);
        var versionId = r?.FormVersionId ?? ctx.Collection.FormVersionId;
        var versions = versionId == ctx.Collection.FormVersionId ? ctx.Collection.FormVersion!.Version
            : await db.FormVersions.Where(f => f.Id == versionId).Select(f => f.Version).FirstAsync();
        return new ResponseDto(ctx.Collection.Slug, org.Slug, r is null ? "NotStarted" : r.IsReopened ? "Reopened" : r.Status.ToString(),
            r?.Revision ?? 0, versions, r?.LatestReceipt?.Number, r?.LatestReceipt?.SubmittedAtUtc,
            Access.CanAnswerFor(user, org.Id) && closed is null && r?.Status != ResponseStatus.Submitted, closed,
            Answers(ctx.Form, r?.AnswerMap() ?? new Dictionary<string, AnswerValue>()), ctx.Period == "" ? null : ctx.Period,
            r?.ReopenRequestedAtUtc is DateTime at ? new ReopenRequestDto(at, r.ReopenRequestedBy ?? "", r.ReopenRequestReason ?? "") : null);
    }

    internal static Dictionary<string, AnswerDto> Answers(FormSpec form, IReadOnlyDictionary<string, AnswerValue> answers) =>
        answers.ToDictionary(a => a.Key, a => new AnswerDto(a.Value.Value, a.Value.Missing,
            a.Value.Missing is not null ? form.MissingCodeLabel(a.Value.Missing)
            : form.FindLeaf(a.Key) is { } leaf ? FieldValues.Display(leaf.Spec, a.Value.Value) : a.Value.Value ?? ""));

    static async Task<IResult> PutDraft(string slug, string org, HttpContext http, AppDbContext db, SaveDraft save, TimeProvider clock)
    {
        var (ctx, o, error) = await Respondent(http, db, slug, org);
        if (ctx is null) return error!;
        var (body, bodyError) = await AnswersBody.Read(http.Request);
        if (body is null) return bodyError!;
        var user = UserContext.From(http.User)!;
        var outcome = await save.Handle(ctx, o!.Id, user, body.Answers, body.Revision);
        if (!outcome.Ok) return await Refused(outcome, db, ctx, o.Id);
        return Results.Ok(await ResponseJson(db, ctx, o, user, clock.GetUtcNow().UtcDateTime, outcome.Value!.Response));
    }

    static async Task<IResult> Submit(string slug, string org, HttpContext http, AppDbContext db, SubmitResponse submit)
    {
        var (ctx, o, error) = await Respondent(http, db, slug, org);
        if (ctx is null) return error!;
        var (body, bodyError) = await AnswersBody.Read(http.Request, allowEmpty: true);
        if (body is null) return bodyError!;
        var outcome = await submit.Handle(ctx, o!.Id, UserContext.From(http.User)!, body.Answers, body.Revision);
        if (!outcome.Ok) return await Refused(outcome, db, ctx, o.Id);
        var r = outcome.Value!;
        return Results.Ok(new ReceiptDto(r.Number, r.OrganisationName, r.SubmittedByUserName, r.SubmittedAtUtc, DanishTime.Format(r.SubmittedAtUtc),
            Answers(ctx.Form, r.Answers.ToDictionary(a => a.FieldKey, a => new AnswerValue(a.Value, a.MissingCode)))));
    }

    /// <summary>A refused change as problem+json; a conflict carries the response's current revision, to fetch and retry with.</summary>
    static async Task<IResult> Refused<T>(Outcome<T> outcome, AppDbContext db, CollectionContext ctx, int organisationId)
    {
        if (outcome.Problem != Problem.Conflict) return ApiProblems.From(outcome);
        db.ChangeTracker.Clear();
        var revision = await db.Responses.AsNoTracking()
            .Where(r => r.CollectionId == ctx.Collection.Id && r.OrganisationId == organisationId && r.Period == ctx.Period)
            .Select(r => (int?)r.Revision).FirstOrDefaultAsync() ?? 0;
        return Results.Problem(outcome.Message, statusCode: StatusCodes.Status409Conflict, title: "Konflikt",
            extensions: new Dictionary<string, object?> { ["revision"] = revision });
    }

    static async Task<IResult> Reopen(string slug, string org, ReopenRequest? body, HttpContext http, AppDbContext db, ReopenResponse reopen)
    {
        var (ctx, o, error) = await Respondent(http, db, slug, org);
        if (ctx is null) return error!;
        var outcome = await reopen.Handle(ctx, o!.Id, UserContext.From(http.User)!, body?.Reason);
        return outcome.Ok ? Results.NoContent() : ApiProblems.From(outcome);
    }

    static async Task<IResult> RequestReopen(string slug, string org, ReopenRequest? body, HttpContext http, AppDbContext db, RequestReopening request)
    {
        var (ctx, o, error) = await Respondent(http, db, slug, org);
        if (ctx is null) return error!;
        var outcome = await request.Handle(ctx, o!.Id, UserContext.From(http.User)!, body?.Reason);
        return outcome.Ok ? Results.NoContent() : ApiProblems.From(outcome);
    }

    static Task<(CollectionContext? Value, IResult? Denied)> Readable(HttpContext http, AppDbContext db, string slug, bool administer = false) =>
        Guard.Api(Load(http, db, slug), "Indsamlingen eller perioden findes ikke.", c => administer
            ? c.CanAdminister(UserContext.From(http.User)!) : Access.CanReadSummary(UserContext.From(http.User)!, c.Collection.OwnerOrganisationId));

    static async Task<IResult> Summary(string slug, string? groupSet, HttpContext http, ReadSummary read)
    {
        var outcome = await read.Handle(slug, Period(http), groupSet, UserContext.From(http.User)!);
        if (!outcome.Ok) return ApiProblems.From(outcome);
        // A periodic collection: the period shown, and every question over all periods.
        return outcome.Value!.Series is null ? Results.Ok(outcome.Value.Summary) : Results.Ok(outcome.Value);
    }

    static async Task<IResult> MatrixJson(string slug, bool? includeText, HttpContext http, AppDbContext db)
    {
        var (ctx, error) = await Readable(http, db, slug);
        if (ctx is null) return error!;
        var input = await LoadSummaryInput.Handle(db, ctx);
        var view = Matrix.Build(input, Reconciliation.Check(input, await LoadSummaryInput.PrintedFigures(db, ctx.Collection.Id)), includeText ?? false,
            includePersonal: ctx.CanAdminister(UserContext.From(http.User)!));
        return Results.Ok(new MatrixDto(slug, view.Columns.Select(c => new MatrixColumnDto(c.Key, c.Label)).ToList(),
            view.Rows.Select(r => new MatrixRowDto(r.Respondent.Slug, r.Respondent.Name, r.Submitted, r.Cells.Select(c => c.Text).ToList(),
                r.Cells.Select(c => c.Disagreement?.Figure.Printed).ToList())).ToList(), view.Totals));
    }

    static async Task<IResult> Export(string slug, string? format, HttpContext http, ReadExport read)
    {
        var outcome = await read.Handle(slug, Period(http), format ?? "csv", UserContext.From(http.User)!);
        return outcome.Ok ? Results.File(outcome.Value!.Content, outcome.Value.ContentType, outcome.Value.FileName) : ApiProblems.From(outcome);
    }

    static async Task<IResult> Audit(string slug, string? respondent, HttpContext http, AppDbContext db)
    {
        var (ctx, error) = await Readable(http, db, slug, administer: true);
        if (ctx is null) return error!;
        var org = ctx.Memberships.Select(m => m.Organisation!).FirstOrDefault(r => r.Slug == respondent);
        if (respondent is not null && org is null) return ApiProblems.NotFound("Respondenten findes ikke i indsamlingen.");
        var lines = await ReadAuditLog.Handle(db, ctx, org?.Id);
        var slugs = ctx.Respondents.ToDictionary(r => r.Id, r => r.Slug);
        return Results.Ok(lines.Select(l => new AuditDto(l.Entry.AtUtc, l.Entry.UserName, l.Entry.OrganisationId is int id ? slugs.GetValueOrDefault(id) : null,
            l.Entry.Action.ToString(), l.Entry.FieldKey, l.FieldLabel, l.Entry.OldValue, l.Entry.NewValue, l.Entry.Note)).ToList());
    }
}
