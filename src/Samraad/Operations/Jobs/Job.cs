using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samraad.Operations.Jobs;

public enum JobState { Queued, Running, Done, Failed }

/// <summary>
/// Work that outlives a request (a packet build, a round of reminders): a row written in the same transaction as
/// the change that causes it, claimed by one node at a time under a lease, with attempts, the last error and
/// progress. A node that dies leaves its lease to run out; another node then takes the job over.
/// </summary>
public sealed class Job
{
    public long Id { get; set; }
    /// <summary>Which handler runs it (<see cref="IJobHandler.Kind"/>).</summary>
    public string Kind { get; set; } = "";
    /// <summary>
    /// Unique while set: "packet:12" allows one build of a meeting's packet at a time (released when the job ends),
    /// "reminders:2026-12-03T09:00" one round per minute on all nodes together (kept: <see cref="KeepKey"/>).
    /// </summary>
    public string? Key { get; set; }
    public bool KeepKey { get; set; }
    /// <summary>The handler's input as JSON.</summary>
    public string Payload { get; set; } = "{}";
    public JobState State { get; set; }
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; } = 3;
    public string? LastError { get; set; }
    public int Progress { get; set; }
    public int ProgressTotal { get; set; }
    /// <summary>What the job is doing, in Danish, for its status page ("Samler pakken").</summary>
    public string? ProgressText { get; set; }
    /// <summary>Who or what asked for it (a user "Navn (brugernavn)", or "tidsplan").</summary>
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>Not claimed before this (a retry's back-off).</summary>
    public DateTime NotBeforeUtc { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    /// <summary>The node holding the job, until when, and the claim's own token: a node whose lease was taken over cannot finish the job.</summary>
    public string? LeasedBy { get; set; }
    public DateTime? LeasedUntilUtc { get; set; }
    public string? LeaseToken { get; set; }

    public bool IsOpen => State is JobState.Queued or JobState.Running;

    /// <summary>The input as the handler's record (null if it does not parse as one).</summary>
    public T? Input<T>()
    {
        try { return System.Text.Json.JsonSerializer.Deserialize<T>(Payload); }
        catch (System.Text.Json.JsonException) { return default; }
    }
}

sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> e)
    {
        e.ToTable("Jobs");
        e.Property(j => j.Kind).HasMaxLength(40);
        e.Property(j => j.Key).HasMaxLength(200);
        e.Property(j => j.State).HasConversion<string>().HasMaxLength(10);
        e.Property(j => j.LastError).HasMaxLength(2000);
        e.Property(j => j.ProgressText).HasMaxLength(200);
        e.Property(j => j.CreatedBy).HasMaxLength(300);
        e.Property(j => j.LeasedBy).HasMaxLength(200);
        e.Property(j => j.LeaseToken).HasMaxLength(40);
        e.HasIndex(j => j.Key).IsUnique();
        e.HasIndex(j => new { j.State, j.NotBeforeUtc });
    }
}
