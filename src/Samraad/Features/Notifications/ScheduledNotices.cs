namespace Samraad.Features.Notifications;

/// <summary>
/// Messages that fall due with time rather than with a user's action (a collection's reminders, a task's due date).
/// Every node asks each of them once a minute; each message carries a once-key, so a second node queues nothing.
/// </summary>
public interface IScheduledNotices
{
    /// <summary>Queues and saves what is due now; returns how many messages were queued.</summary>
    Task<int> Due(CancellationToken ct = default);
}

/// <summary>Every node looks for due reminders once a minute (Samraad:Mail:ReminderSeconds; 0 turns it off).</summary>
public sealed class ReminderWorker(IServiceScopeFactory scopes, IConfiguration config, ILogger<ReminderWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var seconds = config.GetValue("Samraad:Mail:ReminderSeconds", 60.0);
        if (seconds <= 0) return;
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(TimeSpan.FromSeconds(seconds), stop); } catch (OperationCanceledException) { return; }
            using var scope = scopes.CreateScope();
            foreach (var notices in scope.ServiceProvider.GetServices<IScheduledNotices>())
            {
                try { await notices.Due(stop); }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
                catch (Exception e) { log.LogError(e, "{Kind}: påmindelserne kunne ikke lægges i kø; prøver igen om lidt", notices.GetType().Name); }
            }
        }
    }
}
