using Samraad.Documents;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Collections.Authoring.Pages;
using Samraad.Features.Collections.Pages;
using Samraad.Features.Reference;

namespace Samraad.Features.Collections.Authoring;

/// <summary>The secretariat's pages for running a collection: Ny indsamling, status, respondents and their deadlines.</summary>
public static class AuthoringPages
{
    public static void MapAuthoringPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/indsamlinger").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("/ny", NewForm);
        pages.MapGet("/skabelon.xlsx", (HttpContext http) => MayCreate(UserContext.From(http.User)!) ? FormSheets.Template() : Html.Forbidden());
        pages.MapPost("/ny", Create).AddEndpointFilter(AntiforgeryTokens.Validate).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(UploadLimits.TableUploadRequestBytes));
        pages.MapPost("/{slug}/status", Status).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost("/{slug}/pakke", PackChange).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost("/{slug}/oplysninger", Details).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapGet("/{slug}/respondenter", Respondents);
        pages.MapPost("/{slug}/respondenter", ChangeRespondents).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapGet("/{slug}/oversigter", Overviews);
        pages.MapPost("/{slug}/oversigter/tabeller", SaveTables).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost("/{slug}/oversigter/trykte-tal", ChangePrinted).AddEndpointFilter(AntiforgeryTokens.Validate).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(UploadLimits.TableUploadRequestBytes));
        pages.MapGet("/{slug}/oversigter/trykte-tal.csv", PrintedCsv);
        pages.MapGet("/{slug}/respondenter/{org}/frist", ExtensionForm);
        pages.MapPost("/{slug}/respondenter/{org}/frist", Extend).AddEndpointFilter(AntiforgeryTokens.Validate);
    }

    static bool MayCreate(UserContext user) => user.IsAdmin || user.Role == Roles.Secretariat;

    static async Task<IResult> NewForm(string? kopi, HttpContext http, AppDbContext db)
    {
        var user = UserContext.From(http.User)!;
        if (!MayCreate(user)) return Html.Forbidden();
        var input = new NewCollection(null, null, null, null, null, CopyFrom: kopi);
        return await RenderNew(db, user, input, [], StatusCodes.Status200OK);
    }

    static async Task<IResult> Create(HttpContext http, AppDbContext db, CreateCollection create, CreateFromPack fromPack)
    {
        var user = UserContext.From(http.User)!;
        if (!MayCreate(user)) return Html.Forbidden();
        var f = await http.Request.ReadFormAsync();
        var input = new NewCollection(f["slug"], f["title"], f["description"], f["opens"], f["deadline"], f["owner"], f["copyFrom"],
            f["carryForm"] == "true", f["carryRespondents"] == "true", f["carryTables"] == "true", f["carryPrinted"] == "true");
        if (f.Files[CreateFromPack.ErrorKey] is { Length: > 0 } zip)
        {
            if (f.Files[FormSheets.ErrorKey] is { Length: > 0 })
                return await RenderNew(db, user, input, [new FieldError(CreateFromPack.ErrorKey, "Vælg enten et regneark eller en pakke, ikke begge")], StatusCodes.Status400BadRequest);
            var packed = await fromPack.Handle(await zip.Bytes(), zip.FileName, input, user);
            return await Html.From(packed, c => Results.Redirect($"/indsamlinger/{c.Slug}?oprettet=1"),
                failed => RenderNew(db, user, input, failed.Errors, failed.Status));
        }
        if (await FormSheets.From(f.Files[FormSheets.ErrorKey], input.Slug?.Trim() is { Length: > 0 } key ? key : "skema") is { } sheet)
        {
            if (sheet.Form is null) return await RenderNew(db, user, input, sheet.Errors, StatusCodes.Status400BadRequest);
            input = input with { Form = sheet.Form, FormFile = sheet.FileName };
        }
        var outcome = await create.Handle(input, user);
        return await Html.From(outcome, c => Results.Redirect($"/indsamlinger/{c.Slug}?oprettet=1"),
            failed => RenderNew(db, user, input, failed.Errors, failed.Status));
    }

    static async Task<IResult> RenderNew(AppDbContext db, UserContext user, NewCollection input, IReadOnlyList<FieldError> errors, int status)
    {
        var sources = (await db.Collections.OrderByDescending(c => c.DeadlineUtc).ToListAsync())
            .Where(c => Access.CanAdminister(user, c.OwnerOrganisationId)).Select(c => (c.Slug, c.Title)).ToList();
        var owners = user.IsAdmin
            ? (await db.Organisations.Where(o => o.Kind == OrganisationKind.Kkr || o.Kind == OrganisationKind.Kl || o.Kind == OrganisationKind.Myndighed)
                .OrderBy(o => o.Name).ToListAsync()).Select(o => (o.Slug, o.Name)).ToList()
            : [];
        return Html.Render<NewCollectionPage>(new { Input = input, Sources = sources, Owners = owners, Errors = errors }, status);
    }

    static async Task<IResult> Overviews(string slug, HttpContext http, AppDbContext db)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var notice = (string?)http.Request.Query["gemt"] switch { "tabeller" => "Oversigtstabellerne er gemt.", "tal" => "De trykte tal er gemt.", _ => null };
        return await RenderOverviews(db, ctx, null, null, [], StatusCodes.Status200OK, notice);
    }

    static async Task<IResult> RenderOverviews(AppDbContext db, CollectionContext ctx, string? tablesJson, PrintedFigureInput? input, IReadOnlyList<FieldError> errors, int status, string? notice = null) =>
        Html.Render<OverviewsPage>(new
        {
            Ctx = ctx, Errors = errors, Notice = notice, Input = input ?? new PrintedFigureInput(null, null, null, null, null, null),
            TablesJson = tablesJson ?? Summaries.SummaryTableSpec.ToEditableJson(Summaries.SummaryTableSpec.ParseList(ctx.Collection.SummaryTablesJson)),
            Figures = await Summaries.LoadSummaryInput.PrintedFigures(db, ctx.Collection.Id),
        }, status);

    static async Task<IResult> SaveTables(string slug, HttpContext http, AppDbContext db, ChangeSummaryTables change)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var json = (string?)(await http.Request.ReadFormAsync())["tables"];
        var outcome = await change.Handle(ctx, UserContext.From(http.User)!, json);
        return await Html.From(outcome, _ => Results.Redirect($"/indsamlinger/{slug}/oversigter?gemt=tabeller#tabeller"),
            failed => RenderOverviews(db, ctx, json, null, failed.Errors, failed.Status), errorKey: "tables");
    }

    static async Task<IResult> ChangePrinted(string slug, HttpContext http, AppDbContext db, ChangePrintedFigures change)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var f = await http.Request.ReadFormAsync();
        var user = UserContext.From(http.User)!;
        var input = new PrintedFigureInput(f["source"], f["field"], f["answers"], f["count"], f["of"], f["printed"]);
        Outcome<int> outcome;
        switch ((string?)f["action"])
        {
            case "add": outcome = await change.Add(ctx, user, input); break;
            case "remove" when int.TryParse(f["index"], out var index): outcome = await change.Remove(ctx, user, index); break;
            case "upload":
                if (f.Files["file"] is not { Length: > 0 } file)
                    return await RenderOverviews(db, ctx, null, input, [new FieldError("file", "Vælg en CSV-fil med de trykte tal")], StatusCodes.Status400BadRequest);
                outcome = await change.Upload(ctx, user, await file.Bytes(), file.FileName);
                break;
            default: return await RenderOverviews(db, ctx, null, input, [new FieldError("file", "Vælg en af knapperne")], StatusCodes.Status400BadRequest);
        }
        return await Html.From(outcome, _ => Results.Redirect($"/indsamlinger/{slug}/oversigter?gemt=tal#trykte-tal"),
            failed => RenderOverviews(db, ctx, null, input, failed.Errors, failed.Status), errorKey: "file");
    }

    static async Task<IResult> PrintedCsv(string slug, HttpContext http, AppDbContext db)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        return Results.File(Packs.PackCsv.WritePrintedFigures(await Summaries.LoadSummaryInput.PrintedFigures(db, ctx.Collection.Id)), "text/csv; charset=utf-8", $"{slug}-printed-figures.csv");
    }

    /// <summary>A draft is 404 to those who may not administer it (not 403: its address gives nothing away).</summary>
    internal static Task<(CollectionContext? Value, IResult? Denied)> Administered(HttpContext http, AppDbContext db, string slug) =>
        Guard.Page(CollectionContext.LoadVisible(db, slug, UserContext.From(http.User)!), "Indsamlingen", c => c.CanAdminister(UserContext.From(http.User)!));

    static async Task<IResult> Status(string slug, HttpContext http, AppDbContext db, ChangeStatus change, TimeProvider clock)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var f = await http.Request.ReadFormAsync();
        if (!Enum.TryParse<StatusAction>(f["action"], ignoreCase: true, out var action) || !Enum.IsDefined(action))
            return Html.Render<ErrorPage>(new { Title = "Ukendt handling", Message = "Vælg en af knapperne under Status." }, StatusCodes.Status400BadRequest);
        var outcome = await change.Handle(ctx, UserContext.From(http.User)!, action);
        return await Html.From(outcome, c => Results.Redirect($"/indsamlinger/{slug}?status={action.ToString().ToLowerInvariant()}#status"),
            failed => CollectionPageAgain(db, ctx, clock, failed), errorKey: "status");
    }

    static async Task<IResult> PackChange(string slug, HttpContext http, AppDbContext db, ApplyPackChange change, TimeProvider clock)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var apply = (string?)(await http.Request.ReadFormAsync())["action"] == "apply";
        var outcome = await change.Handle(ctx, UserContext.From(http.User)!, apply);
        return await Html.From(outcome, _ => Results.Redirect($"/indsamlinger/{slug}?pakke={(apply ? "anvendt" : "beholdt")}"),
            failed => CollectionPageAgain(db, ctx, clock, failed), errorKey: "pakke");
    }

    static async Task<IResult> Details(string slug, HttpContext http, AppDbContext db, ChangeDetails change, TimeProvider clock)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var f = await http.Request.ReadFormAsync();
        var outcome = await change.Handle(ctx, UserContext.From(http.User)!, f["title"], f["description"]);
        return await Html.From(outcome, _ => Results.Redirect($"/indsamlinger/{slug}?oplysninger=1#oplysninger"),
            failed => CollectionPageAgain(db, ctx, clock, failed, f["title"], f["description"]), errorKey: "title");
    }

    /// <summary>The collection page again, with what was refused by its form (and what was typed in the title form).</summary>
    internal static async Task<IResult> CollectionPageAgain(AppDbContext db, CollectionContext ctx, TimeProvider clock, PageFailure failed,
        string? title = null, string? description = null, string? reminderDays = null) =>
        Html.Render<CollectionPage>(new
        {
            Ctx = ctx, Progress = await ReadProgress.Handle(db, ctx), NowUtc = clock.GetUtcNow().UtcDateTime, failed.Errors,
            TitleText = title, DescriptionText = description, ReminderDaysText = reminderDays,
        }, failed.Status);

    static async Task<IResult> Respondents(string slug, HttpContext http, AppDbContext db, RespondentGroups groups)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        return await RenderRespondents(db, groups, ctx, [], Notice(ctx, http.Request.Query), StatusCodes.Status200OK);
    }

    static async Task<IResult> RenderRespondents(AppDbContext db, RespondentGroups groups, CollectionContext ctx, IReadOnlyList<FieldError> errors, string? notice, int status)
    {
        var asked = ctx.Respondents.Select(r => r.Id).ToHashSet();
        var others = (await db.Organisations.OrderBy(o => o.Kind).ThenBy(o => o.Name).ToListAsync())
            .Where(o => !asked.Contains(o.Id)).Select(o => (o.Slug, $"{o.DisplayName} ({Organisation.KindLabel(o.Kind)})")).ToList();
        var options = (await groups.Options()).Select(o => (o.Key, o.Label)).ToList();
        return Html.Render<RespondentsPage>(new { Ctx = ctx, Groups = options, Organisations = others, Errors = errors, Notice = notice }, status);
    }

    static async Task<IResult> ChangeRespondents(string slug, HttpContext http, AppDbContext db, ChangeRespondents change, RespondentGroups groups)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var user = UserContext.From(http.User)!;
        var f = await http.Request.ReadFormAsync();
        var back = $"/indsamlinger/{slug}/respondenter";
        switch ((string?)f["action"])
        {
            case "remove":
                return await Html.From(await change.Remove(ctx, user, f["organisation"].ToString()),
                    org => Results.Redirect($"{back}?fjernet={org.Slug}"),
                    async failed => await RenderRespondents(db, groups, ctx, failed.Errors, null, failed.Status), errorKey: "organisation");
            case "add-group" or "add-one":
                var added = (string?)f["action"] == "add-group" ? await change.AddGroup(ctx, user, f["group"]) : await change.AddOne(ctx, user, f["organisation"]);
                return await Html.From(added,
                    a => Results.Redirect($"{back}?tilfoejet={a.Count}&fandtes={a.AlreadyThere}"),
                    async failed => await RenderRespondents(db, groups, ctx, failed.Errors, null, failed.Status));
            default:
                return await RenderRespondents(db, groups, ctx, [new FieldError("group", "Vælg en gruppe eller en organisation at tilføje")], null, StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>What the last change did, from the redirect's query: numbers and slugs only, so a link cannot put words on the page.</summary>
    static string? Notice(CollectionContext ctx, IQueryCollection q)
    {
        string? Org(string key) => ctx.Memberships.FirstOrDefault(m => m.Organisation!.Slug == q[key])?.Organisation!.DisplayName;
        if (int.TryParse(q["tilfoejet"], out var added))
            return (added == 1 ? "1 respondent er tilføjet." : $"{added} respondenter er tilføjet.")
                + (int.TryParse(q["fandtes"], out var there) && there > 0 ? $" {there} var der i forvejen." : "");
        if (Org("fjernet") is { } removed) return $"{removed} er fjernet som respondent. Eventuelle svar er bevaret og tæller ikke med i sammendraget.";
        if (Org("frist") is { } extended)
            return ctx.Memberships.First(m => m.Organisation!.Slug == q["frist"]).ExtendedDeadlineUtc is DateTime d
                ? $"{extended}: fristen er forlænget til {DanishTime.Format(d)}." : $"{extended} har nu den fælles frist.";
        return null;
    }

    static async Task<IResult> ExtensionForm(string slug, string org, HttpContext http, AppDbContext db)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        if (ctx.Memberships.FirstOrDefault(m => m.Organisation!.Slug == org && m.IsActive) is not { } m) return Html.NotFound("Respondenten");
        return Html.Render<ExtensionPage>(new
        {
            Ctx = ctx, Org = m.Organisation!, Deadline = m.ExtendedDeadlineUtc is DateTime d ? DanishTime.FormInput(d) : null, Reason = m.ExtensionReason,
        });
    }

    static async Task<IResult> Extend(string slug, string org, HttpContext http, AppDbContext db, ExtendDeadline extend)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var f = await http.Request.ReadFormAsync();
        var outcome = await extend.Handle(ctx, UserContext.From(http.User)!, org, f["deadline"], f["reason"]);
        return await Html.From(outcome, _ => Results.Redirect($"/indsamlinger/{slug}/respondenter?frist={org}"),
            failed => Task.FromResult(Html.Render<ExtensionPage>(new
            {
                Ctx = ctx, Org = ctx.Memberships.First(x => x.Organisation!.Slug == org).Organisation!, Deadline = (string?)f["deadline"], Reason = (string?)f["reason"],
                failed.Errors,
            }, failed.Status)), what: "Respondenten");
    }
}
