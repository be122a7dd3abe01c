using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Features.Meetings;

/// <summary>Closes a follow-up task, recording who and when.</summary>
public sealed class CloseTask(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<FollowUpTask>> Handle(int taskId, UserContext user, CancellationToken ct = default)
    {
        var task = await db.Tasks.Include(t => t.AgendaItem).ThenInclude(i => i!.Meeting).ThenInclude(m => m!.Body)
            .FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null) return Outcome<FollowUpTask>.Fail(Problem.NotFound, "Opgaven findes ikke.");
        var body = task.AgendaItem!.Meeting!.Body!;
        if (!Access.CanAdminister(user, body.OrganisationId) && !task.OwnedBy(user))
            return Outcome<FollowUpTask>.Fail(Problem.Forbidden, "Kun sekretariatet eller den ansvarlige organisation kan lukke opgaven.");
        if (task.State == TaskState.Done) return Outcome<FollowUpTask>.Fail(Problem.Conflict, "Opgaven er allerede lukket.");
        task.State = TaskState.Done;
        task.ClosedAtUtc = clock.GetUtcNow().UtcDateTime;
        task.ClosedBy = $"{user.Name} ({user.UserName})";
        await db.SaveChangesAsync(ct);
        return Outcome<FollowUpTask>.Success(task);
    }
}
