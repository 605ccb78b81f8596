using System.Diagnostics;
using Forecast.Api.Contracts;
using Forecast.Domain.Runs;

namespace Forecast.Api.Tests;

/// <summary>The client's path through the service: upload, train, poll.</summary>
public static class TrainingFlow
{
    public static async Task<SeriesResponse> UploadAsync(HttpClient client, string file, string? name = null) =>
        await (await client.PostCsvAsync(await File.ReadAllTextAsync(ApiClient.DataFile(file)), $"?name={name ?? file}"))
            .ReadAsync<SeriesResponse>();

    public static async Task<TrainingRunResponse> StartAsync(HttpClient client, Guid seriesId, object hyperparameters)
    {
        var response = await client.PostJsonAsync($"/api/series/{seriesId}/training-runs", hyperparameters);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var run = await response.ReadAsync<TrainingRunResponse>();
        Assert.Equal($"/api/training-runs/{run.Id}", response.Headers.Location?.ToString());
        return run;
    }

    public static async Task<TrainingRunResponse> WaitUntilFinishedAsync(HttpClient client, Guid runId, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var run = await (await client.GetAsync($"/api/training-runs/{runId}")).ReadAsync<TrainingRunResponse>();
            if (run.Status.IsFinished())
            {
                return run;
            }
            Assert.True(clock.Elapsed < (timeout ?? TimeSpan.FromSeconds(120)), $"run {runId} still {run.Status} after {clock.Elapsed}");
            await Task.Delay(100);
        }
    }

    /// <summary>A collection from a long CSV (series,date,value), such as <c>TourismCsv.Quarterly(n)</c>.</summary>
    public static async Task<CollectionResponse> UploadCollectionAsync(HttpClient client, string csv) =>
        await (await client.PostAsync("/api/collections?name=tourism", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv")))
            .ReadAsync<CollectionResponse>();

    public static async Task<TrainingRunResponse> StartCollectionAsync(HttpClient client, Guid collectionId, object request)
    {
        var response = await client.PostJsonAsync($"/api/collections/{collectionId}/training-runs", request);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return await response.ReadAsync<TrainingRunResponse>();
    }

    /// <summary>Trains a collection's global model to success.</summary>
    public static async Task<TrainingRunResponse> TrainCollectionAsync(HttpClient client, Guid collectionId, object request) =>
        await SucceededAsync(client, (await StartCollectionAsync(client, collectionId, request)).Id);

    /// <summary>Trains to success; a promotion the run asked for has its outcome recorded by then.</summary>
    public static async Task<TrainingRunResponse> TrainAsync(HttpClient client, Guid seriesId, object request) =>
        await SucceededAsync(client, (await StartAsync(client, seriesId, request)).Id);

    /// <summary>Waits for a run to finish and asserts that it succeeded.</summary>
    public static async Task<TrainingRunResponse> SucceededAsync(HttpClient client, Guid runId)
    {
        var run = await WaitUntilFinishedAsync(client, runId);
        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.Error);
        return run;
    }

    /// <summary>Waits until the run, still queued or running, has recorded <paramref name="epoch"/> epochs.</summary>
    public static async Task WaitForEpochAsync(HttpClient client, Guid runId, int epoch)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var run = await (await client.GetAsync($"/api/training-runs/{runId}")).ReadAsync<TrainingRunResponse>();
            Assert.True(run.Status is TrainingRunStatus.Queued or TrainingRunStatus.Running, $"run is {run.Status}: {run.Error}");
            if (run.Progress.Epoch >= epoch)
            {
                return;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"run still at epoch {run.Progress.Epoch}");
            await Task.Delay(20);
        }
    }

    /// <summary>A few epochs of a small network: enough to see learning, quick enough for a test.</summary>
    public static object Tiny(int epochs = 8, int seed = 42, string transform = "auto") => new
    {
        epochs, seed, hiddenSize = 8, lookback = 24, testSize = 12, learningRate = 0.02, transform,
    };
}
