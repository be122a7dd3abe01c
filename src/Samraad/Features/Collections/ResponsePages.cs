using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections.Forms;
using Samraad.Features.Collections.Pages;

namespace Samraad.Features.Collections;

/// <summary>The respondent's pages: the form (save draft / preview / submit), the print view, the receipt; and reopen.</summary>
public static class ResponsePages
{
    const string Base = "/indsamlinger/{slug}/besvarelser/{org}";

    public static void MapResponsePages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet(Base, Show);
        pages.MapPost(Base, Post).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapGet(Base + "/vis", Preview);
        pages.MapGet(Base + "/kvittering", LatestReceipt);
        pages.MapGet("/kvitteringer/{number}", ReceiptByNumber);
        pages.MapGet("/kvitteringer/{number}.pdf", ReceiptPdf);
        pages.MapPost(Base + "/genaabn", Reopen).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost(Base + "/anmod-om-genaabning", RequestReopening).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapGet(Base + "/log", Audit);
    }

    sealed record Target(CollectionContext Ctx, Features.Reference.Organisation Org, UserContext User, Response? Response);

    /// <summary>Loads collection, respondent and response, and checks the user may see them.</summary>
    static async Task<(Target? Target, IResult? Denied)> Load(HttpContext http, AppDbContext db, string slug, string org, string? period = null)
    {
        var user = UserContext.From(http.User)!;
        var ctx = (await CollectionContext.Load(db, slug))?.ForPeriod(period ?? http.Request.Query["periode"]);
        if (ctx is null) return (null, Html.NotFound("Indsamlingen eller perioden"));
        var who = ctx.RespondentFor(user, org);
        if (!who.Ok) return (null, who.Problem == Problem.NotFound ? Html.NotFound("Besvarelsen") : Html.Forbidden());
        var response = await db.Responses.Include(r => r.Answers).Include(r => r.LatestReceipt)
            .FirstOrDefaultAsync(r => r.CollectionId == ctx.Collection.Id && r.OrganisationId == who.Value!.Id && r.Period == ctx.Period);
        return (new Target(ctx, who.Value!, user, response), null);
    }

    static ResponsePageModel Model(Target t, DateTime now, IReadOnlyDictionary<string, RawAnswer>? posted = null,
        IReadOnlyList<FieldError>? errors = null, string? problem = null, string? notice = null, string? reason = null)
    {
        var stored = t.Response?.AnswerMap() ?? new Dictionary<string, AnswerValue>();
        var closed = t.Ctx.ClosedReasonFor(t.Org.Id, now);
        var canEdit = Access.CanAnswerFor(t.User, t.Org.Id) && closed is null && t.Response?.Status != ResponseStatus.Submitted;
        return new ResponsePageModel(t.Ctx, t.Org, t.Response?.Status, t.Response?.Revision ?? 0,
            t.Response?.LatestReceipt?.Number, t.Response?.LatestReceipt?.SubmittedAtUtc, stored,
            posted ?? ResponsePageModel.InputsFrom(t.Ctx.Form, stored), errors ?? [], problem, notice, closed,
            Access.CanAnswerFor(t.User, t.Org.Id), canEdit, t.Ctx.CanAdminister(t.User), PendingReopenRequest.Of(t.Response), reason);
    }

    static async Task<IResult> Show(string slug, string org, HttpContext http, AppDbContext db, TimeProvider clock)
    {
        var (t, denied) = await Load(http, db, slug, org);
        if (t is null) return denied!;
        var notice = http.Request.Query.ContainsKey("gemt") ? $"Kladden er gemt {DanishTime.Format(t.Response?.UpdatedAtUtc ?? clock.GetUtcNow().UtcDateTime)}."
            : http.Request.Query.ContainsKey("genaabnet") ? "Besvarelsen er genåbnet. Besvareren kan nu rette og indsende igen."
            : http.Request.Query.ContainsKey("anmodet") ? "Anmodningen er sendt. Sekretariatet kan se den og får en e-mail; det genåbner besvarelsen, hvis den skal rettes."
            : http.Request.Query.ContainsKey("forhaandsvisning") && t.Ctx.CanAdminister(t.User)
                ? $"Forhåndsvisning: sådan ser skemaet ud for {t.Org.DisplayName}. Kun respondenten selv kan svare." : null;
        return Html.Render<ResponsePage>(new { Model = Model(t, clock.GetUtcNow().UtcDateTime, notice: notice) });
    }

    static async Task<IResult> Post(string slug, string org, HttpContext http, AppDbContext db, SaveDraft save, SubmitResponse submit, TimeProvider clock)
    {
        var (t, denied) = await Load(http, db, slug, org);
        if (t is null) return denied!;
        var form = await http.Request.ReadFormAsync();
        var inputs = ReadAnswers(form);
        int? revision = int.TryParse(form["revision"], out var rev) ? rev : null;
        var url = $"/indsamlinger/{slug}/besvarelser/{org}";
        string action = form["action"].ToString();

        if (action == "submit")
        {
            var submitted = await submit.Handle(t.Ctx, t.Org.Id, t.User, inputs, revision, keepValid: true);
            if (submitted.Ok) return Results.Redirect($"/kvitteringer/{submitted.Value!.Number}?indsendt=1");
            return await Failed(http, db, slug, org, clock, submitted.Problem!.Value, submitted.Message!, submitted.Errors, inputs);
        }
        var saved = await save.Handle(t.Ctx, t.Org.Id, t.User, inputs, revision, keepValid: true);
        if (saved.Ok) return Results.Redirect(action == "preview" ? url + "/vis" + t.Ctx.PeriodQuery : url + t.Ctx.QueryWith("gemt=1"));
        return await Failed(http, db, slug, org, clock, saved.Problem!.Value, saved.Message!, saved.Errors, inputs);
    }

    /// <summary>Shows the form again with what the user typed and the errors by each field; reloads what is stored.</summary>
    static async Task<IResult> Failed(HttpContext http, AppDbContext db, string slug, string org, TimeProvider clock,
        Problem problem, string message, IReadOnlyList<FieldError>? errors, IReadOnlyDictionary<string, RawAnswer> inputs)
    {
        db.ChangeTracker.Clear();
        var (t, denied) = await Load(http, db, slug, org);
        if (t is null) return denied!;
        var keepInput = problem is Problem.Invalid;
        var model = Model(t, clock.GetUtcNow().UtcDateTime, keepInput ? inputs : null, errors ?? [], message);
        var status = problem switch
        {
            Problem.Invalid => StatusCodes.Status400BadRequest,
            Problem.Conflict => StatusCodes.Status409Conflict,
            Problem.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        };
        return Html.Render<ResponsePage>(new { Model = model }, status);
    }

    /// <summary>Every posted answer key ("missing:key" carries a missing code); the form posts every field, so empty means cleared.</summary>
    internal static Dictionary<string, RawAnswer> ReadAnswers(IFormCollection form)
    {
        var keys = form.Keys.Where(k => k is not ("action" or "revision" or "__RequestVerificationToken") && !k.StartsWith("missing:"))
            .Concat(form.Keys.Where(k => k.StartsWith("missing:")).Select(k => k["missing:".Length..])).Distinct();
        // Checkboxes send one value per ticked option: joined as stored (a single value stays as it is).
        return keys.ToDictionary(k => k, k => new RawAnswer(string.Join(FieldValues.ChoiceSeparator, form[k].ToArray()), form["missing:" + k].ToString()));
    }

    static async Task<IResult> Preview(string slug, string org, HttpContext http, AppDbContext db, TimeProvider clock)
    {
        var (t, denied) = await Load(http, db, slug, org);
        if (t is null) return denied!;
        return Html.Render<PreviewPage>(new
        {
            t.Ctx, Organisation = t.Org, Status = t.Response?.Status, Reopened = t.Response?.IsReopened ?? false,
            Answers = t.Response?.AnswerMap() ?? new Dictionary<string, AnswerValue>(), NowUtc = clock.GetUtcNow().UtcDateTime,
        });
    }

    static async Task<IResult> LatestReceipt(string slug, string org, HttpContext http, AppDbContext db)
    {
        var (t, denied) = await Load(http, db, slug, org);
        if (t is null) return denied!;
        return t.Response?.LatestReceipt is { } r ? Results.Redirect($"/kvitteringer/{r.Number}") : Html.NotFound("Kvitteringen");
    }

    /// <summary>A receipt with what its page and PDF show, for a user who may see that response; null when not found or not theirs.</summary>
    sealed record ReceiptModel(Receipt Receipt, string CollectionTitle, string Url, FormSpec Form, IReadOnlyDictionary<string, AnswerValue> Answers, string? Newer);

    static async Task<ReceiptModel?> FindReceipt(string number, HttpContext http, AppDbContext db)
    {
        var receipt = await db.Receipts.Include(r => r.Answers).Include(r => r.FormVersion).Include(r => r.Response)
            .FirstOrDefaultAsync(r => r.Number == number);
        if (receipt is null) return null;
        var collection = await db.Collections.FirstAsync(c => c.Id == receipt.Response!.CollectionId);
        var org = await db.Organisations.FirstAsync(o => o.Id == receipt.Response!.OrganisationId);
        var (t, _) = await Load(http, db, collection.Slug, org.Slug, receipt.Response!.Period);
        // Another organisation's receipt looks exactly like a missing one: receipt numbers cannot be probed.
        if (t is null) return null;
        var newer = t.Response?.LatestReceipt is { } latest && latest.Id != receipt.Id ? latest.Number : null;
        return new(receipt, collection.Title + (t.Ctx.Period == "" ? "" : $" – {t.Ctx.PeriodLabel}"), $"/indsamlinger/{collection.Slug}/besvarelser/{org.Slug}{t.Ctx.PeriodQuery}",
            FormSpecs.Get(receipt.FormVersion!), receipt.Answers.ToDictionary(a => a.FieldKey, a => new AnswerValue(a.Value, a.MissingCode)), newer);
    }

    static async Task<IResult> ReceiptByNumber(string number, HttpContext http, AppDbContext db)
    {
        if (await FindReceipt(number, http, db) is not { } r) return Html.NotFound("Kvitteringen");
        return Html.Render<ReceiptPage>(new
        {
            r.Receipt, r.CollectionTitle, r.Url, r.Form, r.Answers, JustSubmitted = http.Request.Query.ContainsKey("indsendt"), r.Newer,
        });
    }

    /// <summary>*Udskriv / Gem som PDF*: the receipt printed by the server, tagged for screen readers, with "Side X af Y".</summary>
    static async Task<IResult> ReceiptPdf(string number, HttpContext http, AppDbContext db, Samraad.Documents.HtmlDocuments html, Samraad.Documents.Pdf.ChromiumPdf chromium)
    {
        if (await FindReceipt(number, http, db) is not { } r) return Html.NotFound("Kvitteringen");
        var doc = await html.Document<ReceiptView>($"Kvittering {r.Receipt.Number}", new Dictionary<string, object?>
            { ["Receipt"] = r.Receipt, ["CollectionTitle"] = r.CollectionTitle, ["Form"] = r.Form, ["Answers"] = r.Answers, ["Newer"] = r.Newer });
        var pdf = await chromium.Print(doc, http.RequestAborted, footer: $"Kvittering {r.Receipt.Number} · {r.Receipt.OrganisationName}");
        return Results.File(pdf, "application/pdf", $"kvittering-{r.Receipt.Number}.pdf");
    }

    static async Task<IResult> Reopen(string slug, string org, HttpContext http, AppDbContext db, ReopenResponse reopen, TimeProvider clock)
    {
        var (t, denied) = await Load(http, db, slug, org);
        if (t is null) return denied!;
        var form = await http.Request.ReadFormAsync();
        var outcome = await reopen.Handle(t.Ctx, t.Org.Id, t.User, form["reason"]);
        return await Answered(outcome, t, form["reason"], clock, "genaabnet=1");
    }

    static async Task<IResult> RequestReopening(string slug, string org, HttpContext http, AppDbContext db, RequestReopening request, TimeProvider clock)
    {
        var (t, denied) = await Load(http, db, slug, org);
        if (t is null) return denied!;
        var form = await http.Request.ReadFormAsync();
        var outcome = await request.Handle(t.Ctx, t.Org.Id, t.User, form["reason"]);
        return await Answered(outcome, t, form["reason"], clock, "anmodet=1");
    }

    /// <summary>After reopening or asking for it: back to the response with a notice, or the page again with the reason kept and the error by it.</summary>
    static Task<IResult> Answered(Outcome<Response> outcome, Target t, string? reason, TimeProvider clock, string notice) =>
        Html.From(outcome, _ => Results.Redirect($"/indsamlinger/{t.Ctx.Collection.Slug}/besvarelser/{t.Org.Slug}{t.Ctx.QueryWith(notice)}"),
            failed => Task.FromResult(Html.Render<ResponsePage>(new { Model = Model(t, clock.GetUtcNow().UtcDateTime, errors: failed.Errors, problem: failed.Message, reason: reason) },
                failed.Status)), "Besvarelsen", "reason");

    static async Task<IResult> Audit(string slug, string org, HttpContext http, AppDbContext db)
    {
        var (t, denied) = await Load(http, db, slug, org);
        if (t is null) return denied!;
        if (!t.Ctx.CanAdminister(t.User)) return Html.Forbidden();
        var (lines, paging) = await ReadAuditLog.Page(db, t.Ctx, t.Org.Id, http.Request.Query["side"]);
        return Html.Render<AuditPage>(new
        {
            t.Ctx, Lines = lines, Paging = paging, OrganisationSlug = t.Org.Slug, OrganisationName = t.Org.DisplayName,
        });
    }
}
