using System.Net;
using System.Net.Http.Json;
using Forecast.Api.Contracts;

namespace Forecast.Api.Tests;

public class IdempotencyTests(ForecastApiFactory factory) : IClassFixture<ForecastApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private static HttpRequestMessage Post(string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static readonly object Series = new { name = "retried", values = new[] { 1.0, 2, 3, 4 }, start = "2024-01-01", frequency = "daily" };

    [Fact]
    public async Task A_retried_upload_gets_the_first_answer_and_stores_one_series()
    {
        var before = await factory.CountRowsAsync();

        var first = await client.SendAsync(Post("/api/series", Series, "upload-1"));
        var retry = await client.SendAsync(Post("/api/series", Series, "upload-1"));

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal((await first.ReadAsync<SeriesResponse>()).Id, (await retry.ReadAsync<SeriesResponse>()).Id);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(before.Series + 1, (await factory.CountRowsAsync()).Series);
    }

    [Fact]
    public async Task A_retried_training_request_queues_one_run()
    {
        var series = await (await client.PostJsonAsync("/api/series", Series)).ReadAsync<SeriesResponse>();
        var body = new { epochs = 1, hiddenSize = 2, lookback = 1, testSize = 1, validationFraction = 0.0, seed = 1 };
        var before = await factory.CountRowsAsync();

        var first = await (await client.SendAsync(Post($"/api/series/{series.Id}/training-runs", body, "train-1"))).ReadAsync<TrainingRunResponse>();
        var retry = await (await client.SendAsync(Post($"/api/series/{series.Id}/training-runs", body, "train-1"))).ReadAsync<TrainingRunResponse>();

        Assert.Equal(first.Id, retry.Id);
        Assert.Equal(before.Runs + 1, (await factory.CountRowsAsync()).Runs);
        await TrainingFlow.WaitUntilFinishedAsync(client, first.Id);
    }

    [Fact]
    public async Task A_key_reused_for_a_different_request_is_refused()
    {
        await client.SendAsync(Post("/api/series", Series, "reused"));
        var before = await factory.CountRowsAsync();

        var problem = await (await client.SendAsync(Post("/api/series", new { name = "other", values = new[] { 1.0, 2, 3 }, start = "2024-01-01", frequency = "daily" }, "reused")))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("different request", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.CountRowsAsync());
    }

    [Fact]
    public async Task A_failed_request_is_not_remembered()
    {
        var bad = new { name = "bad", values = new[] { 1.0 }, start = "2024-01-01", frequency = "daily" };
        await (await client.SendAsync(Post("/api/series", bad, "bad-then-good"))).ReadProblemAsync(HttpStatusCode.BadRequest);

        await (await client.SendAsync(Post("/api/series", bad, "bad-then-good"))).ReadProblemAsync(HttpStatusCode.BadRequest);
    }
}
