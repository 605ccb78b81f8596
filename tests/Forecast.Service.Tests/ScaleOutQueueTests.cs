using System.Diagnostics;
using Forecast.Api.Contracts;
using Forecast.Api.Tests;
using Forecast.Api.Tests.PostgreSql;

namespace Forecast.Service.Tests;

/// <summary>
/// Runs queued through one process of a scale-out and trained by another. Separate processes, not two
/// WebApplicationFactory hosts: in one process Hangfire.PostgreSql wakes its workers through a static event, which
/// would hide how processes learn of a queued run.
/// </summary>
public sealed class ScaleOutQueueTests(PostgreSqlServer postgres) : IClassFixture<PostgreSqlServer>, IDisposable
{
    private readonly string unused = Path.Combine(Path.GetTempPath(), $"forecast-scale-out-{Guid.NewGuid():N}.db");

    [PostgreSqlFact]
    public async Task A_run_queued_through_an_api_process_wakes_an_idle_worker_process_at_once_rather_than_at_its_next_poll()
    {
        (string, string)[] scaleOut = [("Database__Provider", "PostgreSql"), ("ConnectionStrings__Forecast", postgres.CreateDatabase())];
        using var api = await ServiceProcess.StartAsync(unused, [.. scaleOut, ("Training__WorkerCount", "0")]);
        using var worker = await ServiceProcess.StartAsync(unused, [.. scaleOut, ("Training__WorkerCount", "1")]);
        var series = await TrainingFlow.UploadAsync(api.Client, "nottem.csv");
        // Once its first run is done, the worker has just looked for another and found none: polling alone, it would look
        // again only after Hangfire.PostgreSql's 15 s.
        await TrainingFlow.WaitUntilFinishedAsync(api.Client, (await TrainingFlow.StartAsync(api.Client, series.Id, TrainingFlow.Tiny(epochs: 1))).Id);

        var queued = await TrainingFlow.StartAsync(api.Client, series.Id, TrainingFlow.Tiny(epochs: 1));
        var clock = Stopwatch.StartNew();
        while ((await (await api.Client.GetAsync($"/api/training-runs/{queued.Id}")).ReadAsync<TrainingRunResponse>()).Attempts == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(7.5), "the idle worker process did not claim the run within half the poll interval");
            await Task.Delay(50);
        }
    }

    public void Dispose() => ServiceProcess.DeleteDatabase(unused);
}
