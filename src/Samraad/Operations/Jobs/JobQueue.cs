using Microsoft.EntityFrameworkCore;
using Samraad.Data;

namespace Samraad.Operations.Jobs;

/// <summary>Adds jobs to the table in the caller's unit of work, and wakes this node's runner once they are saved.</summary>
public sealed class JobQueue(TimeProvider clock, JobSignal signal)
{
    /// <summary>
    /// Adds a job to <paramref name="db"/> (saved with the caller's changes). With a <paramref name="key"/> an open job
    /// of that key is returned instead of a second one; the database's unique index decides between two nodes.
    /// </summary>
    public async Task<Job> Add(AppDbContext db, string kind, object input, string createdBy, string? key = null, bool keepKey = false,
        int maxAttempts = 3, CancellationToken ct = default)
    {
        if (key is not null && await db.Jobs.FirstOrDefaultAsync(j => j.Key == key, ct) is { } existing) return existing;
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new Job
        {
            Kind = kind, Key = key, KeepKey = keepKey, Payload = System.Text.Json.JsonSerializer.Serialize(input), State = JobState.Queued,
            MaxAttempts = maxAttempts, CreatedBy = createdBy, CreatedAtUtc = now, NotBeforeUtc = now,
        };
        db.Jobs.Add(job);
        return job;
    }

    /// <summary>Tells this node's runner to look now rather than at its next poll (call after the save).</summary>
    public void Wake() => signal.Pulse();
}

/// <summary>A nudge from a request to this node's runner; other nodes find the job at their next poll.</summary>
public sealed class JobSignal
{
    readonly SemaphoreSlim pulses = new(0, 1);

    public void Pulse()
    {
        try { if (pulses.CurrentCount == 0) pulses.Release(); } catch (SemaphoreFullException) { }
    }

    public Task Wait(TimeSpan timeout, CancellationToken ct) => pulses.WaitAsync(timeout, ct);
}
