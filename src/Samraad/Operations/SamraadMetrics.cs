using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Samraad.Operations;

/// <summary>
/// Samraad's own measurements, beside ASP.NET Core's, EF Core's and the runtime's: saves and submissions by
/// respondents, jobs by kind and outcome with their duration, packet build time, and (read from the database every
/// few seconds by QueueGauges) how many jobs are queued, running and failed and how old the oldest
/// unsent e-mail is. Exported at /metrics (Prometheus) and by OTLP when configured.
/// </summary>
public static class SamraadMetrics
{
    public const string MeterName = "Samraad";
    public const string ActivitySourceName = "Samraad";
    static readonly Meter Meter = new(MeterName);
    public static readonly ActivitySource Activities = new(ActivitySourceName);

    static readonly Counter<long> Saves = Meter.CreateCounter<long>("samraad.responses.saves", "{save}", "Kladder gemt af besvarere");
    static readonly Counter<long> Submissions = Meter.CreateCounter<long>("samraad.responses.submissions", "{submission}", "Indsendte besvarelser");
    static readonly Counter<long> Jobs = Meter.CreateCounter<long>("samraad.jobs.finished", "{job}", "Afsluttede jobforsøg efter type og udfald");
    static readonly Histogram<double> JobSeconds = Meter.CreateHistogram<double>("samraad.jobs.duration", "s", "Varighed af et jobforsøg");
    static readonly Histogram<double> PacketSeconds = Meter.CreateHistogram<double>("samraad.packet.build.duration", "s", "Tid til at bygge en dagsordenspakke");

    /// <summary>The queue as last read: set by the gauges' reader, observed at each scrape.</summary>
    public static volatile QueueSnapshot Queue = new(0, 0, 0, null);

    static SamraadMetrics()
    {
        Meter.CreateObservableGauge("samraad.jobs.queued", () => Queue.Queued, "{job}", "Job i kø");
        Meter.CreateObservableGauge("samraad.jobs.running", () => Queue.Running, "{job}", "Job under udførelse");
        Meter.CreateObservableGauge("samraad.jobs.failed", () => Queue.Failed, "{job}", "Job, der er opgivet");
        Meter.CreateObservableGauge("samraad.outbox.oldest_age", () => Queue.OldestUnsentSeconds ?? 0, "s", "Alder af den ældste e-mail, der ikke er sendt");
    }

    public static void Saved() => Saves.Add(1);
    public static void Submitted() => Submissions.Add(1);
    public static void JobFinished(string kind, string outcome, TimeSpan took)
    {
        Jobs.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));
        JobSeconds.Record(took.TotalSeconds, new KeyValuePair<string, object?>("kind", kind));
    }
    public static void PacketBuilt(TimeSpan took) => PacketSeconds.Record(took.TotalSeconds);
}

/// <summary>Jobs queued, running and failed, and the age of the oldest unsent e-mail in seconds (null: none).</summary>
public sealed record QueueSnapshot(long Queued, long Running, long Failed, double? OldestUnsentSeconds);
