using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>JSON API for meetings and tasks, with the pages' visibility rules.</summary>
public static class MeetingApi
{
    public static void MapMeetingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Møder");
        api.MapGet("/meetings", async (HttpContext http, ListMeetings list) => (await list.Handle(UserContext.From(http.User)!)).Value).WithSummary("Møder med status og offentliggjort version");
        api.MapGet("/meetings/{slug}", async (string slug, HttpContext http, ReadMeeting read) => ApiProblems.Ok(await read.Handle(slug, UserContext.From(http.User))))
            .WithSummary("Et møde med dagsorden, bilag, beslutninger og opgaver");
        api.MapGet("/tasks", Tasks).WithSummary("Opfølgningsopgaver; open=true for kun åbne");
    }

    static async Task<IResult> Tasks(bool? open, HttpContext http, AppDbContext db, TimeProvider clock)
    {
        var user = UserContext.From(http.User)!;
        var today = DateOnly.FromDateTime(DanishTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var tasks = await FollowUpTask.VisibleTo(db.Tasks, user).Include(t => t.OwnerOrganisation).Include(t => t.AgendaItem).ThenInclude(i => i!.Meeting).ThenInclude(m => m!.Body)
            .Where(t => open != true || t.State == TaskState.Open).OrderBy(t => t.DueDate).ToListAsync();
        return Results.Ok(tasks.Select(t => ReadMeeting.Task(t, today)).ToList());
    }
}
