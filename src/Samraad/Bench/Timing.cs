using System.Diagnostics;
using Samraad.Data;

namespace Samraad.Bench;

/// <summary>A measured path: median, fastest and slowest run in milliseconds, and what the last run returned.</summary>
public sealed record Timed<T>(double Median, double Min, double Max, T Result);

public static class Timing
{
    /// <summary>
    /// Runs the work once to warm up (query compilation, connection pool), then the given number of times, each in a
    /// fresh scope with its own DbContext. Medians, because the machine is small and noisy.
    /// </summary>
    public static async Task<Timed<T>> Measure<T>(IServiceProvider services, int runs, Func<AppDbContext, Task<T>> work)
    {
        T last;
        using (var warm = services.CreateScope()) last = await work(warm.ServiceProvider.GetRequiredService<AppDbContext>());
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            using var scope = services.CreateScope();
            var sw = Stopwatch.StartNew();
            last = await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return new Timed<T>(runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2, times[0], times[^1], last);
    }
}
