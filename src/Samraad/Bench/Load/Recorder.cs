using System.Collections.Concurrent;
using System.Diagnostics;

namespace Samraad.Bench.Load;

/// <summary>The time and outcome of every request of a run, per kind ("gem kladde", "matrix" …), and the bound on how many may be sent.</summary>
public sealed class Recorder(long maxRequests)
{
    readonly ConcurrentDictionary<string, ConcurrentBag<double>> times = new();
    readonly ConcurrentDictionary<string, int> errors = new();
    readonly ConcurrentQueue<string> firstErrors = new();
    readonly ConcurrentQueue<(string Kind, double At, double Ms, int Status)> timeline = new();
    readonly Stopwatch since = Stopwatch.StartNew();
    long sent;

    public long Sent => Interlocked.Read(ref sent);
    public bool Exhausted => Sent >= maxRequests;

    /// <summary>Sends one request of <paramref name="kind"/>; a status other than <paramref name="expected"/> (or an exception) is an error. Null when the bound is reached.</summary>
    public async Task<HttpResponseMessage?> Send(string kind, Func<Task<HttpResponseMessage>> request, params int[] expected)
    {
        if (Interlocked.Increment(ref sent) > maxRequests) return null;
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await request();
            // The body is part of the answer's time, as a browser waits for it.
            await response.Content.LoadIntoBufferAsync();
            times.GetOrAdd(kind, _ => []).Add(clock.Elapsed.TotalMilliseconds);
            timeline.Enqueue((kind, since.Elapsed.TotalSeconds - clock.Elapsed.TotalSeconds, clock.Elapsed.TotalMilliseconds, (int)response.StatusCode));
            if (!expected.Contains((int)response.StatusCode)) Error(kind, $"{kind}: {(int)response.StatusCode} {Trim(await response.Content.ReadAsStringAsync())}");
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            times.GetOrAdd(kind, _ => []).Add(clock.Elapsed.TotalMilliseconds);
            timeline.Enqueue((kind, since.Elapsed.TotalSeconds - clock.Elapsed.TotalSeconds, clock.Elapsed.TotalMilliseconds, 0));
            Error(kind, $"{kind}: {e.GetType().Name} {e.Message}");
            return null;
        }
    }

    public void Error(string kind, string message)
    {
        errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (firstErrors.Count < 10) firstErrors.Enqueue(message);
    }

    static string Trim(string s) => s.Length > 200 ? s[..200] + "…" : s;

    public sealed record Kind(string Name, int Count, int Errors, double P50, double P95, double P99);

    public IReadOnlyList<Kind> Kinds() => times.Keys.Union(errors.Keys).Order(StringComparer.Ordinal).Select(k =>
    {
        var sorted = times.TryGetValue(k, out var bag) ? bag.Order().ToArray() : [];
        return new Kind(k, sorted.Length, errors.GetValueOrDefault(k), Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99));
    }).ToList();

    public int Errors => errors.Values.Sum();

    /// <summary>Every request as CSV (kind, seconds from the start when it was sent, milliseconds, status; 0 for no answer): to see when the slow ones happened.</summary>
    public async Task WriteTimeline(string path)
    {
        await using var file = new StreamWriter(path);
        await file.WriteLineAsync("slags;start_s;ms;status");
        foreach (var (kind, at, ms, status) in timeline.OrderBy(t => t.At))
            await file.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kind};{at:0.000};{ms:0.0};{status}"));
    }
    public IEnumerable<string> FirstErrors => firstErrors;

    /// <summary>Nearest rank: the smallest value with at least p % of the values at or below it.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
