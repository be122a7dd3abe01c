using Microsoft.Extensions.Primitives;
using Samraad.Data;
using Samraad.Features.Collections.Authoring.Pages;

namespace Samraad.Features.Collections.Authoring;

/// <summary>The form editor: the form's overview with section and question actions, a section's and a question's page, and the preview.</summary>
public static class FormEditorPages
{
    public static void MapFormEditorPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/indsamlinger/{slug}/skema").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("", Overview);
        pages.MapPost("", Act).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapGet("/afsnit/{section}", SectionForm);
        pages.MapPost("/afsnit/{section}", SaveSection).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapGet("/felter/ny", NewField);
        pages.MapGet("/felter/{field}", FieldForm);
        pages.MapPost("/felter/ny", SaveNewField).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost("/felter/{field}", SaveField).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapGet("/vis", Preview);
        pages.MapGet("/skalaer", Scales);
        pages.MapPost("/skalaer", SaveScales).AddEndpointFilter(AntiforgeryTokens.Validate);
        app.MapGet("/indsamlinger/{slug}/skema.xlsx", Sheet).RequireAuthorization().ExcludeFromDescription();
        pages.MapPost("/regneark", Upload).AddEndpointFilter(AntiforgeryTokens.Validate).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Samraad.Documents.UploadLimits.TableUploadRequestBytes));
    }

    static Task<(CollectionContext? Value, IResult? Denied)> Administered(HttpContext http, AppDbContext db, string slug) =>
        AuthoringPages.Administered(http, db, slug);

    static string Url(CollectionContext ctx) => $"/indsamlinger/{ctx.Collection.Slug}/skema";

    static async Task<IResult> Overview(string slug, HttpContext http, AppDbContext db)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var notice = http.Request.Query["gemt"] == "1" ? "Skemaet er gemt." : http.Request.Query["gemt"] == "version" ? "Skemaet er gemt som en ny skemaversion." : null;
        return Html.Render<FormEditorPage>(new { Ctx = ctx, Notice = notice });
    }

    /// <summary>The overview's buttons: add a section; move or delete a section or a question.</summary>
    static async Task<IResult> Act(string slug, HttpContext http, AppDbContext db, EditForm edit)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var f = await http.Request.ReadFormAsync();
        string section = f["section"].ToString(), field = f["field"].ToString(), action = f["action"].ToString();
        var label = ctx.Form.Field(field)?.Label ?? ctx.Form.Sections.FirstOrDefault(s => s.Key == section)?.Title ?? "";
        (string What, Func<Forms.FormSpec, List<FieldError>> Edit)? step = action switch
        {
            "section-add" => ($"Afsnit tilføjet: »{f["sectionTitle"]}«", form => FormEdits.AddSection(form, f["sectionTitle"], f["sectionDescription"])),
            "section-up" or "section-down" => ($"Afsnit flyttet: »{label}«", form => Moved(FormEdits.MoveSection(form, section, action.EndsWith("up") ? FormEdits.Move.Up : FormEdits.Move.Down))),
            "section-delete" => ($"Afsnit slettet: »{label}«", form => Moved(FormEdits.DeleteSection(form, section))),
            "field-up" or "field-down" => ($"Spørgsmål flyttet: »{label}«", form => Moved(FormEdits.MoveField(form, field, action.EndsWith("up") ? FormEdits.Move.Up : FormEdits.Move.Down))),
            "field-delete" => ($"Spørgsmål slettet: »{label}«", form => Moved(FormEdits.DeleteField(form, field))),
            _ => null,
        };
        if (step is null) return Html.Render<FormEditorPage>(new { Ctx = ctx, Errors = new[] { new FieldError("sectionTitle", "Vælg en af knapperne") } }, StatusCodes.Status400BadRequest);
        var outcome = await edit.Handle(ctx, UserContext.From(http.User)!, step.Value.What, step.Value.Edit, f["confirmed"] == "true");
        return await Outcome(outcome, ctx, f, Url(ctx), (errors, status) => Html.Render<FormEditorPage>(new { Ctx = ctx, Errors = errors }, status));
    }

    static async Task<IResult> Scales(string slug, HttpContext http, AppDbContext db)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        return Html.Render<ScalesPage>(new { Ctx = ctx, Notice = http.Request.Query["gemt"].Count > 0 ? "Skemaet er gemt." : null });
    }

    /// <summary>A scale saved, added or deleted, or the missing codes saved: one form edit each, errors by the scale's own fields.</summary>
    static async Task<IResult> SaveScales(string slug, HttpContext http, AppDbContext db, EditForm edit)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var f = await http.Request.ReadFormAsync();
        string action = f["action"].ToString(), name = f["name"].ToString();
        var posted = new Dictionary<string, string>();
        (string What, string Prefix, Func<Forms.FormSpec, List<FieldError>> Edit)? step = action switch
        {
            "save-scale" => ($"Skala rettet: »{name}«", $"scale-{name}-", form => ScaleEdits.SaveScale(form, name, false, f[$"scale-{name}-options"], f[$"scale-{name}-categories"])),
            "delete-scale" => ($"Skala slettet: »{name}«", $"scale-{name}-", form => ScaleEdits.DeleteScale(form, name)),
            "add-scale" => ($"Skala tilføjet: »{f["new-name"]}«", "new-", form => ScaleEdits.SaveScale(form, f["new-name"], true, f["new-options"], f["new-categories"])),
            "save-missing" => ("Manglende-koder rettet", "", form => ScaleEdits.SaveMissingCodes(form, f["missing"])),
            _ => null,
        };
        if (step is null) return Html.Render<ScalesPage>(new { Ctx = ctx, Errors = new[] { new FieldError("missing", "Vælg en af knapperne") } }, StatusCodes.Status400BadRequest);
        var scale = action == "save-scale" ? name : "";
        foreach (var field in new[] { "options", "categories", "missing" })
            if (f[action == "save-scale" ? $"scale-{name}-{field}" : action == "add-scale" ? $"new-{field}" : field].ToString() is { Length: > 0 } v) posted[$"{scale}|{field}"] = v;
        if (action == "add-scale") posted["|name"] = f["new-name"].ToString();
        var outcome = await edit.Handle(ctx, UserContext.From(http.User)!, step.Value.What, step.Value.Edit, f["confirmed"] == "true");
        if (outcome.Ok) return Results.Redirect($"{Url(ctx)}/skalaer?gemt=1");
        IResult Again(IReadOnlyList<FieldError> errors, int status) => Html.Render<ScalesPage>(new
        {
            Ctx = ctx, PostedValues = posted,
            // An existing scale has no name field: its name's errors go by its options.
            Errors = errors.Select(e => e.Key is "options" or "categories" or "name" ? e with { Key = step.Value.Prefix + (e.Key == "name" && action != "add-scale" ? "options" : e.Key) } : e).ToList(),
        }, status);
        return await Outcome(outcome, ctx, f, $"{Url(ctx)}/skalaer", Again);
    }

    /// <summary>The current form as XLSForm: edit it in Excel and upload it again.</summary>
    static async Task<IResult> Sheet(string slug, HttpContext http, AppDbContext db)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        return ctx is null ? denied! : FormSheets.Download(ctx.Form, slug);
    }

    /// <summary>
    /// The whole form replaced by an uploaded sheet, as one edit (a new version once there are answers). An edit that
    /// touches answers asks first; the confirmation carries the sheet's definition, which is read and checked again.
    /// </summary>
    static async Task<IResult> Upload(string slug, HttpContext http, AppDbContext db, EditForm edit)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var f = await http.Request.ReadFormAsync();
        IResult Again(IReadOnlyList<FieldError> errors, int status) => Html.Render<FormEditorPage>(new { Ctx = ctx, Errors = errors }, status);
        Forms.FormSpec sheet;
        string fileName;
        if (f["confirmed"] == "true" && f["definition"].ToString() is { Length: > 0 } definition)
        {
            try { sheet = Forms.FormSpecReader.Parse(definition); }
            catch (InvalidDataException e) { return Again([new FieldError(FormSheets.ErrorKey, e.Message)], StatusCodes.Status400BadRequest); }
            fileName = Path.GetFileName(f["fileName"].ToString());
        }
        else if (await FormSheets.From(f.Files[FormSheets.ErrorKey], ctx.Form.Key) is { } read)
        {
            if (read.Form is null) return Again(read.Errors, StatusCodes.Status400BadRequest);
            (sheet, fileName) = (read.Form, read.FileName);
        }
        else return Again([new FieldError(FormSheets.ErrorKey, "Vælg et regneark (XLSX) med skemaet")], StatusCodes.Status400BadRequest);

        var outcome = await edit.Handle(ctx, UserContext.From(http.User)!, $"Skemaet indlæst fra regnearket »{fileName}«", form => FormSheets.Replace(form, sheet), f["confirmed"] == "true");
        // The confirmation cannot post the file again: it carries the definition read from it instead.
        return await Outcome(outcome, ctx, f, $"{Url(ctx)}/regneark", Again, [("definition", Forms.FormSpecReader.Write(sheet)), ("fileName", fileName)]);
    }

    static List<FieldError> Moved(bool done) => done ? [] : [new FieldError("sectionTitle", "Det kan ikke flyttes eller slettes (findes det stadig?)")];

    /// <summary>Saved: back to the overview. Needs confirming: the confirmation page, which posts the same form again. Refused: the form again.</summary>
    static async Task<IResult> Outcome(Outcome<EditForm.Saved> outcome, CollectionContext ctx, IFormCollection posted, string action, Func<IReadOnlyList<FieldError>, int, IResult> showAgain,
        IReadOnlyList<(string Name, string Value)>? confirmFields = null)
    {
        if (outcome.Ok) return Results.Redirect($"{Url(ctx)}?gemt={(outcome.Value!.NewVersion ? "version" : "1")}");
        if (outcome.Problem == Problem.Conflict && outcome.Errors?.Any(e => e.Key == "confirm") == true)
            return Html.Render<ConfirmEditPage>(new
            {
                Ctx = ctx, Message = outcome.Message!, Action = action,
                Fields = confirmFields ?? posted.Where(p => p.Key is not ("__RequestVerificationToken" or "confirmed")).SelectMany(p => p.Value.Select(v => (p.Key, v ?? ""))).ToList(),
            }, StatusCodes.Status409Conflict);
        return await Html.From(outcome, _ => Results.Redirect(Url(ctx)), failed => Task.FromResult(showAgain(failed.Errors, failed.Status)), errorKey: "form");
    }

    static async Task<IResult> SectionForm(string slug, string section, HttpContext http, AppDbContext db)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        if (ctx.Form.Sections.FirstOrDefault(s => s.Key == section) is not { } s) return Html.NotFound("Afsnittet");
        return Html.Render<SectionEditPage>(new { Ctx = ctx, SectionKey = section, Title = s.Title, Description = s.Description });
    }

    static async Task<IResult> SaveSection(string slug, string section, HttpContext http, AppDbContext db, EditForm edit)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        if (ctx.Form.Sections.All(s => s.Key != section)) return Html.NotFound("Afsnittet");
        var f = await http.Request.ReadFormAsync();
        var outcome = await edit.Handle(ctx, UserContext.From(http.User)!, $"Afsnit rettet: »{f["sectionTitle"]}«",
            form => FormEdits.EditSection(form, section, f["sectionTitle"], f["sectionDescription"]));
        return await Outcome(outcome, ctx, f, $"{Url(ctx)}/afsnit/{section}", (errors, status) => Html.Render<SectionEditPage>(new
        {
            Ctx = ctx, SectionKey = section, Title = (string?)f["sectionTitle"], Description = (string?)f["sectionDescription"], Errors = errors,
        }, status));
    }

    static async Task<IResult> NewField(string slug, string? afsnit, HttpContext http, AppDbContext db)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        if (ctx.Form.Sections.FirstOrDefault(s => s.Key == afsnit) is not { } section) return Html.NotFound("Afsnittet");
        return Html.Render<FieldEditPage>(new
        {
            Ctx = ctx, Input = new QuestionInput(null, null, null, MaxRows: "10"), SectionTitle = section.Title, SectionKey = section.Key, Action = $"{Url(ctx)}/felter/ny?afsnit={section.Key}",
        });
    }

    static async Task<IResult> FieldForm(string slug, string field, HttpContext http, AppDbContext db)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        if (ctx.Form.Field(field) is not { } spec) return Html.NotFound("Spørgsmålet");
        return Html.Render<FieldEditPage>(new
        {
            Ctx = ctx, Input = QuestionInput.From(spec), Existing = field, SectionTitle = spec.SectionTitle, Action = $"{Url(ctx)}/felter/{field}",
        });
    }

    static Task<IResult> SaveNewField(string slug, string? afsnit, HttpContext http, AppDbContext db, EditForm edit) =>
        Save(slug, afsnit ?? "", null, http, db, edit);

    static Task<IResult> SaveField(string slug, string field, HttpContext http, AppDbContext db, EditForm edit) =>
        Save(slug, "", field, http, db, edit);

    static async Task<IResult> Save(string slug, string sectionKey, string? existing, HttpContext http, AppDbContext db, EditForm edit)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var section = existing is null ? ctx.Form.Sections.FirstOrDefault(s => s.Key == sectionKey) : ctx.Form.Sections.FirstOrDefault(s => s.Fields.Any(f => f.Key == existing));
        if (section is null) return Html.NotFound(existing is null ? "Afsnittet" : "Spørgsmålet");
        var f = await http.Request.ReadFormAsync();
        string? V(string key) => f[key].ToString() is { Length: > 0 } v ? v : null;
        var input = new QuestionInput(V("key"), V("label"), V("type"), V("hint"), f["required"] == "true", V("shortLabel"), V("min"), V("max"), V("unit"),
            V("maxLength"), f["notInPast"] == "true", V("options"), V("exclusive"), V("minChoices"), V("maxChoices"), V("rows"), V("columns"),
            V("cellType"), V("cellOptions"), V("tableColumns"), V("maxRows"), V("maxRowsMessage"), f["missingCodes"].OfType<string>().ToList(),
            V("conditionField"), V("conditionOperator"), V("conditionValue"));
        var action = existing is null ? $"{Url(ctx)}/felter/ny?afsnit={section.Key}" : $"{Url(ctx)}/felter/{existing}";
        var outcome = await edit.Handle(ctx, UserContext.From(http.User)!, $"Spørgsmål {(existing is null ? "tilføjet" : "rettet")}: »{input.Label}«",
            form => FormEdits.SaveField(form, section.Key, existing, input), f["confirmed"] == "true");
        return await Outcome(outcome, ctx, f, action, (errors, status) => Html.Render<FieldEditPage>(new
        {
            Ctx = ctx, Input = input, Existing = existing, SectionTitle = section.Title, SectionKey = section.Key, Action = action, Errors = errors,
        }, status));
    }

    /// <summary>The real respondent form as one respondent sees it (read-only for the secretariat), with a banner.</summary>
    static async Task<IResult> Preview(string slug, string? som, HttpContext http, AppDbContext db)
    {
        var (ctx, denied) = await Administered(http, db, slug);
        if (ctx is null) return denied!;
        var org = ctx.Respondents.FirstOrDefault(r => r.Slug == som) ?? ctx.Respondents.FirstOrDefault();
        if (org is null) return Html.NotFound("Respondenten");
        return Results.Redirect($"/indsamlinger/{slug}/besvarelser/{org.Slug}?forhaandsvisning=1");
    }

    static IEnumerable<string> OfType<T>(this StringValues values) => values.Where(v => v is not null)!;
}
