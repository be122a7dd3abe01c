using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Samraad.IntegrationTests;

/// <summary>The app in a child process on the data of a stopped <see cref="TestApp"/>.</summary>
public sealed class ServedApp : IDisposable
{
    readonly Process process;
    public Uri Address { get; }

    /// <summary>The node's data directory (on PostgreSQL only mail files and the first passwords would go there).</summary>
    public string DataDir { get; }
    /// <summary>The process id, as a job's lease names its node ("host/pid/…").</summary>
    public int Pid => process.Id;

    readonly bool ownDataDir;

    ServedApp(Process process, Uri address, string dataDir, bool ownDataDir)
    {
        this.process = process;
        Address = address;
        DataDir = dataDir;
        this.ownDataDir = ownDataDir;
    }

    /// <param name="data">Whose data directory and database to serve.</param>
    /// <param name="settings">More configuration, as "--Key value" pairs.</param>
    /// <param name="dataDir">A data directory of the node's own instead of <paramref name="data"/>'s (a second node on the same PostgreSQL).</param>
    public static async Task<ServedApp> Start(TestApp data, IReadOnlyDictionary<string, string>? settings = null, string? dataDir = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.Combine(TestApp.RepoRoot, "src", "Samraad"), RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[] { "exec", Dll, "serve", "--data-dir", dataDir ?? data.DataDir, "--packs", data.PacksDir, "--urls", $"http://127.0.0.1:{port}", "--Samraad:InitialAccounts", "false" })
            start.ArgumentList.Add(arg);
        if (data.Kind == Db.Postgres)
            foreach (var arg in new[] { "--db-provider", "postgres", "--db", data.PostgresConnection! }) start.ArgumentList.Add(arg);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) { start.ArgumentList.Add("--" + key); start.ArgumentList.Add(value); }
        var process = Process.Start(start)!;
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line && output.Count < 200) output.Enqueue(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line && output.Count < 200) output.Enqueue(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var served = new ServedApp(process, new Uri($"http://127.0.0.1:{port}"), dataDir ?? data.DataDir, dataDir is not null);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(90); await Task.Delay(200))
        {
            if (process.HasExited) throw new InvalidOperationException($"samraad serve stopped with {process.ExitCode}:\n{string.Join("\n", output)}");
            try { if ((await probe.GetAsync(new Uri(served.Address, "/log-ind"))).StatusCode == HttpStatusCode.OK) return served; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
        }
        served.Dispose();
        throw new TimeoutException("samraad serve did not answer within 90 s");
    }

    /// <summary>The app the test project was built against: src/Samraad/bin/&lt;configuration&gt;/net10.0.</summary>
    static string Dll => Path.Combine(TestApp.RepoRoot, "src", "Samraad", "bin",
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net10.0", "Samraad.dll");

    /// <summary>A verb of the same executable as its own process (`samraad backup …`), on a data directory and optionally a PostgreSQL database.</summary>
    public static async Task<(int Code, string Out, string Error)> Verb(string dataDir, string? postgres, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["exec", Dll, .. arguments, "--data-dir", dataDir]) start.ArgumentList.Add(arg);
        if (postgres is not null) foreach (var arg in new[] { "--db-provider", "postgres", "--db", postgres }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
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
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited) Kill();
        process.Dispose();
        if (ownDataDir) try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } // a node's own folder (NodeTests)
    }

    /// <summary>A loopback port nobody listens on now (for a node or the proxy).</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
