using Forecast.Api.Contracts;
using Forecast.Api.Jobs;
using Forecast.Api.Tests;
using Forecast.Api.Tests.PostgreSql;
using Forecast.Domain.Runs;

namespace Forecast.Service.Tests;

/// <summary>Runs outlive their process: crashes, SIGTERM and restarts, against the published service.</summary>
public sealed class RunSurvivalTests(PostgreSqlServer postgres) : IClassFixture<PostgreSqlServer>, IDisposable
{
    private readonly string database = Path.Combine(Path.GetTempPath(), $"forecast-service-{Guid.NewGuid():N}.db");

    // Long enough to interrupt mid-way, short enough for a test: a few seconds on 2 cores.
    private const int Epochs = 300;
    private static readonly object Slow = new { epochs = Epochs, hiddenSize = 16, lookback = 24, testSize = 12, learningRate = 0.01, seed = 11, transform = "none", earlyStoppingPatience = 0 };

    [Fact]
    public async Task A_run_killed_mid_training_resumes_after_a_restart_with_an_unbroken_loss_curve()
    {
        Guid runId;
        using (var first = await ServiceProcess.StartAsync(database))
        {
            runId = await StartRunAsync(first.Client);
            await TrainingFlow.WaitForEpochAsync(first.Client, runId, 40);
            first.Kill();
        }

        using var second = await ServiceProcess.StartAsync(database);
        await AssertResumedOnceAndFinishedAsync(second.Client, runId);
    }

