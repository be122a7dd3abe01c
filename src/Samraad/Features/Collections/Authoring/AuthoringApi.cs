using Samraad.Data;

namespace Samraad.Features.Collections.Authoring;

/// <summary>Create (blank or a copy) as a draft. Times are Danish local time ("2025-02-03T08:00" or "03-02-2025 08.00").</summary>
public sealed record CreateCollectionRequest(string? Slug, string? Title, string? Description, string? Opens, string? Deadline, string? Owner,
    string? CopyFrom, bool? CarryForm, bool? CarryRespondents, bool? CarryTables, bool? CarryPrinted);

/// <summary>
/// Create from a form spreadsheet (XLSForm, multipart/form-data): the file in <c>sheet</c>, the rest as for
/// <see cref="CreateCollectionRequest"/> (a copy then carries only respondents).
/// </summary>
public sealed record CreateFromSheetRequest(IFormFile Sheet, string? Slug, string? Title, string? Description, string? Opens, string? Deadline,
    string? Owner, string? CopyFrom);

/// <summary>Create from a pack: the zip of a pack folder in <c>pack</c>; the other fields, when given, win over the pack's.</summary>
public sealed record CreateFromPackRequest(IFormFile Pack, string? Slug, string? Title, string? Opens, string? Deadline, string? Owner);

/// <summary>Replace the form with a spreadsheet's (multipart/form-data, <c>sheet</c>); <c>confirm=true</c> when the change touches answers.</summary>
public sealed record ReplaceFormRequest(IFormFile Sheet, bool? Confirm);

/// <summary>publish, close, reopen or archive.</summary>
public sealed record StatusRequest(string? Action);

/// <summary>Add a group ("kkr:kkr-sjaelland", "kind:Kommune", "region:1085", "group:kl:Landkommuner") or one organisation by slug.</summary>
public sealed record AddRespondentsRequest(string? Group, string? Organisation);

/// <summary>One respondent's own deadline (Danish local time) and why; an empty deadline gives the common one back.</summary>
public sealed record DeadlineRequest(string? Deadline, string? Reason);

/// <summary>A collection's state after a change: status, window and respondents (with their own deadlines).</summary>
public sealed record CollectionStateDto(string Slug, string Title, string Status, DateTime OpensAtUtc, DateTime DeadlineUtc, string? CopiedFrom,
    IReadOnlyList<RespondentStateDto> Respondents);

/// <summary>A respondent: asked now or removed (answers kept), and its own deadline when extended.</summary>
public sealed record RespondentStateDto(string Slug, string Name, bool Active, DateTime? DeadlineUtc, string? ExtensionReason);

