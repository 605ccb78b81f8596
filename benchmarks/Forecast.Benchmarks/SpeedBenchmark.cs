using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training.Collections;
using Forecast.Training.Lstm;
using static Forecast.Benchmarks.ServiceRequests;

namespace Forecast.Benchmarks;

/// <summary>
/// Issue #17's figures, each beside what it is compared with, measured in one run and written to docs/benchmarks.md:
/// the service's training epoch against a plain TorchSharp loop on the same shape, the global model's windows per second
/// and the time to forecast every member of a 1,464-member collection, and, against the published service (started here
/// on a port of its own), forecast reads with a client key against the admin key, and run status and loss curve reads
/// with a client key while two runs train, beside the same reads with training at the requests' priority (a second service
/// with <c>Training:Niceness</c> 0) and the epochs the runs trained meanwhile in each.
/// </summary>
/// <remarks>Arguments: <c>publish=DIR</c> (the output of <c>dotnet publish src/Forecast.Api -c Release -r linux-x64</c>), <c>seconds=10</c> per load phase.</remarks>
internal static class SpeedBenchmark
{
    private const string Api = "http://127.0.0.1:5078";
    private const string AdminKey = "speed-benchmark-admin-key-0123456789abcdef0123";
    private const string Heading = "Speed (issue #17)";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = BenchmarkOptions.Parse(args);
        if (!options.TryGetValue("publish", out var publish))
        {
            Console.Error.WriteLine("usage: ... -- speed publish=DIR [seconds=10]   (DIR: dotnet publish src/Forecast.Api -c Release -r linux-x64 -o DIR)");
            return 2;
        }
        var seconds = TimeSpan.FromSeconds(options.TryGetValue("seconds", out var s) ? double.Parse(s, CultureInfo.InvariantCulture) : 10);
        var rows = new List<(string Figure, string Value, string ComparedWith, string Ratio)>();

        var (service, plain) = Epochs();
        rows.Add(("tutorial epoch (722 days, lookback 120, hidden 64, full batch)", $"{service:F3} s", $"plain TorchSharp loop, same shape: {plain:F3} s", $"{service / plain:F2}x"));
        var (windowsPerSecond, members, forecastSeconds) = GlobalModel();
        rows.Add(("global model training (tourism monthly)", $"{windowsPerSecond:N0} windows/s", "-", "-"));
        rows.Add(($"forecast every member, {members:N0} members x 24 steps", $"{forecastSeconds:F2} s", "target 1 s", $"{forecastSeconds:F2}x"));

        TrainingLoad training;
        await using (var running = await ServiceProcess.StartAsync(Path.GetFullPath(publish), Api, AdminKey))
        {
            var http = NewHttpClient(Api);
            var (clientKey, daily) = await NewClientAsync(http);
            var (air, model) = await TrainedAirpassengersAsync(http, clientKey);
            var forecast = new[] { $"/api/models/{model}/forecast?horizon=12&level=80&level=95" };
            LoadResult? admin = null, client = null;
            for (var round = 0; round < 2; round++)
            {
                // Alternating rounds, the second kept: the first warms both paths (JIT, caches, connections).
                admin = await HttpLoad.RunAsync(http, AdminKey, forecast, 50, seconds);
                client = await HttpLoad.RunAsync(http, clientKey, forecast, 50, seconds);
            }
            rows.Add(("forecast reads, client key", client!.ToString(), $"admin key: {admin}", $"{client.RequestsPerSecond / admin!.RequestsPerSecond:P0} of the admin's throughput"));

            var (both, append, read) = await AppendThenForecastAsync(http, clientKey, air, model, 300);
            rows.Add(("append one observation, then read the new forecast, client key, one client", both.ToString(),
                $"the append: {append}; the read: {read}", "-"));

            training = await TrainingLoadAsync(http, clientKey, daily, seconds);
        }
        // The same phases with training at the requests' priority, in a service of its own (the nice value is read at start).
        TrainingLoad asRequests;
        await using (var running = await ServiceProcess.StartAsync(Path.GetFullPath(publish), Api, AdminKey, ("Training__Niceness", "0")))
        {
            var http = NewHttpClient(Api);
            var (clientKey, daily) = await NewClientAsync(http);
            asRequests = await TrainingLoadAsync(http, clientKey, daily, seconds);
        }
        rows.Add(("run status reads, client key, two runs training", training.Status.ToString(),
            $"training at nice 0: {asRequests.Status}; target p99 10 ms", $"p99 {training.Status.P99Ms / 10:F1}x the target"));
        rows.Add(("loss curve reads, client key, two runs training", training.Curve.ToString(),
            $"training at nice 0: {asRequests.Curve}; target p99 10 ms", $"p99 {training.Curve.P99Ms / 10:F1}x the target"));
        rows.Add(("epochs the two runs trained per second during those reads", $"{training.EpochsPerSecond:F2}",
            $"training at nice 0: {asRequests.EpochsPerSecond:F2}", $"{training.EpochsPerSecond / asRequests.EpochsPerSecond:F2}x"));

