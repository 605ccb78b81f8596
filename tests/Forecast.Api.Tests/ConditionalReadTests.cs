using System.Net;
using System.Net.Http.Headers;
using Forecast.Api.Contracts;

namespace Forecast.Api.Tests;

/// <summary>Loss curves, evaluations and forecasts carry an ETag, and a request that already holds it gets 304 without a body.</summary>
public sealed class ConditionalReadTests : IDisposable
{
    private readonly ForecastApiFactory factory = new();

    private HttpClient Client => factory.CreateClient();

    [Fact]
    public async Task A_loss_curve_is_not_sent_again_until_it_has_grown()
    {
        var series = await TrainingFlow.UploadAsync(Client, "airpassengers.csv");
        var run = await TrainingFlow.StartAsync(Client, series.Id, new { epochs = 400, hiddenSize = 4, lookback = 12, transform = "none", seed = 1, earlyStoppingPatience = 0 });
        await TrainingFlow.WaitForEpochAsync(Client, run.Id, 1);
        await Client.PostAsync($"/api/training-runs/{run.Id}/cancel", null);
        await TrainingFlow.WaitUntilFinishedAsync(Client, run.Id);

        var first = await Client.GetAsync($"/api/training-runs/{run.Id}/loss-curve");
        var again = await GetAsync($"/api/training-runs/{run.Id}/loss-curve", first.Headers.ETag!);
        var stale = await GetAsync($"/api/training-runs/{run.Id}/loss-curve", new EntityTagHeaderValue("\"older\""));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(first.Headers.ETag, stale.Headers.ETag);
    }

    [Fact]
    public async Task A_forecast_has_one_tag_per_question_whichever_route_asks_it()
    {
        var series = await TrainingFlow.UploadAsync(Client, "airpassengers.csv");
        var run = await TrainingFlow.TrainAsync(Client, series.Id, TrainingFlow.Tiny(epochs: 1, transform: "none"));
        await Client.PutAsync($"/api/series/{series.Id}/aliases/production",
            new StringContent($"{{\"modelId\": \"{run.ModelId}\"}}", System.Text.Encoding.UTF8, "application/json"));

        var byId = await Client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=6&level=80");
        var byAlias = await GetAsync($"/api/series/{series.Id}/forecast?alias=production&horizon=6&level=80", byId.Headers.ETag!);
        var longer = await GetAsync($"/api/models/{run.ModelId}/forecast?horizon=7&level=80", byId.Headers.ETag!);

        Assert.Equal(HttpStatusCode.NotModified, byAlias.StatusCode);
        Assert.Equal(byId.Headers.ETag, byAlias.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, longer.StatusCode);
        Assert.NotEqual(byId.Headers.ETag, longer.Headers.ETag);
    }

    [Fact]
    public async Task An_evaluation_is_sent_again_once_a_backtest_has_been_stored_with_it()
    {
        var series = await TrainingFlow.UploadAsync(Client, "airpassengers.csv");
        var run = await TrainingFlow.TrainAsync(Client, series.Id, TrainingFlow.Tiny(epochs: 1, transform: "none"));
        var first = await Client.GetAsync($"/api/models/{run.ModelId}/evaluation");

        var unchanged = await GetAsync($"/api/models/{run.ModelId}/evaluation", first.Headers.ETag!);
        await Client.PostJsonAsync($"/api/models/{run.ModelId}/backtests", new { windows = 2 });
        var changed = await GetAsync($"/api/models/{run.ModelId}/evaluation", first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotNull((await changed.ReadAsync<EvaluationResponse>()).Backtest);
    }

    [Fact]
    public async Task Every_member_s_forecasts_as_csv_and_as_json_are_tagged_apart()
    {
        var collection = await (await Client.PostAsync("/api/collections", new StringContent(TourismCsv.Quarterly(3), System.Text.Encoding.UTF8, "text/csv")))
            .ReadAsync<CollectionResponse>();
        var run = await TrainingFlow.WaitUntilFinishedAsync(Client,
            (await (await Client.PostJsonAsync($"/api/collections/{collection.Id}/training-runs", new { epochs = 1, hiddenSize = 4 })).ReadAsync<TrainingRunResponse>()).Id);
        var url = $"/api/models/{run.ModelId}/forecasts?horizon=4";

        var json = await Client.GetAsync(url);
        var csvRequest = new HttpRequestMessage(HttpMethod.Get, url);
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        csvRequest.Headers.IfNoneMatch.Add(json.Headers.ETag!);
        var csv = await Client.SendAsync(csvRequest);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.NotEqual(json.Headers.ETag, csv.Headers.ETag);
        Assert.Contains("Accept", json.Headers.Vary);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(url, json.Headers.ETag!)).StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string url, EntityTagHeaderValue tag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(tag);
        return await Client.SendAsync(request);
    }

    public void Dispose() => factory.Dispose();
}
