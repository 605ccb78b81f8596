using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Forecast.Benchmarks;

/// <summary>One operation's answers in a load run: latency percentiles over every answer, and each status code's count.</summary>
internal sealed record OperationSummary(string Name, int Requests, double PerSecond, double P50Ms, double P95Ms, double P99Ms,
    IReadOnlyDictionary<int, int> Statuses, int NoAnswer)
{
    public int Count(int statusClass) => Statuses.Where(s => s.Key / 100 == statusClass).Sum(s => s.Value);

    /// <summary>Each status with its count, and the requests that got none ("200: 5,120; 304: 12").</summary>
    public string Answers() => string.Join("; ", Statuses.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}: {s.Value:N0}"))
        .Concat(NoAnswer > 0 ? [string.Create(CultureInfo.InvariantCulture, $"no answer: {NoAnswer:N0}")] : []));
}

/// <summary>
/// Every request of a load run, by operation: its status code and latency. A request that gets no answer at all (the
/// connection broke, or the client's timeout passed) is counted apart: to a client it is as much a failure as a 5xx.
/// </summary>
internal sealed class RequestTally
{
    private readonly ConcurrentDictionary<string, Operation> operations = new(StringComparer.Ordinal);

    /// <returns>The status code and body, or null when no answer came.</returns>
    public async Task<(int Status, string Body)?> SendAsync(HttpClient http, string operation, HttpRequestMessage request, string key)
    {
        var tally = operations.GetOrAdd(operation, _ => new Operation());
        using (request)
        {
            request.Headers.Add("X-Api-Key", key);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                tally.Answered((int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return ((int)response.StatusCode, body);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                tally.Unanswered();
                return null;
            }
        }
    }

    /// <summary>Forgets every request so far: a warm-up's.</summary>
    public void Clear() => operations.Clear();

    /// <summary>Each operation's figures over <paramref name="elapsed"/>, in the order of <paramref name="names"/> (those that sent nothing are left out).</summary>
    public IReadOnlyList<OperationSummary> Summaries(IEnumerable<string> names, TimeSpan elapsed) =>
        names.Where(operations.ContainsKey).Select(name => operations[name].Summary(name, elapsed)).ToList();

    private sealed class Operation
    {
        private readonly List<double> latencies = new(100_000);
        private readonly SortedDictionary<int, int> statuses = [];
        private readonly Lock gate = new();
        private int noAnswer;

        public void Answered(int status, double ms)
        {
            lock (gate)
            {
                latencies.Add(ms);
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }
        }

        public void Unanswered() => Interlocked.Increment(ref noAnswer);

        public OperationSummary Summary(string name, TimeSpan elapsed)
        {
            lock (gate)
            {
                var sorted = latencies.Order().ToArray();
                return new OperationSummary(name, sorted.Length + noAnswer, sorted.Length / elapsed.TotalSeconds,
                    HttpLoad.Percentile(sorted, 0.50), HttpLoad.Percentile(sorted, 0.95), HttpLoad.Percentile(sorted, 0.99),
                    new SortedDictionary<int, int>(statuses), noAnswer);
            }
        }
    }
}
