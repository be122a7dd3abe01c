using Samraad.Data;

namespace Samraad.Operations.Jobs;

/// <summary>Runs one kind of job. Registered scoped by the feature that owns the work; one instance per run.</summary>
public interface IJobHandler
{
    string Kind { get; }
    /// <summary>
    /// Does the work. A handler that writes its result calls <see cref="JobRun.Finish"/> inside the transaction of
    /// that write, so the result is stored only by the node that still holds the job; otherwise the runner finishes it.
    /// </summary>
    Task Run(JobRun run, CancellationToken ct);
}

/// <summary>Progress of a job as its status page shows it: "Samler pakken: 120 af 223 sider".</summary>
public sealed record JobProgress(int Done, int Total, string Text);

/// <summary>A job that cannot succeed by trying again (the meeting is already held): failed at once, with this reason for the user.</summary>
public sealed class JobFailedException(string reason) : Exception(reason);

/// <summary>The job's lease went to another node (this one was too slow or lost the database): its work is thrown away.</summary>
public sealed class LeaseLostException() : Exception("Jobbet blev overtaget af en anden node.");

/// <summary>One claimed run of a job: its input, progress reporting, and the guarded finish.</summary>
public sealed class JobRun(Job job, Func<AppDbContext, CancellationToken, Task<bool>> finish) : IProgress<JobProgress>
{
    public Job Job { get; } = job;
    volatile JobProgress? latest;
    volatile bool finished;

    /// <summary>The latest progress, written to the job row by the runner's heartbeat (not on every call).</summary>
    public JobProgress? Latest => latest;
    public bool Finished => finished;

    public void Report(JobProgress value) => latest = value;

    public T Input<T>() => Job.Input<T>()
        ?? throw new JobFailedException($"Jobbet {Job.Id} har ingen gyldige data.");

    /// <summary>Marks the job done in <paramref name="db"/>'s current transaction; throws <see cref="LeaseLostException"/> if this node no longer holds it.</summary>
    public async Task Finish(AppDbContext db, CancellationToken ct)
    {
        if (!await finish(db, ct)) throw new LeaseLostException();
        finished = true;
    }
}
