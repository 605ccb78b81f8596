using System.Net;
using Forecast.Api.Contracts;

namespace Forecast.Api.Tests;

public class RateLimitTests
{
    private static readonly object Tiny = new { name = "tiny", values = new[] { 1.0, 2, 3, 4, 5, 6, 7, 8 }, start = "2024-01-01", frequency = "daily" };

    [Fact]
    public async Task A_burst_over_the_limit_gets_429_with_retry_after_and_other_keys_are_still_served()
    {
        using var factory = ForecastApiFactory.With(("Limits:RequestsPerMinute", "5"));
        using var greedy = factory.ClientFor((await factory.CreateKeyAsync("greedy")).Key);
        using var polite = factory.ClientFor((await factory.CreateKeyAsync("polite")).Key);
        using var admin = factory.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add(await greedy.GetAsync("/api/series"));
        }

        Assert.All(answers.Take(5), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var refused = answers[5];
        var problem = await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("at most 5 per minute", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.All(answers.Skip(5), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode));

        Assert.Equal(HttpStatusCode.OK, (await polite.GetAsync("/api/series")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/series")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(null).GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Training_submissions_have_a_tighter_limit_and_open_runs_per_key_are_capped()
    {
        // No training worker: runs stay queued, so they stay open.
        using var factory = ForecastApiFactory.With(
            ("Training:WorkerCount", "0"), ("Limits:TrainingRunsPerMinute", "3"), ("Limits:MaxOpenRunsPerKey", "2"));
        using var client = factory.ClientFor((await factory.CreateKeyAsync("trainer")).Key);
        var series = await (await client.PostJsonAsync("/api/series", Tiny)).ReadAsync<SeriesResponse>();
        var url = $"/api/series/{series.Id}/training-runs";
        var run = new { epochs = 1, hiddenSize = 2, lookback = 1, testSize = 1, validationFraction = 0.0, seed = 1 };

        var first = await (await client.PostJsonAsync(url, run)).ReadAsync<TrainingRunResponse>();
        await (await client.PostJsonAsync(url, run)).ReadAsync<TrainingRunResponse>();
        var before = await factory.CountRowsAsync();
        var tooMany = await (await client.PostJsonAsync(url, run)).ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("2 training runs queued or running", tooMany.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.CountRowsAsync());

        await client.PostAsync($"/api/training-runs/{first.Id}/cancel", null);
        var refused = await client.PostJsonAsync(url, run);
        var problem = await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("training-run submissions", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/series/{series.Id}")).StatusCode);
    }
}
