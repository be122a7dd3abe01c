using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Meetings.Pages;

namespace Samraad.Features.Meetings;

/// <summary>The follow-up task list across meetings, and closing a task.</summary>
public static class TaskPages
{
    public static void MapTaskPages(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/opgaver").RequireAuthorization().ExcludeFromDescription();
        tasks.MapGet("", (string? alle, HttpContext http, AppDbContext db, TimeProvider clock) => TaskList(http, db, clock, alle is "1" or "true"));
        tasks.MapPost("/{id:int}/luk", async (int id, HttpContext http, AppDbContext db, CloseTask close, TimeProvider clock) =>
        {
            var outcome = await close.Handle(id, UserContext.From(http.User)!);
            return await Html.From(outcome, _ => Results.Redirect("/opgaver?lukket=1"),
                failed => TaskList(http, db, clock, false, failed.Message, failed.Status), "Opgaven");
        }).AddEndpointFilter(AntiforgeryTokens.Validate);
    }

    /// <summary>Tasks the user can see: all of the bodies they administer or sit on, and their own organisation's.</summary>
    static async Task<IResult> TaskList(HttpContext http, AppDbContext db, TimeProvider clock, bool includeDone, string? problem = null, int status = 200)
    {
        var user = UserContext.From(http.User)!;
        var visible = await FollowUpTask.VisibleTo(db.Tasks, user).Include(t => t.OwnerOrganisation).Include(t => t.AgendaItem).ThenInclude(i => i!.Meeting).ThenInclude(m => m!.Body)
            .Where(t => includeDone || t.State == TaskState.Open).OrderBy(t => t.DueDate).ToListAsync();
        bool Administers(FollowUpTask t) => Access.CanAdminister(user, t.AgendaItem!.Meeting!.Body!.OrganisationId);
        bool Owns(FollowUpTask t) => t.OwnedBy(user);
        var today = DateOnly.FromDateTime(DanishTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        return Html.Render<TasksPage>(new
        {
            Tasks = visible, Today = today, CanClose = (Func<FollowUpTask, bool>)(t => Administers(t) || Owns(t)),
            RunsMeeting = (Func<FollowUpTask, bool>)Administers, ShowDone = includeDone,
            Notice = http.Request.Query.ContainsKey("lukket") ? "Opgaven er markeret som løst." : null, Problem = problem,
        }, status);
    }
}
