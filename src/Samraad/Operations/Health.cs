using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Samraad.Data;

namespace Samraad.Operations;

/// <summary>
/// /healthz: the process answers (a liveness probe: restart it if not). /readyz: it can serve — the database answers,
/// every migration is applied and the job runner runs (a readiness probe: send it traffic only then). Both anonymous,
/// cheap (no page is rendered; the readiness checks are two small queries), and never cached by a proxy.
/// </summary>
public static class Health
{
    public static void AddSamraadHealth(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseReady>("database", tags: ["ready"])
            .AddCheck<JobRunnerRunning>("jobs", tags: ["ready"])
            .AddCheck<KeysReadable>("keys", tags: ["ready"]);

    public static void MapSamraadHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Write }).ExcludeFromDescription();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = Write }).ExcludeFromDescription();
    }

    /// <summary>{"status":"Healthy","checks":{"database":"Healthy",…}} with each failing check's reason.</summary>
    static Task Write(HttpContext http, HealthReport report)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        });
    }

    sealed class DatabaseReady(AppDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            try
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(timeout.Token)).Count();
                return pending == 0 ? HealthCheckResult.Healthy("Databasen svarer, og alle migreringer er kørt.")
                    : HealthCheckResult.Unhealthy($"{pending} migreringer mangler at blive kørt.");
            }
            catch (Exception e) when (e is not OperationCanceledException || timeout.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy($"Databasen svarer ikke: {e.GetType().Name}");
            }
        }
    }

    /// <summary>The sign-in keys can be read and used (a certificate missing on this node would fail every sign-in).</summary>
    sealed class KeysReadable(Microsoft.AspNetCore.DataProtection.IDataProtectionProvider keys) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                var protector = Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.CreateProtector(keys, "Samraad.Readiness");
                return Task.FromResult(Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Unprotect(protector,
                    Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Protect(protector, "ok")) == "ok"
                    ? HealthCheckResult.Healthy("Nøglerne til log-ind kan bruges.") : HealthCheckResult.Unhealthy("Nøglerne til log-ind virker ikke."));
            }
            catch (Exception e) { return Task.FromResult(HealthCheckResult.Unhealthy($"Nøglerne til log-ind kan ikke læses: {e.GetType().Name}")); }
        }
    }

    sealed class JobRunnerRunning(Jobs.JobRunner runner, Microsoft.Extensions.Options.IOptions<Jobs.JobOptions> options) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) => Task.FromResult(
            !options.Value.Run ? HealthCheckResult.Healthy("Denne node kører ikke job (Samraad:Jobs:Run=false).")
            : runner.IsRunning ? HealthCheckResult.Healthy("Jobkøen køres.") : HealthCheckResult.Unhealthy("Jobkøen køres ikke."));
    }
}
