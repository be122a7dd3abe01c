using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Samraad.Bench.Load;

/// <summary>
/// This executable as a child process, `samraad serve` on a loopback port or another verb: what the load benchmark
/// and the node tests start. A served node is ready when <c>/readyz</c> says so (migrated, seeded, jobs running).
/// </summary>
public sealed class NodeProcess : IDisposable
{
    readonly Process process;
    readonly ConcurrentQueue<string> output;
    public Uri Address { get; }
    public int Pid => process.Id;
    public bool HasExited => process.HasExited;

    NodeProcess(Process process, ConcurrentQueue<string> output, Uri address) { this.process = process; this.output = output; Address = address; }

    /// <summary>How to start this program again: its apphost, or `dotnet exec Samraad.dll` when it runs under dotnet.</summary>
    public static ProcessStartInfo Command(string? dll = null)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        if (dll is not null || Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.FileName = "dotnet";
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(dll ?? Assembly.GetEntryAssembly()!.Location);
        }
        return start;
    }

    /// <summary>Starts `serve` with <paramref name="arguments"/> (data directory, database, settings as "--Key value") on a free loopback port and waits until it is ready.</summary>
    /// <param name="arguments">Everything after `serve`, without --urls.</param>
    /// <param name="dll">The app to run (tests: the one they were built against); default this program.</param>
    /// <param name="workingDirectory">Where the child runs.</param>
    public static async Task<NodeProcess> Serve(IEnumerable<string> arguments, string? dll = null, string? workingDirectory = null)
    {
        var port = FreePort();
        var start = Command(dll);
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var arg in (string[])["serve", .. arguments, "--urls", $"http://127.0.0.1:{port}"]) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new NodeProcess(process, output, new Uri($"http://127.0.0.1:{port}"));
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(120); await Task.Delay(200))
        {
            if (process.HasExited) throw new InvalidOperationException($"samraad serve stopped with {process.ExitCode}:\n{node.Output}");
            try { if ((await probe.GetAsync(new Uri(node.Address, "/readyz"))).StatusCode == HttpStatusCode.OK) return node; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
        }
        node.Dispose();
        throw new TimeoutException($"samraad serve did not answer within 120 s:\n{node.Output}");
    }

    /// <summary>The last 300 lines are kept.</summary>
    static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is null) return;
        output.Enqueue(line);
        while (output.Count > 300) output.TryDequeue(out _);
    }

    /// <summary>The last lines the process wrote (for an error message).</summary>
    public string Output => string.Join("\n", output);

    /// <summary>Resident memory now (VmRSS), in bytes; 0 once the process is gone.</summary>
    public long ResidentBytes => Resident(process.Id);

    public static long Resident(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as a power cut or the OOM killer would.</summary>
    public void Kill()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>SIGTERM, then up to <paramref name="grace"/> for a clean stop (jobs handed back), then SIGKILL.</summary>
    public async Task Stop(TimeSpan grace)
    {
        if (process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
        using var wait = new CancellationTokenSource(grace);
        try { await process.WaitForExitAsync(wait.Token); }
        catch (OperationCanceledException) { Kill(); }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    /// <summary>A loopback port nobody listens on now (for a node or the proxy).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
