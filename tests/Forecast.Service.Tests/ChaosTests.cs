using System.Diagnostics;
using Forecast.Api.Contracts;
using Forecast.Api.Tests;
using Forecast.Api.Tests.PostgreSql;
using Forecast.Domain.Runs;
using Xunit.Abstractions;

namespace Forecast.Service.Tests;

/// <summary>
/// kill -9 at random moments while three runs train, restarting each time, as an orchestrator that redeploys,
/// drains nodes or kills for memory would: no run is lost, every epoch is in its curve once, and every model is
/// bit for bit what an uninterrupted run with the same seed makes. <c>FORECAST_CHAOS_KILLS</c> sets the number of
/// kills (5 by default, as CI runs them; docs/performance.md has figures for 10 and 20).
/// </summary>
public sealed class ChaosTests(PostgreSqlServer postgres, ITestOutputHelper output) : IClassFixture<PostgreSqlServer>, IDisposable
{
    private static readonly int Kills = int.TryParse(Environment.GetEnvironmentVariable("FORECAST_CHAOS_KILLS"), out var kills) ? kills : 5;

    // Long enough that the runs still train at the last kill: a life of up to 2 s after a claim trains the three runs
    // up to ten epochs each with the cores to themselves (60 epochs in 12 s uninterrupted), less after a resume.
    private static readonly int Epochs = 20 + (Kills * 8);

    // Half as many kills for a collection's runs, which are short; their network trains long enough to outlast them.
    private static readonly int CollectionKills = Math.Max(2, Kills / 2);
    private static readonly int CollectionEpochs = 10 + (CollectionKills * 10);
    private const int CollectionMembers = 8;

    // One TorchSharp thread per run everywhere, so that every process computes in the same order. The poison guard and
    // the checkpoint interval are the shipped ones, left unset here: a host that restarts must
    // not fail runs that train, however short its lives.
    private static readonly (string, string)[] Training = [("Training__WorkerCount", "3"), ("Training__TorchThreads", "1")];

    // Both tests compare with the same uninterrupted runs: one process, one thread per run, the same seeds.
    private static readonly SemaphoreSlim ReferenceGate = new(1, 1);
    private static IReadOnlyList<Trained>? uninterrupted;

    private readonly List<string> databases = [];

    [Fact]
    public async Task On_sqlite_three_runs_survive_kills_at_random_moments_and_end_as_uninterrupted_runs_do()
    {
        var reference = await ReferenceAsync();
        var database = NewDatabase();
        IReadOnlyList<Guid> runs;
        using (var first = await ServiceProcess.StartAsync(database, Training))
        {
            runs = await StartRunsAsync(first.Client);
        }

        // Each kill lands at a random moment after the restarted service has claimed a run. A life counted from launch
        // could end before the claim on two cores that the other test assemblies share, and then every kill missed the
        // training (CI, 7 Dec 2026).
        var random = new Random(20261201);
        for (var kill = 1; kill <= Kills; kill++)
        {
            var attempts = ChaosDatabase.SqliteAttempts(database);
            using var service = await ServiceProcess.StartAsync(database, Training);
            await UntilAttemptsAsync(() => ChaosDatabase.SqliteAttempts(database), attempts + 1);
            await Task.Delay(TimeSpan.FromSeconds(0.2 + (1.8 * random.NextDouble())));
            Assert.True(ChaosDatabase.OpenRuns(database) > 0, $"every run had finished before kill {kill}: make the runs longer");
            service.Kill();
        }

        using var last = await ServiceProcess.StartAsync(database, Training);
        await AssertLikeUninterruptedAsync(last.Client, runs, model => ChaosDatabase.SqliteArtifact(database, model), reference);
        Assert.Equal("ok", ChaosDatabase.IntegrityCheck(database));
    }

