using Samraad.Operations.Jobs;

namespace Samraad.Operations;

/// <summary>What makes a node one of several: shared keys, the jobs table and its runner, health, telemetry, backup.</summary>
public static class OperationsSetup
{
    public static void AddSamraadOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Sign-in cookies survive a restart and are the same on every node (the keys in the database on PostgreSQL).
        services.AddSamraadKeyStorage();
        services.AddSamraadJobs();
        services.AddSamraadHealth();
        builder.AddSamraadTelemetry();
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section);
        services.AddScoped<BackupDatabase>();
        services.AddScoped<RestoreDatabase>();
    }
}