        var table = new StringBuilder()
            .AppendLine("| figure | measured | compared with | ratio |")
            .AppendLine("| --- | --- | --- | --- |");
        foreach (var row in rows)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {row.Figure} | {row.Value} | {row.ComparedWith} | {row.Ratio} |");
        }
        Console.Write(table);
        BenchmarksDocument.WriteSection(Heading, Document(table.ToString(), seconds));
        return 0;
    }

    /// <summary>The service's trainer and the plain loop on the tutorial's shape, 20 epochs each, median seconds per epoch.</summary>
    private static (double Service, double Plain) Epochs()
    {
        var values = RepositoryData.Read("seattle-precipitation-daily.csv").Values.Take(722).ToArray();
        var hp = new Hyperparameters(Lookback: 120, HiddenSize: 64, Layers: 1, Dropout: 0, Epochs: 20, BatchSize: null,
            LearningRate: 0.001, ValidationFraction: 0.2, TestSize: 10, Seed: 1, Transform: TransformChoice.None);
        var times = new EpochTimes();
        LstmTrainer.Train(values, hp, times, CancellationToken.None);
        var split = DataSplit.For(values.Length, hp.TestSize, hp.ValidationFraction);
        var plain = PlainTorchLoop.SecondsPerEpoch(split.TrainEnd - hp.Lookback, split.ValidationCount, hp.Lookback, hp.HiddenSize, hp.Epochs);
        return (times.Median, plain);
    }

    /// <summary>Two epochs of the default global model on tourism monthly, then every member of the set four times over forecast at once.</summary>
    private static (double WindowsPerSecond, int Members, double ForecastSeconds) GlobalModel()
    {
        var members = TourismCollection.Read("tourism-monthly.csv");
        var hp = new Hyperparameters(Lookback: 36, HiddenSize: 32, Layers: 1, Dropout: 0, Epochs: 2, BatchSize: 512, LearningRate: 0.005,
            ValidationFraction: 0.2, TestSize: 24, Seed: 1, Transform: TransformChoice.Auto, EarlyStoppingPatience: null, SeasonalPeriod: 12);
        var times = new EpochTimes();
        var trained = GlobalTrainer.Train(members, hp, GlobalTrainingOptions.Default, times, CancellationToken.None);
        using var model = new Training.Collections.GlobalModel(trained.Artifact with
        {
            Members = [.. Enumerable.Range(1, 4).SelectMany(k => trained.Artifact.Members.Select(m => k == 1 ? m : m with { Key = $"{m.Key}#{k}" }))],
        });
        var asked = Enumerable.Range(1, 4).SelectMany(k => members.Select(m => (k == 1 ? m.Key : $"{m.Key}#{k}", (IReadOnlyList<double>)m.Values))).ToList();
        model.ForecastAll(asked, 24);
        var watch = Stopwatch.StartNew();
        model.ForecastAll(asked, 24);
        return (trained.TrainingWindows / times.Median, asked.Count, watch.Elapsed.TotalSeconds);
    }

    /// <summary>A client key and, under it, the daily series to train on.</summary>
    private static async Task<(string ClientKey, Guid Daily)> NewClientAsync(HttpClient http)
    {
        var clientKey = await NewClientKeyAsync(http, AdminKey, "speed");
        var daily = await PostAsync(http, "/api/series?name=daily", Csv("seattle-precipitation-daily.csv"), clientKey);
        return (clientKey, daily.GetProperty("id").GetGuid());
    }

    /// <summary>Airpassengers with a model of the client key's own, which the admin reads too.</summary>
    private static async Task<(Guid Air, Guid Model)> TrainedAirpassengersAsync(HttpClient http, string clientKey)
    {
        var air = await PostAsync(http, "/api/series?name=air", Csv("airpassengers.csv"), clientKey);
        var run = await PostAsync(http, $"/api/series/{air.GetProperty("id")}/training-runs",
            JsonContent.Create(new { epochs = 30, hiddenSize = 32, testSize = 12, seed = 1, transform = "none" }), clientKey);
        return (air.GetProperty("id").GetGuid(), await WaitForModelAsync(http, run.GetProperty("id").GetGuid(), clientKey));
    }

    /// <summary>Status and loss-curve reads while two runs train, and how many epochs the runs trained meanwhile.</summary>
    private sealed record TrainingLoad(LoadResult Status, LoadResult Curve, double EpochsPerSecond);

    private static async Task<TrainingLoad> TrainingLoadAsync(HttpClient http, string clientKey, Guid daily, TimeSpan seconds)
    {
        var runs = await StartTwoLongRunsAsync(http, clientKey, daily);
        var (before, clock) = (await EpochsAsync(http, clientKey, runs), Stopwatch.StartNew());
        var status = await HttpLoad.RunAsync(http, clientKey, runs.Select(r => $"/api/training-runs/{r}").ToArray(), 50, seconds);
        var curve = await HttpLoad.RunAsync(http, clientKey, runs.Select(r => $"/api/training-runs/{r}/loss-curve").ToArray(), 50, seconds);
        var trained = await EpochsAsync(http, clientKey, runs) - before;
        return new TrainingLoad(status, curve, trained / clock.Elapsed.TotalSeconds);
    }

    private static async Task<int> EpochsAsync(HttpClient http, string clientKey, Guid[] runs)
    {
        var epochs = 0;
        foreach (var run in runs)
        {
            epochs += (await GetAsync(http, $"/api/training-runs/{run}", clientKey)).GetProperty("progress").GetProperty("epoch").GetInt32();
        }
        return epochs;
    }

    /// <summary>
    /// A feed's round trip, one at a time: an observation appended to the series, then the forecast from its new end (which
    /// the append made stale), <paramref name="rounds"/> times after a warm-up; latencies of the pair and of each half.
    /// </summary>
    private static async Task<(Latencies Both, Latencies Append, Latencies Read)> AppendThenForecastAsync(
        HttpClient http, string key, Guid series, Guid model, int rounds)
    {
        List<double> both = [], append = [], read = [];
        for (var i = -20; i < rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await PostAsync(http, $"/api/series/{series}/observations", JsonContent.Create(new { values = new[] { 400.0 + i % 50 } }), key);
            var appended = Stopwatch.GetTimestamp();
            await GetAsync(http, $"/api/models/{model}/forecast?horizon=12&level=80&level=95", key);
            var done = Stopwatch.GetTimestamp();
            if (i >= 0)
            {
                append.Add(Stopwatch.GetElapsedTime(started, appended).TotalMilliseconds);
                read.Add(Stopwatch.GetElapsedTime(appended, done).TotalMilliseconds);
                both.Add(Stopwatch.GetElapsedTime(started, done).TotalMilliseconds);
            }
        }
        return (Latencies.Of(both), Latencies.Of(append), Latencies.Of(read));
    }

    private sealed record Latencies(double P50Ms, double P99Ms)
    {
        public static Latencies Of(List<double> ms)
        {
            var sorted = ms.Order().ToArray();
            return new Latencies(HttpLoad.Percentile(sorted, 0.50), HttpLoad.Percentile(sorted, 0.99));
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"p50 {P50Ms:F1} ms, p99 {P99Ms:F1} ms");
    }

    /// <summary>Two long runs on the daily series, started and past their first epoch: the training load of the status phases.</summary>
    private static async Task<Guid[]> StartTwoLongRunsAsync(HttpClient http, string clientKey, Guid daily)
    {
        var runs = new List<Guid>();
        foreach (var seed in new[] { 1, 2 })
        {
            var run = await PostAsync(http, $"/api/series/{daily}/training-runs",
                JsonContent.Create(new { epochs = 3000, hiddenSize = 64, lookback = 120, transform = "none", seed, earlyStoppingPatience = 0 }), clientKey);
            runs.Add(run.GetProperty("id").GetGuid());
        }
        while ((await GetAsync(http, $"/api/training-runs/{runs[1]}", clientKey)).GetProperty("progress").GetProperty("epoch").GetInt32() < 1)
        {
            await Task.Delay(200);
        }
        return [.. runs];
    }

    private static string Document(string table, TimeSpan seconds) => $"""
        Written by `dotnet run -c Release --project benchmarks/Forecast.Benchmarks -- speed publish=DIR` on
        {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {BenchmarksDocument.Machine()}, nothing else running. Every figure below comes from that one
        run. Load phases: 50 connections for {seconds.TotalSeconds:F0} s each, a closed loop as wrk runs one, on the same
        cores as the service; forecast reads alternate admin and client rounds and the second round of each is kept.

        {table}
        """;

    private sealed class EpochTimes : ITrainingObserver
    {
        private readonly List<double> seconds = [];
        private TimeSpan last;

        public double Median => seconds.Order().ElementAt(seconds.Count / 2);

        public void OnEpoch(EpochReport report, Func<TrainingCheckpoint> checkpoint)
        {
            seconds.Add((report.Elapsed - last).TotalSeconds);
            last = report.Elapsed;
        }
    }
}
