using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Meetings.Pages;
using Samraad.Features.Reference;

namespace Samraad.Features.Meetings;

/// <summary>Pages for the minutes: attendance, decisions, tasks, held, approval, addenda, and the protocol PDF.</summary>
public static class MinutesPages
{
    const string Base = "/moeder/{slug}/referat";

    public static void MapMinutesPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet(Base, (string slug, HttpContext http, AppDbContext db) => Show(slug, http, db));
        pages.MapPost(Base, SaveAll).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost(Base + "/opgaver", NewTask).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost(Base + "/fremmoede", Attendance).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost(Base + "/punkter/{number}", Decision).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost(Base + "/punkter/{number}/opgaver", Task).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost(Base + "/afholdt", async (string slug, HttpContext http, AppDbContext db, ChangeMeetingStatus change) =>
            await Run(slug, http, db, ctx => change.MarkHeld(ctx, MeetingPages.User(http)!), "Mødet er markeret som afholdt.")).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost(Base + "/godkend", async (string slug, HttpContext http, AppDbContext db, ChangeMeetingStatus change) =>
            await Run(slug, http, db, ctx => change.ApproveMinutes(ctx, MeetingPages.User(http)!), "Referatet er godkendt. Rettelser kan herefter kun tilføjes som tillæg.")).AddEndpointFilter(AntiforgeryTokens.Validate);
        pages.MapPost(Base + "/tillaeg", async (string slug, HttpContext http, AppDbContext db, AddAddendum add) =>
        {
            var form = await http.Request.ReadFormAsync();
            return await Run(slug, http, db, ctx => add.Handle(ctx, MeetingPages.User(http)!, form["addendumItem"], form["addendumText"]), "Rettelsen er tilføjet.");
        }).AddEndpointFilter(AntiforgeryTokens.Validate);
        app.MapGet(Base + ".pdf", Pdf).ExcludeFromDescription();
    }

    static async Task<IResult> Show(string slug, HttpContext http, AppDbContext db, IReadOnlyList<FieldError>? errors = null, string? problem = null,
        string? taskFor = null, MinutesEditPage.TaskFields? task = null, int status = 200, MinutesEditPage.PostedMinutes? posted = null)
    {
        var (ctx, other) = await MeetingPages.Administered(http, db, slug);
        if (ctx is null) return other!;
        var owners = await db.Organisations.Where(o => o.Kind != OrganisationKind.Region).OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .Select(o => new { o.Slug, o.Name, o.Kind }).ToListAsync();
        return Html.Render<MinutesEditPage>(new
        {
            Ctx = ctx, Owners = owners.Select(o => (o.Slug, o.Kind == OrganisationKind.Kommune ? $"{o.Name} Kommune" : o.Name)).ToList(),
            Errors = errors ?? [], Problem = problem, Notice = http.Request.Query["besked"].FirstOrDefault(), TaskFor = taskFor, TaskInput = task, Posted = posted,
        }, status);
    }

    /// <summary>Runs a minutes action; on success back to the page with a notice, otherwise the page with the errors.</summary>
    static async Task<IResult> Run<T>(string slug, HttpContext http, AppDbContext db, Func<MeetingContext, Task<Outcome<T>>> action, string notice,
        string? anchor = null, string? taskFor = null, MinutesEditPage.TaskFields? task = null, MinutesEditPage.PostedMinutes? posted = null)
    {
        var (ctx, other) = await MeetingPages.Administered(http, db, slug);
        if (ctx is null) return other!;
        var outcome = await action(ctx);
        return await Html.From(outcome, _ => Results.Redirect($"/moeder/{slug}/referat?besked={Uri.EscapeDataString(notice)}{anchor}"), failed =>
        {
            db.ChangeTracker.Clear();
            return Show(slug, http, db, failed.Errors, failed.Message, taskFor, task, failed.Status, posted);
        }, "Punktet");
    }

    static async Task<IResult> Attendance(string slug, HttpContext http, AppDbContext db, RecordAttendance record)
    {
        var form = await http.Request.ReadFormAsync();
        var (present, notes) = AttendanceFields(form);
        return await Run(slug, http, db, ctx => record.Handle(ctx, MeetingPages.User(http)!, present, notes), "Fremmødet er gemt.");
    }

    /// <summary>The page's one form: attendance and every item's decision (*Gem alle beslutninger*).</summary>
    static async Task<IResult> SaveAll(string slug, HttpContext http, AppDbContext db, RecordMinutes record)
    {
        var form = await http.Request.ReadFormAsync();
        var (present, notes) = AttendanceFields(form);
        var decisions = form.Keys.Where(k => k.StartsWith("decision-")).Select(k => k["decision-".Length..])
            .Select(n => new RecordMinutes.DecisionInput(n, form[$"decision-{n}"], form[$"decisionText-{n}"])).ToList();
        // Refused, the page shows what was typed, not what is stored: nothing of the press is lost.
        return await Run(slug, http, db, ctx => record.Handle(ctx, MeetingPages.User(http)!, present, notes, decisions),
            "Fremmøde og beslutninger er gemt.", posted: new(present, notes, decisions.ToDictionary(d => d.Number)));
    }

    static (HashSet<int> Present, Dictionary<int, string?> Notes) AttendanceFields(IFormCollection form) => (
        form["present"].Select(v => int.TryParse(v, out var id) ? id : 0).ToHashSet(),
        form.Keys.Where(k => k.StartsWith("note-")).ToDictionary(k => int.TryParse(k[5..], out var id) ? id : 0, k => (string?)form[k].ToString()));

    /// <summary>The page's task form: the item is a field of it, so one form serves every item.</summary>
    static async Task<IResult> NewTask(string slug, HttpContext http, AppDbContext db, CreateTask create)
    {
        var form = await http.Request.ReadFormAsync();
        var number = form["taskItem"].ToString();
        if (string.IsNullOrEmpty(number))
            return await Show(slug, http, db, [new FieldError("taskItem", "Vælg det punkt, opgaven følger op på")], "Opgaven er ikke oprettet.", "",
                new MinutesEditPage.TaskFields(form["taskText"], form["taskOwner"], form["taskPerson"], form["taskDue"]), 400);
        return await Task(slug, number, http, db, create);
    }

    static async Task<IResult> Decision(string slug, string number, HttpContext http, AppDbContext db, RecordDecision record)
    {
        var form = await http.Request.ReadFormAsync();
        return await Run(slug, http, db, ctx => ctx.Meeting.Items.FirstOrDefault(i => i.Number == number) is { } item
                ? record.Handle(ctx, item, MeetingPages.User(http)!, form[$"decision-{number}"], form[$"decisionText-{number}"])
                : System.Threading.Tasks.Task.FromResult(Outcome<AgendaItem>.Fail(Problem.NotFound, "Punktet findes ikke.")),
            $"Beslutningen for punkt {number} er gemt.", $"#punkt-{number}");
    }

    static async Task<IResult> Task(string slug, string number, HttpContext http, AppDbContext db, CreateTask create)
    {
        var form = await http.Request.ReadFormAsync();
        var fields = new MinutesEditPage.TaskFields(form["taskText"], form["taskOwner"], form["taskPerson"], form["taskDue"]);
        return await Run(slug, http, db, ctx => ctx.Meeting.Items.FirstOrDefault(i => i.Number == number) is { } item
                ? create.Handle(ctx, item, MeetingPages.User(http)!, fields.Text, fields.Owner, fields.Person, fields.Due)
                : System.Threading.Tasks.Task.FromResult(Outcome<FollowUpTask>.Fail(Problem.NotFound, "Punktet findes ikke.")),
            $"Opgaven til punkt {number} er oprettet.", $"#punkt-{number}", number, fields);
    }

    static async Task<IResult> Pdf(string slug, HttpContext http, ReadMinutes read)
    {
        var outcome = await read.Handle(slug, MeetingPages.User(http));
        return outcome.Ok ? Results.File(outcome.Value!, "application/pdf", $"{slug}-beslutningsprotokol.pdf") : Html.NotFound("Beslutningsprotokollen");
    }
}
