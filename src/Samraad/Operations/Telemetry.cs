using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Samraad.Data;

namespace Samraad.Operations;

/// <summary>Who may read /metrics and where else telemetry goes (Samraad:Metrics:…).</summary>
public sealed class MetricsOptions
{
    public const string Section = "Samraad:Metrics";
    /// <summary>false: no /metrics endpoint.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Client networks allowed to scrape, comma-separated ("10.0.0.0/8, 192.168.1.7"); loopback always.</summary>
    public string AllowedNetworks { get; set; } = "";
    /// <summary>An OTLP endpoint ("http://collector:4317") to push metrics and traces to; none by default (the standard OTEL_EXPORTER_OTLP_ENDPOINT works too).</summary>
    public string? OtlpEndpoint { get; set; }
}

/// <summary>
/// OpenTelemetry for the node: ASP.NET Core, Kestrel, EF Core, Npgsql and runtime metrics with Samraad's own
/// (<see cref="SamraadMetrics"/>), scraped at /metrics in Prometheus text format by the networks configured; with an
/// OTLP endpoint also traces (requests, EF Core and Npgsql commands, jobs) and metrics pushed there.
/// </summary>
public static class Telemetry
{
    public static void AddSamraadTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        builder.Services.AddSingleton(options);
        var otlp = options.OtlpEndpoint ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!options.Enabled && otlp is null) return;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("samraad", serviceInstanceId: Jobs.JobRunner.Node))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter("Microsoft.AspNetCore.Server.Kestrel", "Microsoft.EntityFrameworkCore", "Npgsql", SamraadMetrics.MeterName);
                if (options.Enabled) m.AddPrometheusExporter();
                if (otlp is not null) m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
            });
        builder.Services.AddHostedService<QueueGauges>();
        // Traces cost per request; they are collected only where someone receives them.
        if (otlp is not null)
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation().AddEntityFrameworkCoreInstrumentation().AddNpgsql()
                .AddSource(SamraadMetrics.ActivitySourceName).AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
    }

    /// <summary>/metrics for the allowed networks; anybody else gets 403 (a scraper through the proxy is not allowed by default).</summary>
    public static void UseSamraadMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<MetricsOptions>();
        if (!options.Enabled) return;
        var allowed = Networks(options.AllowedNetworks);
        app.UseWhen(http => http.Request.Path.Equals("/metrics", StringComparison.OrdinalIgnoreCase), branch => branch.Use(async (http, next) =>
        {
            var client = http.Connection.RemoteIpAddress;
            if (client is null || !(IPAddress.IsLoopback(client) || allowed.Any(n => n.Contains(client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client))))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync("Ingen adgang til målingerne fra denne adresse (Samraad:Metrics:AllowedNetworks).");
                return;
            }
            await next();
        }));
        app.UseOpenTelemetryPrometheusScrapingEndpoint();
    }

    static List<IPNetwork> Networks(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n =>
            IPNetwork.TryParse(n.Contains('/') ? n : n + (n.Contains(':') ? "/128" : "/32"), out var network) ? network
                : throw new InvalidOperationException($"{MetricsOptions.Section}:AllowedNetworks: \"{n}\" er hverken en adresse eller et net (10.0.0.0/8).")).ToList();
}

/// <summary>Reads the queue's state for the gauges every 15 seconds (one small query), not at every scrape.</summary>
sealed class QueueGauges(IServiceScopeFactory scopes, TimeProvider clock, ILogger<QueueGauges> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var states = await db.Jobs.GroupBy(j => j.State).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(stop);
                var oldest = await db.Outbox.Where(m => m.State == Features.Notifications.DeliveryState.Queued)
                    .OrderBy(m => m.CreatedAt).Select(m => (DateTime?)m.CreatedAt).FirstOrDefaultAsync(stop);
                long Count(Jobs.JobState s) => states.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
                SamraadMetrics.Queue = new QueueSnapshot(Count(Jobs.JobState.Queued), Count(Jobs.JobState.Running), Count(Jobs.JobState.Failed),
                    oldest is { } o ? (clock.GetUtcNow().UtcDateTime - o).TotalSeconds : null);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception e) { log.LogWarning(e, "Køens tal til målingerne kunne ikke læses"); }
        }
        while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false));
    }
}
