using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using static Forecast.Benchmarks.ServiceRequests;

namespace Forecast.Benchmarks;

/// <summary>
/// Issue #27's mixed load run against the published service (started here on a port of its own and a throwaway database):
/// uploads, appends, forecast reads, run status reads and training runs at once for a while (<see cref="MixedLoadClients"/>),
/// then every acknowledged write read back. It fails (exit code 1) on any 5xx, any request left unanswered, or any lost
/// write; it prints each operation's throughput, latency percentiles and status codes, and writes them to docs/benchmarks.md.
/// </summary>
/// <remarks>
/// Arguments: <c>publish=DIR</c> (the output of <c>dotnet publish src/Forecast.Api -c Release -r linux-x64</c>),
/// <c>seconds=60</c> measured after <c>warmup=10</c>. One client key makes every request, as clients do; the admin key, which no limit applies to, would
/// skip the key cache and the ownership checks that clients' requests go through. The per-key rate limits are raised
/// out of the way instead, since 600 requests a minute would refuse nearly all of the load and measure only the limiter.
/// </remarks>
internal static class MixedLoadBenchmark
{
    private const string Api = "http://127.0.0.1:5079";
    private const string AdminKey = "mixed-load-benchmark-admin-key-0123456789abcdef";
    private const string Heading = "Mixed load (issue #27)";

    // Reads outnumber writes, as with a service's real clients; 40 clients in all, near the speed benchmark's 50 connections.
    private const int Uploaders = 2, Appenders = 4, ForecastReaders = 16, StatusReaders = 16, Starters = 2;

    private static readonly string[] Operations =
        [MixedLoadClients.UploadJson, MixedLoadClients.UploadCsv, MixedLoadClients.Append, MixedLoadClients.Forecast, MixedLoadClients.Status, MixedLoadClients.StartRun];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = BenchmarkOptions.Parse(args);
        if (!options.TryGetValue("publish", out var publish))
        {
            Console.Error.WriteLine("usage: ... -- mixed publish=DIR [seconds=60] [warmup=10]   (DIR: dotnet publish src/Forecast.Api -c Release -r linux-x64 -o DIR)");
            return 2;
        }
        var duration = TimeSpan.FromSeconds(options.TryGetValue("seconds", out var s) ? double.Parse(s, CultureInfo.InvariantCulture) : 60);
        var warmUp = TimeSpan.FromSeconds(options.TryGetValue("warmup", out var w) ? double.Parse(w, CultureInfo.InvariantCulture) : 10);
        var loadBefore = LoadAverage();
        var started = DateTime.UtcNow;

        await using var service = await ServiceProcess.StartAsync(Path.GetFullPath(publish), Api, AdminKey,
            ("Limits__RequestsPerMinute", "1000000"), ("Limits__TrainingRunsPerMinute", "1000000"));
        using var http = NewHttpClient(Api);
        var key = await NewClientKeyAsync(http, AdminKey, "mixed");
        var subjects = await SetUpAsync(http, key);

        var tally = new RequestTally();
        var writes = new AcknowledgedWrites();
        var clients = new MixedLoadClients(http, key, tally, writes, subjects);
        Console.WriteLine($"load: {warmUp.TotalSeconds:F0} s of warm-up, then {duration.TotalSeconds:F0} s, {Uploaders + Appenders + ForecastReaders + StatusReaders + Starters} clients");
        // The same load first, its figures dropped (as the speed benchmark keeps second rounds): a fresh process is still
        // compiling its hot paths at their second tier for some seconds. Its writes are checked with the rest, and a 5xx in it fails the run too.
        await clients.RunAsync(warmUp, Uploaders, Appenders, ForecastReaders, StatusReaders, Starters);
        var warmUpFailures = Failures(tally.Summaries(Operations, warmUp));
        tally.Clear();
        var elapsed = await clients.RunAsync(duration, Uploaders, Appenders, ForecastReaders, StatusReaders, Starters);

