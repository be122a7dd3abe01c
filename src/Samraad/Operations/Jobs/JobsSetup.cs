namespace Samraad.Operations.Jobs;

public static class JobsSetup
{
    /// <summary>The jobs table's queue and this node's runner; the features register their <see cref="IJobHandler"/>s.</summary>
    public static void AddSamraadJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section);
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobQueue>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
    }
}
