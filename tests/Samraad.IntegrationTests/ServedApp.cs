using System.Net;
using System.Net.Http.Json;
using Samraad.Bench.Load;

namespace Samraad.IntegrationTests;

/// <summary>The app in a child process on the data of a stopped <see cref="TestApp"/> (the app's own <see cref="NodeProcess"/>, as `bench load` starts nodes).</summary>
public sealed class ServedApp : IDisposable
{
    readonly NodeProcess node;
    public Uri Address => node.Address;

    /// <summary>The node's data directory (on PostgreSQL only mail files and the first passwords would go there).</summary>
    public string DataDir { get; }
    /// <summary>The process id, as a job's lease names its node ("host/pid/…").</summary>
    public int Pid => node.Pid;

    readonly bool ownDataDir;

    ServedApp(NodeProcess node, string dataDir, bool ownDataDir)
    {
        this.node = node;
        DataDir = dataDir;
        this.ownDataDir = ownDataDir;
    }

    /// <param name="data">Whose data directory and database to serve.</param>
    /// <param name="settings">More configuration, as "--Key value" pairs.</param>
    /// <param name="dataDir">A data directory of the node's own instead of <paramref name="data"/>'s (a second node on the same PostgreSQL).</param>
    public static async Task<ServedApp> Start(TestApp data, IReadOnlyDictionary<string, string>? settings = null, string? dataDir = null)
    {
        var arguments = new List<string> { "--data-dir", dataDir ?? data.DataDir, "--packs", data.PacksDir, "--Samraad:InitialAccounts", "false" };
        if (data.Kind == Db.Postgres) arguments.AddRange(["--db-provider", "postgres", "--db", data.PostgresConnection!]);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) arguments.AddRange(["--" + key, value]);
        var node = await NodeProcess.Serve(arguments, Dll, Path.Combine(TestApp.RepoRoot, "src", "Samraad"));
        return new ServedApp(node, dataDir ?? data.DataDir, dataDir is not null);
    }

    /// <summary>The app the test project was built against: src/Samraad/bin/&lt;configuration&gt;/net10.0.</summary>
    internal static string Dll => Path.Combine(TestApp.RepoRoot, "src", "Samraad", "bin",
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net10.0", "Samraad.dll");

    /// <summary>A verb of the same executable as its own process (`samraad backup …`), on a data directory and optionally a PostgreSQL database.</summary>
    public static async Task<(int Code, string Out, string Error)> Verb(string dataDir, string? postgres, params string[] arguments)
    {
        var start = NodeProcess.Command(Dll);
        start.RedirectStandardInput = false;
        foreach (var arg in (string[])[.. arguments, "--data-dir", dataDir]) start.ArgumentList.Add(arg);
        if (postgres is not null) foreach (var arg in new[] { "--db-provider", "postgres", "--db", postgres }) start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, error);
    }

    public async Task<HttpClient> LoggedIn(string user)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        var login = await client.PostAsJsonAsync("/api/session", new { userName = user, password = TestApp.Password });
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        return client;
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as a power cut or the OOM killer would.</summary>
    public void Kill() => node.Kill();

    public void Dispose()
    {
        node.Dispose();
        if (ownDataDir) try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } // a node's own folder (NodeTests)
    }
}
