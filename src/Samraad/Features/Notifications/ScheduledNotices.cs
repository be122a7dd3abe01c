using Microsoft.EntityFrameworkCore;
using Samraad.Operations.Jobs;

namespace Samraad.Features.Notifications;

/// <summary>
/// Messages that fall due with time rather than with a user's action (a collection's reminders, a task's due date).
/// A round of reminders runs once a minute as a job on one node (RemindersJob); each message also carries a once-key, so
/// even a second round would queue nothing twice.
/// </summary>
public interface IScheduledNotices
{
    /// <summary>Queues and saves what is due now; returns how many messages were queued.</summary>
    Task<int> Due(CancellationToken ct = default);
}

/// <summary>
/// Once a minute (Samraad:Mail:ReminderSeconds; 0 turns it off) every node queues the round of reminders for that
/// minute as a job whose key names the minute: the database's unique key keeps one round per minute whichever nodes
/// ask, and one node's runner runs it (<see cref="RemindersJob"/>).
/// </summary>
public sealed class ReminderWorker(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<ReminderWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var seconds = config.GetValue("Samraad:Mail:ReminderSeconds", 60.0);
        if (seconds <= 0) return;
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(TimeSpan.FromSeconds(seconds), stop); } catch (OperationCanceledException) { return; }
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
            var jobs = scope.ServiceProvider.GetRequiredService<JobQueue>();
            var minute = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                await jobs.Add(db, RemindersJob.Kind, new { minute }, "tidsplan", key: $"{RemindersJob.Kind}:{minute}", keepKey: true, ct: stop);
                await db.SaveChangesAsync(stop);
                jobs.Wake();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException e) when (Data.DbConflicts.IsConflict(e)) { } // another node queued this minute's round
            catch (Exception e) { log.LogError(e, "Påmindelserne kunne ikke sættes i kø; prøver igen om lidt"); }
        }
    }
}

/// <summary>
/// One round of reminders: asks every <see cref="IScheduledNotices"/> for what is due (each message keeps its own
/// once-key, so even two rounds would send nothing twice) and clears rounds older than two days.
/// </summary>
public sealed class RemindersJob(IEnumerable<IScheduledNotices> notices, Data.AppDbContext db, TimeProvider clock, ILogger<RemindersJob> log) : IJobHandler
{
    public const string Kind = "reminders";
    string IJobHandler.Kind => Kind;

    public async Task Run(JobRun run, CancellationToken ct)
    {
        var failed = new List<string>();
        foreach (var source in notices)
        {
            try { await source.Due(ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{Kind}: påmindelserne kunne ikke lægges i kø", source.GetType().Name);
                failed.Add($"{source.GetType().Name}: {e.Message}");
            }
        }
        var old = clock.GetUtcNow().UtcDateTime.AddDays(-2);
        await db.Jobs.Where(j => j.Kind == Kind && j.State == JobState.Done && j.FinishedAtUtc < old).ExecuteDeleteAsync(ct);
        if (failed.Count > 0) throw new InvalidOperationException(string.Join("; ", failed)); // tried again, as a job is
    }
}
