using Microsoft.EntityFrameworkCore;
using Samraad.Data;
using Samraad.Features.Notifications;

namespace Samraad.Features.Meetings.Notices;

/// <summary>
/// Reminders of open follow-up tasks to the owning organisation's staff: a week before the due date and on the day,
/// at 9:00 Danish time; none once the task is closed, none for a moment that fell before the task was created (the
/// assignment mail said it), none after the due date.
/// </summary>
public sealed class SendTaskReminders(AppDbContext db, MeetingMail mail, Outbox outbox, TimeProvider clock) : IScheduledNotices
{
    public static readonly IReadOnlyList<int> Days = [7, 0];

    /// <summary>The end of the due date in Danish time: a task is due all that day.</summary>
    public static DateTime DueEndUtc(DateOnly due) => DanishTime.ToUtc(due.ToDateTime(new TimeOnly(23, 59, 59)));

    public async Task<int> Due(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(DanishTime.ToLocal(now));
        var tasks = await db.Tasks.Where(t => t.State == TaskState.Open && t.OwnerOrganisationId != null && t.DueDate >= today && t.DueDate <= today.AddDays(Days.Max()))
            .Include(t => t.OwnerOrganisation).Include(t => t.AgendaItem).ThenInclude(i => i!.Meeting).ThenInclude(m => m!.Body)
            .ToListAsync(ct);
        var queued = 0;
        foreach (var task in tasks)
        {
            if (ReminderSchedule.Due(Days, task.CreatedAtUtc, DueEndUtc(task.DueDate), now) is not int n) continue;
            await mail.Task(task, task.AgendaItem!, task.AgendaItem!.Meeting!, n);
            queued += await outbox.SaveOnce(ct);
        }
        return queued;
    }
}
