using System.Diagnostics;
using System.Globalization;

namespace Forecast.Benchmarks;

/// <summary>Requests per second and latency percentiles of one load phase.</summary>
internal sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, int Errors)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{RequestsPerSecond:N0} requests/s, p50 {P50Ms:F1} ms, p99 {P99Ms:F1} ms{(Errors > 0 ? $", {Errors} errors" : "")}");
}

/// <summary>
/// A closed-loop load generator, as wrk runs one: <c>connections</c> clients, each sending its next GET as soon as the last
/// answer is read, for a fixed time. It runs on the same two cores as the service, as wrk did in issue #17's figures.
/// </summary>
internal static class HttpLoad
{
    public static async Task<LoadResult> RunAsync(HttpClient client, string key, IReadOnlyList<string> urls, int connections, TimeSpan duration)
    {
        var latencies = new List<double>[connections];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async c =>
        {
            var mine = latencies[c] = new List<double>(100_000);
            var i = c;
            while (clock.Elapsed < duration)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, urls[i++ % urls.Count]);
                request.Headers.Add("X-Api-Key", key);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), errors);
    }

    /// <summary>The <paramref name="p"/> quantile (0..1) of latencies sorted in increasing order.</summary>
    public static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