    [Fact]
    public async Task Sigterm_checkpoints_the_running_job_exits_cleanly_and_the_run_resumes()
    {
        Guid runId;
        using (var first = await ServiceProcess.StartAsync(database))
        {
            runId = await StartRunAsync(first.Client);
            await TrainingFlow.WaitForEpochAsync(first.Client, runId, 40);

            Assert.True(first.Terminate(TimeSpan.FromSeconds(30)), "the service did not exit within 30 s of SIGTERM");
            Assert.True(first.ExitCode == 0, first.Output);
        }
        // What a restarted process finds: the run queued again, checkpointed at its last recorded epoch,
        // so nothing trained before SIGTERM is trained twice.
        var stored = await ReadStoredRunAsync(runId);
        Assert.Equal("Queued", stored.Status);
        Assert.Equal(stored.LastLossEpoch, stored.CheckpointEpoch);

        using var second = await ServiceProcess.StartAsync(database);
        var run = await TrainingFlow.WaitUntilFinishedAsync(second.Client, runId, TimeSpan.FromMinutes(3));

        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.Error);
        Assert.Equal(stored.CheckpointEpoch, run.ResumedFromEpoch);
        await AssertUnbrokenCurveAsync(second.Client, runId, Epochs);
    }

    [PostgreSqlFact]
    public async Task On_postgresql_a_worker_killed_mid_run_is_replaced_by_a_live_one_that_resumes_the_run()
    {
        (string, string)[] scaleOut =
        [
            ("Database__Provider", "PostgreSql"), ("ConnectionStrings__Forecast", postgres.CreateDatabase()),
            ("Training__HeartbeatInterval", "00:00:01"), ("Training__WorkerTimeout", "00:00:04"),
        ];
        using var api = await ServiceProcess.StartAsync(database, [.. scaleOut, ("Training__WorkerCount", "0")]);
        Guid runId;
        ServiceProcess survivor;
        using (var first = await ServiceProcess.StartAsync(database, scaleOut))
        {
            // The only worker so far claims the run; the second joins once it trains.
            runId = await StartRunAsync(api.Client);
            await TrainingFlow.WaitForEpochAsync(api.Client, runId, 40);
            survivor = await ServiceProcess.StartAsync(database, scaleOut);
            first.Kill();
        }
        using (survivor)
        {
            await AssertResumedOnceAndFinishedAsync(api.Client, runId);
        }
    }

    [Fact]
    public async Task A_run_that_kills_its_process_before_its_first_checkpoint_three_times_is_failed_and_the_next_run_trains()
    {
        // Queued by an HTTP-only process, so that both runs wait in the same database.
        Guid poison, healthy;
        using (var api = await ServiceProcess.StartAsync(database, ("Training__WorkerCount", "0")))
        {
            var poisonSeries = await TrainingFlow.UploadAsync(api.Client, "nottem.csv", name: "poison");
            var healthySeries = await TrainingFlow.UploadAsync(api.Client, "nottem.csv", name: "healthy");
            poison = (await TrainingFlow.StartAsync(api.Client, poisonSeries.Id, Slow)).Id;
            healthy = (await TrainingFlow.StartAsync(api.Client, healthySeries.Id, Slow)).Id;
        }
        (string, string)[] faulty = [("ASPNETCORE_ENVIRONMENT", "Testing"), ("Testing__KillProcessOnClaimOfSeries", "poison"), ("Training__WorkerCount", "1")];

        for (var death = 1; death <= 3; death++)
        {
            var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(database, faulty);
            Assert.True(exitCode == 137, $"death {death}: the service exited with {exitCode} rather than being killed by the poison run:\n{output}");
        }

        using var survivor = await ServiceProcess.StartAsync(database, faulty);
        var failed = await (await survivor.Client.GetAsync($"/api/training-runs/{poison}")).ReadAsync<TrainingRunResponse>();
        var trained = await TrainingFlow.WaitUntilFinishedAsync(survivor.Client, healthy, TimeSpan.FromMinutes(3));

        Assert.Equal((TrainingRunStatus.Failed, 3, (Guid?)null), (failed.Status, failed.Attempts, failed.ModelId));
        Assert.Contains("3 times during this run before its first checkpoint", failed.Error, StringComparison.Ordinal);
        Assert.True(trained.Status == TrainingRunStatus.Succeeded, trained.Error);
        await AssertUnbrokenCurveAsync(survivor.Client, healthy, Epochs);
    }

    [Fact]
    public async Task A_statistical_collection_run_killed_after_some_members_resumes_with_those_stored_and_fits_only_the_others()
    {
        const int members = 30;
        Guid runId;
        using (var api = await ServiceProcess.StartAsync(database, ("Training__WorkerCount", "0")))
        {
            var collection = await TrainingFlow.UploadCollectionAsync(api.Client, TourismCsv.Quarterly(members));
            runId = (await TrainingFlow.StartCollectionAsync(api.Client, collection.Id, new { method = "theta" })).Id;
        }
        // One fitting thread, so that the members are recorded a few at a time and the kill falls mid-run.
        (string, string)[] dying = [("ASPNETCORE_ENVIRONMENT", "Testing"), (FaultInjection.MemberFitsSettingKey.Replace(":", "__", StringComparison.Ordinal), "5"),
            ("Training__TorchThreads", "1")];

        var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(database, dying);

        Assert.True(exitCode == 137, $"the service exited with {exitCode} rather than being killed after 5 members:\n{output}");
        var stored = await ReadStoredMemberFitsAsync(runId);
        Assert.InRange(stored, 5, members);
        using var survivor = await ServiceProcess.StartAsync(database);
        var run = await TrainingFlow.WaitUntilFinishedAsync(survivor.Client, runId, TimeSpan.FromMinutes(2));
        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.Error);
        Assert.Equal((2, stored, members), (run.Attempts, run.ResumedFromEpoch, run.Progress.Epoch));
        Assert.Contains(run.Choices, c => c.Contains($"{stored} were fitted by an earlier attempt of this run and kept", StringComparison.Ordinal));
        // The first life's recordings end at the members it stored; the second's start after them.
        var curve = await (await survivor.Client.GetAsync($"/api/training-runs/{runId}/loss-curve")).ReadAsync<List<LossPoint>>();
        Assert.Contains(curve, p => p.Epoch == stored);
        Assert.Equal(curve.Select(p => p.Epoch).Order().Distinct(), curve.Select(p => p.Epoch));
        Assert.Equal(members, curve[^1].Epoch);
        var table = await (await survivor.Client.GetAsync($"/api/models/{run.ModelId}/members?pageSize={members}")).ReadAsync<PagedList<MemberScoreItem>>();
        Assert.Equal(members, table.Total);
    }

    [Fact]
    public async Task Cancelling_a_queued_run_skips_it_and_cancelling_a_running_one_keeps_its_partial_curve()
    {
        using var service = await ServiceProcess.StartAsync(database, ("Training__WorkerCount", "1"));
        var running = await StartRunAsync(service.Client);
        var queued = await StartRunAsync(service.Client);
        await TrainingFlow.WaitForEpochAsync(service.Client, running, 5);

        var queuedRun = await (await service.Client.GetAsync($"/api/training-runs/{queued}")).ReadAsync<TrainingRunResponse>();
        Assert.Equal((TrainingRunStatus.Queued, 1), (queuedRun.Status, queuedRun.Progress.QueuePosition));
        var cancelled = await (await service.Client.PostAsync($"/api/training-runs/{queued}/cancel", null)).ReadAsync<TrainingRunResponse>();
        Assert.Equal(TrainingRunStatus.Cancelled, cancelled.Status);

        await (await service.Client.PostAsync($"/api/training-runs/{running}/cancel", null)).ReadAsync<TrainingRunResponse>();
        var stopped = await TrainingFlow.WaitUntilFinishedAsync(service.Client, running, TimeSpan.FromSeconds(30));

        Assert.Equal(TrainingRunStatus.Cancelled, stopped.Status);
        Assert.Null(stopped.ModelId);
        var curve = await (await service.Client.GetAsync($"/api/training-runs/{running}/loss-curve")).ReadAsync<List<LossPoint>>();
        Assert.InRange(curve.Count, 5, Epochs - 1);
        Assert.Equal(Enumerable.Range(1, curve.Count), curve.Select(p => p.Epoch));

        var skipped = await (await service.Client.GetAsync($"/api/training-runs/{queued}")).ReadAsync<TrainingRunResponse>();
        Assert.Equal((TrainingRunStatus.Cancelled, 0, 0), (skipped.Status, skipped.Attempts, skipped.Progress.Epoch));
    }

    public void Dispose() => ServiceProcess.DeleteDatabase(database);

    private static async Task<Guid> StartRunAsync(HttpClient client)
    {
        var series = await TrainingFlow.UploadAsync(client, "nottem.csv");
        return (await TrainingFlow.StartAsync(client, series.Id, Slow)).Id;
    }

    /// <summary>The run, killed once mid-training, resumed from a checkpoint and finished with every epoch recorded once.</summary>
    private static async Task AssertResumedOnceAndFinishedAsync(HttpClient client, Guid runId)
    {
        var run = await TrainingFlow.WaitUntilFinishedAsync(client, runId, TimeSpan.FromMinutes(3));

        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.Error);
        Assert.Equal(2, run.Attempts);
        Assert.InRange(run.ResumedFromEpoch!.Value, 1, Epochs - 1);
        await AssertUnbrokenCurveAsync(client, runId, Epochs);
    }

    private static async Task AssertUnbrokenCurveAsync(HttpClient client, Guid runId, int epochs)
    {
        var curve = await (await client.GetAsync($"/api/training-runs/{runId}/loss-curve")).ReadAsync<List<LossPoint>>();
        Assert.Equal(Enumerable.Range(1, epochs), curve.Select(p => p.Epoch));
        Assert.All(curve, p => Assert.True(double.IsFinite(p.TrainLoss)));
    }

    private async Task<int> ReadStoredMemberFitsAsync(Guid runId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM MemberFits WHERE upper(RunId) = upper($id)";
        command.Parameters.AddWithValue("$id", runId.ToString());
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record StoredRun(string Status, int CheckpointEpoch, int LastLossEpoch);

    private async Task<StoredRun> ReadStoredRunAsync(Guid runId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.Status,
                   (SELECT Epoch FROM Checkpoints WHERE RunId = r.Id),
                   (SELECT max(Epoch) FROM LossEntries WHERE RunId = r.Id)
            FROM TrainingRuns r WHERE upper(r.Id) = upper($id)
            """;
        command.Parameters.AddWithValue("$id", runId.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return new StoredRun(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2));
    }
}
