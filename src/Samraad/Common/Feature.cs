namespace Samraad.Common;

/// <summary>
/// One room of the house (a folder under Features/): it registers its services, maps its endpoints, seeds its data
/// and offers its command-line verbs. The host lists each feature once and calls these, and nothing else.
/// </summary>
public interface IFeature
{
    /// <summary>Use cases, jobs and other services of the feature.</summary>
    void AddServices(IServiceCollection services) { }

    /// <summary>Pages and API endpoints.</summary>
    void MapEndpoints(IEndpointRouteBuilder app) { }

    /// <summary>Runs at every start, after migrations, in the host's order of features; must leave a seeded database as it is.</summary>
    Task Start(StartContext start) => Task.CompletedTask;

    /// <summary>The feature's verbs of `samraad VERB …`.</summary>
    IEnumerable<CliVerb> Verbs => [];
}

/// <summary>What a feature's start-up step works with: a scope's services and where packs and reference data are.</summary>
public sealed record StartContext(IServiceProvider Services, string PacksDir, string ReferenceDir, bool DemoData, string DataDir, bool CreateAccounts)
{
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
}

/// <summary>A command-line verb: its name, its line in the usage text, and what it does.</summary>
/// <param name="Name">The verb.</param>
/// <param name="Usage">Its line in the usage text.</param>
/// <param name="Run">What it does.</param>
/// <param name="PrepareDatabase">false: the verb runs on the database as it is, not created, migrated and seeded first (backup, restore).</param>
public sealed record CliVerb(string Name, string Usage, Func<CliCall, Task<int>> Run, bool PrepareDatabase = true);
