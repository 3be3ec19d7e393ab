using System.Diagnostics;

namespace Invoicing.Benchmarks.PortalLoad;

/// <summary>
/// A closed-loop load: <c>clients</c> concurrent loops, each sending its next request as soon as the last answered,
/// for a fixed duration after a warm-up. Every latency is kept, so percentiles are exact, not estimated.
/// </summary>
public static class LoadDriver
{
    public static async Task<LoadResult> RunAsync(Func<CancellationToken, Task<bool>> request, int clients, TimeSpan warmUp, TimeSpan duration)
    {
        using (var warm = new CancellationTokenSource(warmUp))
        {
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => LoopAsync(request, [], warm.Token)));
        }

        var latencies = Enumerable.Range(0, clients).Select(_ => new List<long>(4096)).ToArray();
        var errors = new int[clients];
        var clock = Stopwatch.StartNew();
        using (var measured = new CancellationTokenSource(duration))
        {
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async i => errors[i] = await LoopAsync(request, latencies[i], measured.Token)));
        }

        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length, errors.Sum(), elapsed, Percentile(all, 0.50), Percentile(all, 0.99), Percentile(all, 1.0));
    }

    /// <summary>The nearest-rank percentile of sorted ticks (<see cref="Stopwatch.Frequency"/> per second).</summary>
    public static TimeSpan Percentile(long[] sortedTicks, double p)
    {
        if (sortedTicks.Length == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = (int)Math.Ceiling(p * sortedTicks.Length);
        return Stopwatch.GetElapsedTime(0, sortedTicks[Math.Clamp(rank, 1, sortedTicks.Length) - 1]);
    }

    private static async Task<int> LoopAsync(Func<CancellationToken, Task<bool>> request, List<long> latencies, CancellationToken stop)
    {
        var errors = 0;
        while (!stop.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            bool ok;
            try
            {
                ok = await request(CancellationToken.None);
            }
            catch (HttpRequestException)
            {
                ok = false;
            }

            latencies.Add(Stopwatch.GetTimestamp() - start);
            errors += ok ? 0 : 1;
        }

        return errors;
    }
}

/// <summary>What a load run measured.</summary>
public sealed record LoadResult(int Requests, int Errors, TimeSpan Elapsed, TimeSpan P50, TimeSpan P99, TimeSpan Max)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
}