    [PostgreSqlFact]
    public async Task On_postgresql_two_training_processes_killed_one_at_a_time_lose_no_run_and_record_no_epoch_twice()
    {
        var reference = await ReferenceAsync();
        var connectionString = postgres.CreateDatabase();
        (string, string)[] scaleOut =
        [
            .. Training, ("Training__WorkerCount", "2"), ("Database__Provider", "PostgreSql"), ("ConnectionStrings__Forecast", connectionString),
            ("Training__HeartbeatInterval", "00:00:01"), ("Training__WorkerTimeout", "00:00:03"),
        ];
        var unused = NewDatabase();
        var workers = new[] { await ServiceProcess.StartAsync(unused, scaleOut), await ServiceProcess.StartAsync(unused, scaleOut) };
        try
        {
            var runs = await StartRunsAsync(workers[0].Client);
            // Both processes hold a run once all three are claimed (two workers each), so the first kill interrupts one.
            await UntilAttemptsAsync(() => ChaosDatabase.PostgreSqlAttempts(connectionString), runs.Count);
            var random = new Random(20261202);
            for (var kill = 1; kill <= Kills; kill++)
            {
                await Task.Delay(Life(random));
                var victim = random.Next(2);
                workers[victim].Kill();
                workers[victim].Dispose();
                workers[victim] = ServiceProcess.Launch(unused, scaleOut);
            }
            await AssertLikeUninterruptedAsync(await ReadyAsync(workers), runs, model => ChaosDatabase.PostgreSqlArtifact(connectionString, model), reference);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_collection_s_statistical_and_ensemble_runs_survive_kills_at_random_moments_and_forecast_as_uninterrupted_runs_do()
    {
        var uninterrupted = await CollectionForecastsAsync(NewDatabase(), chaos: null);

        var killed = await CollectionForecastsAsync(NewDatabase(), chaos: new Random(20261206));

        Assert.Equal(uninterrupted, killed);
    }

    // Statistical fits are stored member by member and the network checkpoints: a killed run keeps both and ends as an
    // uninterrupted one, forecasts (points and intervals) to the bit.
    private async Task<IReadOnlyList<string>> CollectionForecastsAsync(string database, Random? chaos)
    {
        IReadOnlyList<Guid> runs;
        var clock = Stopwatch.StartNew();
        using (var first = await ServiceProcess.StartAsync(database, Training))
        {
            var collection = await TrainingFlow.UploadCollectionAsync(first.Client, TourismCsv.Quarterly(CollectionMembers));
            runs =
            [
                (await TrainingFlow.StartCollectionAsync(first.Client, collection.Id, new { method = "ets" })).Id,
                (await TrainingFlow.StartCollectionAsync(first.Client, collection.Id, new
                {
                    method = "ensemble", epochs = CollectionEpochs, seed = 7, hiddenSize = 8, batchSize = 64, earlyStoppingPatience = 0, transform = "none",
                })).Id,
            ];
            if (chaos is null)
            {
                return await ReadCollectionForecastsAsync(first.Client, runs, clock);
            }
        }
        // Killed at a random moment of a life that has started: a member's fit takes seconds, and a life shorter than the
        // start-up and one fit makes no progress, which the poison guard rightly holds against the run.
        for (var kill = 1; kill <= CollectionKills; kill++)
        {
            using var service = await ServiceProcess.StartAsync(database, Training);
            await Task.Delay(Life(chaos));
            Assert.True(ChaosDatabase.OpenRuns(database) > 0, $"every collection run had finished before kill {kill}: make the runs longer");
            service.Kill();
        }
        using var last = await ServiceProcess.StartAsync(database, Training);
        return await ReadCollectionForecastsAsync(last.Client, runs, clock);
    }

    private async Task<IReadOnlyList<string>> ReadCollectionForecastsAsync(HttpClient client, IReadOnlyList<Guid> runs, Stopwatch clock)
    {
        var forecasts = new List<string>();
        foreach (var runId in runs)
        {
            var run = await TrainingFlow.WaitUntilFinishedAsync(client, runId, TimeSpan.FromMinutes(10));
            output.WriteLine($"{run.Hyperparameters.Method}: {run.Status} after {run.Attempts} attempts at epoch {run.Progress.Epoch}, last resumed from epoch {run.ResumedFromEpoch}");
            Assert.True(run.Status == TrainingRunStatus.Succeeded, run.Error);
            var answer = await (await client.GetAsync($"/api/models/{run.ModelId}/forecasts?horizon=8&level=80&level=95")).ReadAsync<CollectionForecastResponse>();
            forecasts.Add(System.Text.Json.JsonSerializer.Serialize(answer.Members.Select(m => new { m.Key, m.Points })));
        }
        output.WriteLine($"collection runs: {string.Join("; ", runs)} finished {clock.Elapsed.TotalSeconds:F1} s after their upload");
        return forecasts;
    }

    /// <summary>Waits until the runs' attempts, all runs together, reach <paramref name="atLeast"/>: processes have claimed them.</summary>
    private static async Task UntilAttemptsAsync(Func<long> attempts, long atLeast)
    {
        var clock = Stopwatch.StartNew();
        while (attempts() < atLeast)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the runs were not claimed {atLeast} times within 60 s");
            await Task.Delay(50);
        }
    }

    private static TimeSpan Life(Random random) => TimeSpan.FromSeconds(0.5 + (5.5 * random.NextDouble()));

    /// <summary>A client of whichever process answers first.</summary>
    private static async Task<HttpClient> ReadyAsync(ServiceProcess[] processes)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            foreach (var process in processes)
            {
                try
                {
                    if (process.IsListening && (await process.Client.GetAsync("/health/ready")).IsSuccessStatusCode)
                    {
                        return process.Client;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("No process became ready within 60 s.");
    }

    /// <summary>A finished run, its loss curve, and its model as stored (weights, scaler, calibration: the artifact's JSON).</summary>
    private sealed record Trained(TrainingRunResponse Run, List<LossPoint> Curve, string? Artifact);

    private async Task<IReadOnlyList<Trained>> ReferenceAsync()
    {
        await ReferenceGate.WaitAsync();
        try
        {
            return uninterrupted ??= await TrainUninterruptedAsync();
        }
        finally
        {
            ReferenceGate.Release();
        }
    }

    private async Task<IReadOnlyList<Trained>> TrainUninterruptedAsync()
    {
        var database = NewDatabase();
        using var service = await ServiceProcess.StartAsync(database, Training);
        var clock = Stopwatch.StartNew();
        var trained = await ReadTrainedAsync(service.Client, await StartRunsAsync(service.Client), model => ChaosDatabase.SqliteArtifact(database, model));
        output.WriteLine($"{Kills} kills; uninterrupted, the three runs of {Epochs} epochs took {clock.Elapsed.TotalSeconds:F1} s");
        return trained;
    }

    private async Task AssertLikeUninterruptedAsync(
        HttpClient client, IReadOnlyList<Guid> runs, Func<Guid, string?> artifactOf, IReadOnlyList<Trained> reference)
    {
        var trained = await ReadTrainedAsync(client, runs, artifactOf);
        output.WriteLine(string.Join("; ", trained.Select(t => $"{t.Run.Attempts} attempts, last resumed from epoch {t.Run.ResumedFromEpoch}")));

        Assert.All(trained, t => Assert.True(t.Run.Status == TrainingRunStatus.Succeeded, t.Run.Error));
        Assert.All(trained, t => Assert.Equal(Enumerable.Range(1, Epochs), t.Curve.Select(p => p.Epoch)));
        Assert.True(trained.Sum(t => t.Run.Attempts) > trained.Count, "no run was interrupted: the kills missed the training");
        for (var i = 0; i < runs.Count; i++)
        {
            Assert.Equal(reference[i].Curve, trained[i].Curve);
            Assert.Equal(reference[i].Artifact, trained[i].Artifact);
        }
    }

    private static async Task<IReadOnlyList<Trained>> ReadTrainedAsync(HttpClient client, IReadOnlyList<Guid> runs, Func<Guid, string?> artifactOf)
    {
        var trained = new List<Trained>();
        foreach (var runId in runs)
        {
            var run = await TrainingFlow.WaitUntilFinishedAsync(client, runId, TimeSpan.FromMinutes(10));
            var curve = await (await client.GetAsync($"/api/training-runs/{runId}/loss-curve")).ReadAsync<List<LossPoint>>();
            trained.Add(new Trained(run, curve, run.ModelId is { } model ? artifactOf(model) : null));
        }
        return trained;
    }

    private static async Task<IReadOnlyList<Guid>> StartRunsAsync(HttpClient client)
    {
        var series = await (await client.PostJsonAsync("/api/series", ChaosSeries.Monthly(3000))).ReadAsync<SeriesResponse>();
        var runs = new List<Guid>();
        foreach (var (seed, transform) in new[] { (1, "none"), (2, "deseasonalize"), (3, "log+difference") })
        {
            runs.Add((await TrainingFlow.StartAsync(client, series.Id, new
            {
                epochs = Epochs, hiddenSize = 16, lookback = 24, testSize = 12, seed, transform, earlyStoppingPatience = 0,
            })).Id);
        }
        return runs;
    }

    private string NewDatabase()
    {
        var file = Path.Combine(Path.GetTempPath(), $"forecast-chaos-{Guid.NewGuid():N}.db");
        databases.Add(file);
        return file;
    }

    public void Dispose() => databases.ForEach(ServiceProcess.DeleteDatabase);
}
