using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Operations.Jobs;

/// <summary>How the runner claims and holds jobs (Samraad:Jobs:…).</summary>
public sealed class JobOptions
{
    public const string Section = "Samraad:Jobs";
    /// <summary>How long a claim holds without a heartbeat; a job whose node died is taken over after this.</summary>
    public double LeaseSeconds { get; set; } = 30;
    /// <summary>How often an idle node looks for work.</summary>
    public double PollSeconds { get; set; } = 1;
    /// <summary>false: this node runs no jobs (others do).</summary>
    public bool Run { get; set; } = true;
}

/// <summary>
/// Each node's runner: claims one job at a time, runs its handler, renews the lease and writes progress every
/// second, and records the outcome. On PostgreSQL the claim is one UPDATE of the row chosen by
/// <c>SELECT … FOR UPDATE SKIP LOCKED</c>, so nodes claiming at the same moment take different jobs without waiting
/// for each other; on SQLite (one node) a conditional UPDATE does the same. A job is taken over once its lease ran
/// out (its node died or hung); the finish is guarded by the claim's token, so only one run's result is stored.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, JobSignal signal, TimeProvider clock, Microsoft.Extensions.Options.IOptions<JobOptions> options,
    ILogger<JobRunner> log) : BackgroundService
{
    /// <summary>This process as a lease names it (host, process and a random part: a host may run two nodes).</summary>
    public static readonly string Node = Truncate($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}", 200);

    static string Truncate(string s, int max) => s.Length > max ? s[..max] : s;

    /// <summary>True while the loop runs (/readyz).</summary>
    public bool IsRunning { get; private set; }

    TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (!options.Value.Run) { log.LogInformation("Denne node kører ingen baggrundsjob (Samraad:Jobs:Run=false)"); return; }
        await Task.Yield();
        IsRunning = true;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var ran = false;
                try { ran = await RunNext(stop); }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
                catch (Exception e) { log.LogError(e, "Jobkøen kunne ikke læses; prøver igen"); }
                if (ran) continue; // there may be more
                try { await signal.Wait(TimeSpan.FromSeconds(options.Value.PollSeconds), stop); }
                catch (OperationCanceledException) { return; }
            }
        }
        finally { IsRunning = false; }
    }

    /// <summary>Claims and runs one job; false when there was none.</summary>
    public async Task<bool> RunNext(CancellationToken stop)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await GiveUpAbandoned(db, stop);
        var token = Guid.NewGuid().ToString("N");
        // The claim itself is not cancelled: a shutdown arriving while its UPDATE commits would leave the job claimed by a
        // run that never learnt it (running until its lease ran out, an attempt spent). Once claimed, a stop requeues it.
        if (stop.IsCancellationRequested || await Claim(db, token, CancellationToken.None) is not { } job) return false;
        // Only a run still holding the job may record its outcome (a finished job is never queued again).
        var mine = db.Jobs.Where(j => j.Id == job.Id && j.LeaseToken == token && j.State == JobState.Running);
        JobRun run = null!;
        run = new JobRun(job, async (d, ct) =>
        {
            var pages = run.Latest?.Total ?? 0; // a finished job shows its full size, whatever the last heartbeat wrote
            return await d.Jobs.Where(j => j.Id == job.Id && j.LeaseToken == token).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Done).SetProperty(j => j.FinishedAtUtc, clock.GetUtcNow().UtcDateTime)
                .SetProperty(j => j.Progress, pages).SetProperty(j => j.ProgressTotal, pages)
                .SetProperty(j => j.LeasedUntilUtc, (DateTime?)null).SetProperty(j => j.LeaseToken, (string?)null).SetProperty(j => j.LastError, (string?)null)
                .SetProperty(j => j.Key, j => j.KeepKey ? j.Key : null), ct) == 1;
        });
        // A span per run for the traces (when OTLP is configured), named by the job's kind.
        using var activity = SamraadMetrics.Activities.StartActivity($"job {job.Kind}");
        activity?.SetTag("samraad.job.id", job.Id);
        activity?.SetTag("samraad.job.attempt", job.Attempts);
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var heartbeat = Heartbeat(job.Id, token, run, lost);
        var watch = Stopwatch.StartNew();
        string? error = null;
        var permanent = false;
        try
        {
            // The handler gets a scope (and a database context) of its own; the outcome is written through the claim's.
            using (var work = scopes.CreateScope())
            {
                var handler = work.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == job.Kind)
                    ?? throw new JobFailedException($"Ingen kender job af typen {job.Kind}.");
                await handler.Run(run, lost.Token);
                if (!run.Finished) await run.Finish(work.ServiceProvider.GetRequiredService<AppDbContext>(), lost.Token);
            }
            SamraadMetrics.JobFinished(job.Kind, "done", watch.Elapsed);
        }
        catch (LeaseLostException) { log.LogWarning("Job {Id} ({Kind}) blev overtaget af en anden node; resultatet er kasseret", job.Id, job.Kind); }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            log.LogWarning("Job {Id} ({Kind}) mistede sit lejemål; resultatet er kasseret", job.Id, job.Kind);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down (a restart, a deploy): the job goes back to the queue at once, and the attempt does not count.
            await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Queued).SetProperty(j => j.Attempts, j => j.Attempts - 1)
                .SetProperty(j => j.LeasedUntilUtc, (DateTime?)null).SetProperty(j => j.LeaseToken, (string?)null), CancellationToken.None);
        }
        catch (JobFailedException e) { error = e.Message; permanent = true; }
        catch (Exception e)
        {
            log.LogError(e, "Job {Id} ({Kind}) fejlede i forsøg {Attempt}", job.Id, job.Kind, job.Attempts);
            // The user reads this: a missing Chromium is said as it is; anything else is in the log, not on the page.
            error = e is Documents.Pdf.ChromiumMissingException ? e.Message : $"Der opstod en uventet fejl ({e.GetType().Name}). Fejlen er logget.";
        }
        finally
        {
            await lost.CancelAsync();
            await heartbeat;
        }
        if (error is not null)
        {
            var gaveUp = permanent || job.Attempts >= job.MaxAttempts;
            var now = clock.GetUtcNow().UtcDateTime;
            error = Truncate(error, 2000);
            await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, gaveUp ? JobState.Failed : JobState.Queued)
                .SetProperty(j => j.LastError, error).SetProperty(j => j.LeasedUntilUtc, (DateTime?)null).SetProperty(j => j.LeaseToken, (string?)null)
                .SetProperty(j => j.NotBeforeUtc, now + Backoff[Math.Min(job.Attempts, Backoff.Length) - 1])
                .SetProperty(j => j.FinishedAtUtc, gaveUp ? now : null)
                .SetProperty(j => j.Key, j => gaveUp && !j.KeepKey ? null : j.Key), CancellationToken.None);
            SamraadMetrics.JobFinished(job.Kind, gaveUp ? "failed" : "retry", watch.Elapsed);
            activity?.SetStatus(ActivityStatusCode.Error, error);
        }
        return true;
    }

    /// <summary>Every second: progress and a renewed lease; if the row is no longer ours, the run is cancelled.</summary>
    async Task Heartbeat(long id, string token, JobRun run, CancellationTokenSource lost)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Min(1, options.Value.LeaseSeconds / 3)));
        try
        {
            while (await timer.WaitForNextTickAsync(lost.Token))
            {
                var p = run.Latest;
                var until = clock.GetUtcNow().UtcDateTime + Lease;
                var ours = db.Jobs.Where(j => j.Id == id && j.LeaseToken == token && j.State == JobState.Running);
                int held;
                try
                {
                    held = p is null
                        ? await ours.ExecuteUpdateAsync(s => s.SetProperty(j => j.LeasedUntilUtc, until), lost.Token)
                        : await ours.ExecuteUpdateAsync(s => s.SetProperty(j => j.LeasedUntilUtc, until)
                            .SetProperty(j => j.Progress, p.Done).SetProperty(j => j.ProgressTotal, p.Total).SetProperty(j => j.ProgressText, p.Text), lost.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // SQLite busy with the job's own write, or the database away for a moment: the next beat tries again.
                    log.LogWarning(e, "Job {Id}: lejemålet kunne ikke fornys", id);
                    continue;
                }
                if (held == 0 && !run.Finished) { await lost.CancelAsync(); return; }
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Takes the next due job, or one whose lease ran out with attempts left.</summary>
    async Task<Job?> Claim(AppDbContext db, string token, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        long? id;
        if (db.Database.IsNpgsql())
        {
            id = (await db.Database.SqlQuery<long>($"""
                UPDATE "Jobs" SET "State" = 'Running', "Attempts" = "Attempts" + 1, "LeasedBy" = {Node}, "LeaseToken" = {token},
                    "LeasedUntilUtc" = {until}, "StartedAtUtc" = {now}
                WHERE "Id" = (SELECT "Id" FROM "Jobs"
                    WHERE ("State" = 'Queued' AND "NotBeforeUtc" <= {now})
                       OR ("State" = 'Running' AND "LeasedUntilUtc" < {now} AND "Attempts" < "MaxAttempts")
                    ORDER BY "NotBeforeUtc", "Id" LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct)).Cast<long?>().FirstOrDefault();
        }
        else
        {
            // One node on SQLite; the condition still makes a claim safe against a second process on the same file.
            id = await db.Jobs.Where(Due(now)).OrderBy(j => j.NotBeforeUtc).ThenBy(j => j.Id).Select(j => (long?)j.Id).FirstOrDefaultAsync(ct);
            if (id is not null && await db.Jobs.Where(j => j.Id == id).Where(Due(now)).ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.State, JobState.Running).SetProperty(j => j.Attempts, j => j.Attempts + 1)
                    .SetProperty(j => j.LeasedBy, Node).SetProperty(j => j.LeaseToken, token)
                    .SetProperty(j => j.LeasedUntilUtc, until).SetProperty(j => j.StartedAtUtc, now), ct) != 1)
                id = null;
        }
        return id is null ? null : await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id, ct);
    }

    static System.Linq.Expressions.Expression<Func<Job, bool>> Due(DateTime now) => j =>
        (j.State == JobState.Queued && j.NotBeforeUtc <= now) || (j.State == JobState.Running && j.LeasedUntilUtc < now && j.Attempts < j.MaxAttempts);

    /// <summary>A job whose node died on its last attempt: failed, with the reason the status page shows.</summary>
    async Task GiveUpAbandoned(AppDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Jobs.Where(j => j.State == JobState.Running && j.LeasedUntilUtc < now && j.Attempts >= j.MaxAttempts).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Failed).SetProperty(j => j.FinishedAtUtc, now).SetProperty(j => j.LeaseToken, (string?)null)
            .SetProperty(j => j.LastError, "Serveren, der udførte jobbet, stoppede undervejs i sidste forsøg.")
            .SetProperty(j => j.Key, j => j.KeepKey ? j.Key : null), ct);
    }
}
