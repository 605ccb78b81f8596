using System.Net;
using Forecast.Api.Contracts;

namespace Forecast.Api.Tests.PostgreSql;

/// <summary>
/// Two API processes on one PostgreSQL database give a client key its limits once, not twice, and neither serves a model
/// that the other deleted.
/// </summary>
[Collection(PostgreSqlGroup.Name)]
public sealed class SharedLimitsTests(PostgreSqlServer server)
{
    [PostgreSqlFact]
    public async Task A_key_gets_its_requests_per_minute_once_across_two_processes()
    {
        using var pair = Pair(("Limits:RequestsPerMinute", "10"));
        var (first, second) = (pair.First, pair.Second);
        var key = (await first.CreateKeyAsync("shared")).Key;
        using var viaFirst = first.ClientFor(key);
        using var viaSecond = second.ClientFor(key);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await viaFirst.GetAsync("/api/series"));
            answers.Add(await viaSecond.GetAsync("/api/series"));
        }

        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(2, refused.Count);
        Assert.All(refused, a => Assert.InRange(a.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)));
    }

    [PostgreSqlFact]
    public async Task A_key_gets_its_training_submissions_per_minute_once_across_two_processes()
    {
        using var pair = Pair(("Limits:TrainingRunsPerMinute", "3"), ("Limits:MaxOpenRunsPerKey", "100"));
        var (first, second) = (pair.First, pair.Second);
        var key = (await first.CreateKeyAsync("shared")).Key;
        using var viaFirst = first.ClientFor(key);
        using var viaSecond = second.ClientFor(key);
        var series = await TrainingFlow.UploadAsync(viaFirst, "airpassengers.csv");

        var answers = new List<HttpStatusCode>();
        foreach (var client in new[] { viaFirst, viaSecond, viaFirst, viaSecond })
        {
            answers.Add((await client.PostJsonAsync($"/api/series/{series.Id}/training-runs", new { method = "theta" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], answers);
    }

    [PostgreSqlFact]
    public async Task A_key_holds_its_event_streams_once_across_two_processes_and_a_closed_stream_frees_its_slot()
    {
        using var pair = Pair(("Events:MaxStreamsPerKey", "1"));
        var (first, second) = (pair.First, pair.Second);
        var key = (await first.CreateKeyAsync("shared")).Key;
        using var viaFirst = first.ClientFor(key);
        using var viaSecond = second.ClientFor(key);
        var series = await TrainingFlow.UploadAsync(viaFirst, "airpassengers.csv");
        // No process trains, so the run stays queued and its stream stays open.
        var run = await TrainingFlow.StartAsync(viaFirst, series.Id, new { method = "theta" });

        var open = await viaFirst.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/training-runs/{run.Id}/events"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        await (await viaSecond.GetAsync($"/api/training-runs/{run.Id}/events")).ReadProblemAsync(HttpStatusCode.TooManyRequests);

        open.Dispose();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        HttpResponseMessage again;
        do
        {
            await Task.Delay(100);
            again = await viaSecond.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/training-runs/{run.Id}/events"), HttpCompletionOption.ResponseHeadersRead);
        }
        while (again.StatusCode == HttpStatusCode.TooManyRequests && clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        again.Dispose();
    }

    [PostgreSqlFact]
    public async Task A_model_deleted_through_one_process_is_not_served_by_another_that_had_it_in_memory()
    {
        var database = server.CreateDatabase();
        using var trainer = ForecastApiFactory.With(PostgreSqlTests.On(database, workers: 1));
        using var other = ForecastApiFactory.With(PostgreSqlTests.On(database, workers: 0));
        using var viaTrainer = trainer.CreateClient();
        using var viaOther = other.CreateClient();
        var series = await TrainingFlow.UploadAsync(viaTrainer, "airpassengers.csv");
        var model = (await TrainingFlow.TrainAsync(viaTrainer, series.Id, new { method = "theta" })).ModelId!.Value;
        (await viaOther.GetAsync($"/api/models/{model}/forecast")).EnsureSuccessStatusCode();

        (await viaTrainer.DeleteAsync($"/api/models/{model}")).EnsureSuccessStatusCode();

        await (await viaOther.GetAsync($"/api/models/{model}/forecast")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>Two HTTP-only processes on a new database, with these limits.</summary>
    private ProcessPair Pair(params (string, string?)[] limits)
    {
        (string, string?)[] settings = [.. PostgreSqlTests.On(server.CreateDatabase(), workers: 0), .. limits];
        return new ProcessPair(ForecastApiFactory.With(settings), ForecastApiFactory.With(settings));
    }

    private sealed record ProcessPair(ForecastApiFactory First, ForecastApiFactory Second) : IDisposable
    {
        public void Dispose()
        {
            First.Dispose();
            Second.Dispose();
        }
    }
}