/// <summary>The API for running collections: the same use cases and access rules as the pages (owner's secretariat and admin).</summary>
public static class AuthoringApi
{
    public static void MapAuthoringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/collections").RequireAuthorization().WithTags("Indsamlinger");
        api.MapPost("", Create).Documented<CollectionStateDto>(StatusCodes.Status201Created, "createCollection", "Opret en indsamling som kladde, tom eller som kopi (copyFrom)", 400, 401, 403)
            .Accepts<CreateCollectionRequest>("application/json");
        api.MapPost("/from-xlsform", CreateFromSheet).Documented<CollectionStateDto>(StatusCodes.Status201Created, "createCollectionFromSheet",
                "Opret en indsamling som kladde med skemaet fra et XLSForm-regneark (sheet)", 400, 401, 403)
            .Accepts<CreateFromSheetRequest>("multipart/form-data").WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Samraad.Documents.UploadLimits.TableUploadRequestBytes));
        api.MapPost("/from-pack", CreateFromPackZip).Documented<CollectionStateDto>(StatusCodes.Status201Created, "createCollectionFromPack",
                "Opret en indsamling som kladde fra en pakke (zip af pakkens mappe i feltet pack); slug, title, opens og deadline overstyrer pakkens", 400, 401, 403)
            .Accepts<CreateFromPackRequest>("multipart/form-data").WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Samraad.Documents.UploadLimits.TableUploadRequestBytes));
        api.MapGet("/{slug}/form.xlsx", Sheet).WithName("getFormSheet").WithSummary("Skemaet som XLSForm-regneark (sekretariatet)")
            .Produces(StatusCodes.Status200OK, contentType: Samraad.Documents.Xlsx.ContentType).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapPut("/{slug}/form", ReplaceForm).Documented<CollectionStateDto>("replaceForm",
                "Erstat skemaet med et XLSForm-regneark (ny skemaversion, når der er svar; confirm=true når ændringen berører svar)", 400, 401, 403, 404, 409)
            .Accepts<ReplaceFormRequest>("multipart/form-data").WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Samraad.Documents.UploadLimits.TableUploadRequestBytes));
        api.MapPost("/{slug}/status", Status).Documented<CollectionStateDto>("changeCollectionStatus", "Offentliggør, luk, genåbn eller arkivér (action)", 400, 401, 403, 404, 409)
            .Accepts<StatusRequest>("application/json");
        api.MapPost("/{slug}/respondents", Add).Documented<CollectionStateDto>("addRespondents", "Tilføj en gruppe eller én organisation som respondent", 400, 401, 403, 404)
            .Accepts<AddRespondentsRequest>("application/json");
        api.MapDelete("/{slug}/respondents/{org}", Remove).Documented<CollectionStateDto>("removeRespondent", "Fjern en respondent (svarene bevares og tæller ikke med)", 401, 403, 404);
        api.MapPut("/{slug}/respondents/{org}/deadline", Extend).Documented<CollectionStateDto>("extendDeadline", "Forlæng fristen for én respondent, med begrundelse", 400, 401, 403, 404)
            .Accepts<DeadlineRequest>("application/json");
    }

    static async Task<IResult> Create(CreateCollectionRequest? body, HttpContext http, AppDbContext db, CreateCollection create)
    {
        var b = body ?? new CreateCollectionRequest(null, null, null, null, null, null, null, null, null, null, null);
        var outcome = await create.Handle(new NewCollection(b.Slug, b.Title, b.Description, b.Opens, b.Deadline, b.Owner, b.CopyFrom,
            b.CarryForm ?? true, b.CarryRespondents ?? true, b.CarryTables ?? true, b.CarryPrinted ?? false), UserContext.From(http.User)!);
        return outcome.Ok ? await State(db, outcome.Value!.Slug, StatusCodes.Status201Created) : ApiProblems.From(outcome);
    }

    static async Task<IResult> CreateFromSheet(HttpContext http, AppDbContext db, CreateCollection create)
    {
        var (f, file, refused) = await Upload(http, FormSheets.ErrorKey, "Vælg et regneark (XLSX) med skemaet");
        if (f is null || file is null) return refused!;
        var slug = f["slug"].ToString().Trim();
        var sheet = FormSheets.From(await file.Bytes(), slug == "" ? "skema" : slug, Path.GetFileName(file.FileName));
        if (sheet.Form is null) return ApiProblems.Invalid("Regnearket er ikke indlæst.", sheet.Errors);
        var outcome = await create.Handle(new NewCollection(slug, f["title"], f["description"], f["opens"], f["deadline"], f["owner"], f["copyFrom"],
            CarryForm: false, CarryRespondents: true, CarryTables: false, CarryPrinted: false, Form: sheet.Form, FormFile: sheet.FileName), UserContext.From(http.User)!);
        return outcome.Ok ? await State(db, outcome.Value!.Slug, StatusCodes.Status201Created) : ApiProblems.From(outcome);
    }

    static async Task<IResult> CreateFromPackZip(HttpContext http, AppDbContext db, CreateFromPack create)
    {
        var (f, zip, refused) = await Upload(http, CreateFromPack.ErrorKey, "Vælg en pakke (zip af pakkens mappe)");
        if (f is null || zip is null) return refused!;
        var outcome = await create.Handle(await zip.Bytes(), zip.FileName, new NewCollection(f["slug"], f["title"], null, f["opens"], f["deadline"], f["owner"]),
            UserContext.From(http.User)!);
        return outcome.Ok ? await State(db, outcome.Value!.Slug, StatusCodes.Status201Created) : ApiProblems.From(outcome);
    }

    /// <summary>
    /// A create-from-file request's form and file — or its refusal: who may create is known before the (large) body
    /// is read; then the body must be multipart with the file in <paramref name="field"/>.
    /// </summary>
    static async Task<(IFormCollection? Form, IFormFile? File, IResult? Refused)> Upload(HttpContext http, string field, string missing)
    {
        var user = UserContext.From(http.User)!;
        if (!user.IsAdmin && user.Role != Roles.Secretariat) return (null, null, ApiProblems.Forbidden("Kun et sekretariat kan oprette indsamlinger."));
        if (!http.Request.HasFormContentType)
            return (null, null, ApiProblems.Invalid("Indsamlingen er ikke oprettet.", [new FieldError(field, $"Send filen som multipart/form-data i feltet {field}")]));
        var f = await http.Request.ReadFormAsync();
        return f.Files[field] is { Length: > 0 } file ? (f, file, null) : (null, null, ApiProblems.Invalid("Indsamlingen er ikke oprettet.", [new FieldError(field, missing)]));
    }

    static async Task<IResult> Sheet(string slug, HttpContext http, AppDbContext db)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        return ctx is null ? denied! : FormSheets.Download(ctx.Form, slug);
    }

    static async Task<IResult> ReplaceForm(string slug, HttpContext http, AppDbContext db, EditForm edit)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        if (!http.Request.HasFormContentType) return ApiProblems.Invalid("Skemaet er ikke ændret.", [new FieldError(FormSheets.ErrorKey, "Send regnearket som multipart/form-data i feltet sheet")]);
        var f = await http.Request.ReadFormAsync();
        if (await FormSheets.From(f.Files[FormSheets.ErrorKey], ctx.Form.Key) is not { } sheet)
            return ApiProblems.Invalid("Skemaet er ikke ændret.", [new FieldError(FormSheets.ErrorKey, "Vælg et regneark (XLSX) med skemaet")]);
        if (sheet.Form is null) return ApiProblems.Invalid("Regnearket er ikke indlæst.", sheet.Errors);
        var outcome = await edit.Handle(ctx, UserContext.From(http.User)!, $"Skemaet indlæst fra regnearket »{sheet.FileName}«",
            form => FormSheets.Replace(form, sheet.Form), f["confirm"] == "true");
        return outcome.Ok ? await State(db, slug) : ApiProblems.From(outcome);
    }

    internal static Task<(CollectionContext? Value, IResult? Denied)> Administered(HttpContext http, AppDbContext db, string slug) =>
        Guard.Api(CollectionContext.LoadVisible(db, slug, UserContext.From(http.User)!), "Indsamlingen findes ikke.", c => c.CanAdminister(UserContext.From(http.User)!));

    static async Task<IResult> Status(string slug, StatusRequest? body, HttpContext http, AppDbContext db, ChangeStatus change)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        if (!Enum.TryParse<StatusAction>(body?.Action, ignoreCase: true, out var action) || !Enum.IsDefined(action) || int.TryParse(body?.Action, out _))
            return ApiProblems.Invalid("Status er ikke ændret.", [new FieldError("action", "Skriv publish, close, reopen eller archive")]);
        var outcome = await change.Handle(ctx, UserContext.From(http.User)!, action);
        return outcome.Ok ? await State(db, slug) : ApiProblems.From(outcome);
    }

    static async Task<IResult> Add(string slug, AddRespondentsRequest? body, HttpContext http, AppDbContext db, ChangeRespondents change)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var user = UserContext.From(http.User)!;
        var outcome = string.IsNullOrWhiteSpace(body?.Organisation) ? await change.AddGroup(ctx, user, body?.Group) : await change.AddOne(ctx, user, body.Organisation);
        return outcome.Ok ? await State(db, slug) : ApiProblems.From(outcome);
    }

    static async Task<IResult> Remove(string slug, string org, HttpContext http, AppDbContext db, ChangeRespondents change)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var outcome = await change.Remove(ctx, UserContext.From(http.User)!, org);
        return outcome.Ok ? await State(db, slug) : ApiProblems.From(outcome);
    }

    static async Task<IResult> Extend(string slug, string org, DeadlineRequest? body, HttpContext http, AppDbContext db, ExtendDeadline extend)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var outcome = await extend.Handle(ctx, UserContext.From(http.User)!, org, body?.Deadline, body?.Reason);
        return outcome.Ok ? await State(db, slug) : ApiProblems.From(outcome);
    }

    static async Task<IResult> State(AppDbContext db, string slug, int status = StatusCodes.Status200OK)
    {
        var ctx = (await CollectionContext.Load(db, slug))!;
        var c = ctx.Collection;
        var dto = new CollectionStateDto(c.Slug, c.Title, c.Status.ToString(), c.OpensAtUtc, c.DeadlineUtc, c.CopiedFrom?.Slug,
            ctx.Memberships.Select(m => new RespondentStateDto(m.Organisation!.Slug, m.Organisation.Name, m.IsActive, m.ExtendedDeadlineUtc, m.ExtensionReason)).ToList());
        return status == StatusCodes.Status201Created ? Results.Created($"/api/collections/{slug}", dto) : Results.Ok(dto);
    }
}