        var lost = await writes.LostAsync(http, key);
        var runs = await FinalStatusesAsync(http, key, clients.Started);
        var summaries = tally.Summaries(Operations, elapsed);
        var report = Report(summaries, warmUpFailures, writes, lost, runs);
        Console.Write(report);
        var failed = warmUpFailures + Failures(summaries) > 0 || lost.Count > 0;
        Console.WriteLine(failed ? "FAILED" : "passed: no 5xx, every request answered, no lost write");
        BenchmarksDocument.WriteSection(Heading, Document(report, args, started, loadBefore, warmUp, duration));
        return failed ? 1 : 0;
    }

    /// <summary>
    /// Three airpassengers series with a model each, trained before the load (<c>theta</c> and <c>ets</c> in moments, a tiny
    /// network in seconds), whose forecasts are read and which the appenders extend; and a fourth for the runs started during the load.
    /// </summary>
    private static async Task<MixedLoadClients.Subjects> SetUpAsync(HttpClient http, string key)
    {
        object[] requests = [new { method = "theta" }, new { method = "ets" }, new { epochs = 30, hiddenSize = 16, testSize = 12, transform = "none", seed = 1 }];
        var series = new List<Guid>();
        var runs = new List<Guid>();
        foreach (var request in requests)
        {
            var id = (await PostAsync(http, "/api/series?name=appended", Csv("airpassengers.csv"), key)).GetProperty("id").GetGuid();
            series.Add(id);
            runs.Add((await PostAsync(http, $"/api/series/{id}/training-runs", JsonContent.Create(request), key)).GetProperty("id").GetGuid());
        }
        var models = new List<Guid>();
        foreach (var run in runs)
        {
            var model = await WaitForModelAsync(http, run, key);
            await GetAsync(http, $"/api/models/{model}/forecast?horizon=12&level=80&level=95", key);
            models.Add(model);
        }
        var trainOn = (await PostAsync(http, "/api/series?name=trained", Csv("airpassengers.csv"), key)).GetProperty("id").GetGuid();
        return new MixedLoadClients.Subjects([.. series], [.. models], trainOn, [.. runs]);
    }

    /// <summary>How the runs started during the load stood at its end, by method: "lstm: 10 (succeeded 8, running 2)".</summary>
    private static async Task<string> FinalStatusesAsync(HttpClient http, string key, IReadOnlyList<(Guid Run, string Method)> started)
    {
        var statuses = new List<(string Method, string Status)>();
        foreach (var (run, method) in started)
        {
            statuses.Add((method, (await GetAsync(http, $"/api/training-runs/{run}", key)).GetProperty("status").GetString()!));
        }
        return string.Join("; ", statuses.GroupBy(r => r.Method).Select(m =>
            $"{m.Key}: {m.Count()} ({string.Join(", ", m.GroupBy(r => r.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))})"));
    }

    /// <summary>The 5xx answers and the requests that got no answer.</summary>
    private static int Failures(IReadOnlyList<OperationSummary> summaries) => summaries.Sum(o => o.Count(5) + o.NoAnswer);

    private static string Report(IReadOnlyList<OperationSummary> summaries, int warmUpFailures, AcknowledgedWrites writes, List<string> lost, string runs)
    {
        var readBack = lost.Count == 0
            ? "every one there with its values."
            : string.Create(CultureInfo.InvariantCulture, $"{lost.Count:N0} lost, the first: {string.Join("; ", lost.Take(5))}.");
        var text = new StringBuilder()
            .AppendLine("| operation | requests | requests/s | p50 ms | p95 ms | p99 ms | answers |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var o in summaries)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {o.Name} | {o.Requests:N0} | {o.PerSecond:N1} | {o.P50Ms:F1} | {o.P95Ms:F1} | {o.P99Ms:F1} | {o.Answers()} |");
        }
        text.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- 4xx: {summaries.Sum(o => o.Count(4)):N0}; 5xx: {summaries.Sum(o => o.Count(5)):N0}; unanswered: {summaries.Sum(o => o.NoAnswer):N0}; in the warm-up, 5xx and unanswered: {warmUpFailures:N0}.")
            .AppendLine(CultureInfo.InvariantCulture, $"- Writes read back after the load: {writes.Appends:N0} acknowledged appends ({writes.AppendedPoints:N0} values) and {writes.Uploads:N0} acknowledged uploads; {readBack}")
            .AppendLine($"- Runs started during the load, as they stood at its end: {(runs.Length > 0 ? runs : "none")}.");
        return text.ToString();
    }

    private static string Document(string report, IReadOnlyList<string> args, DateTime started, string loadBefore, TimeSpan warmUp, TimeSpan duration) => $"""
        Written by `dotnet run -c Release --project benchmarks/Forecast.Benchmarks -- mixed {string.Join(' ', args)}` on
        {started:yyyy-MM-dd HH:mm} UTC, {BenchmarksDocument.Machine()}; the load average just before it started was
        {loadBefore} (1, 5 and 15 minutes): anything above 0 was other work on the same cores. For {duration.TotalSeconds:F0} s at once,
        each client a closed loop on the same cores as the service, all with one client key: {Uploaders} clients uploading
        series (JSON and CSV by turns), {Appenders} appending one to three values to three series, {ForecastReaders} reading those
        series' forecasts (horizon 12, 80 and 95 % intervals; models `theta`, `ets` and a small network trained before the
        load, whose forecasts every append makes stale), {StatusReaders} reading the status of every run by turns (the starters'
        looks at their own runs count as status reads too), and {Starters}
        starting a run about once a second each (a small network, `ets` or `theta`; at most two open each), which trained
        meanwhile at the service's usual priority for training (nice 19). The service ran with `Limits:RequestsPerMinute` and
        `Limits:TrainingRunsPerMinute` at 1,000,000, so that the per-key limiter does not refuse the load; the other limits are
        the defaults. The same load ran for {warmUp.TotalSeconds:F0} s before, to warm the service up; the figures are those of the
        {duration.TotalSeconds:F0} s after it, latency percentiles over every answer, writes and runs those of both.

        {report}
        """;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
