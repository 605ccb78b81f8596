using Forecast.Client;

namespace Forecast.Api.Tests;

/// <summary>The typed client generated from docs/openapi.json, alone, against the real service: what a C# caller writes.</summary>
public class TypedClientTests(ForecastApiFactory factory) : IClassFixture<ForecastApiFactory>
{
    [Fact]
    public async Task Upload_train_follow_and_forecast_with_the_typed_client()
    {
        var api = new ForecastApiClient(factory.CreateClient());

        await using var csv = File.OpenRead(ApiClient.DataFile("airpassengers.csv"));
        var series = await api.UploadSeriesCsvAsync(csv, name: "airpassengers");
        var run = await api.CreateTrainingRunAsync(series.Id, new TrainingRunRequest
        {
            Epochs = 3, HiddenSize = 8, Lookback = 24, TestSize = 12, Seed = 42, Transform = "none",
        });
        var events = new List<RunEvent>();
        await foreach (var item in api.FollowRunAsync(run.Id))
        {
            events.Add(item);
        }
        var finished = await api.WaitForRunAsync(run.Id);
        var model = await api.GetSeriesModelAsync(finished.ModelId!.Value);
        var forecast = await api.GetForecastAsync(model.Id, horizon: 6, level: [80, 95]);

        Assert.Equal((144, Frequency.Monthly), (series.Count, series.Frequency));
        Assert.Equal(TrainingRunStatus.Succeeded, finished.Status);
        Assert.Equal([1, 2, 3], events.OfType<RunEpochEvent>().Select(e => e.Epoch));
        Assert.Equal(new RunFinishedEvent(TrainingRunStatus.Succeeded, finished.ModelId, null), events[^1]);
        Assert.Equal((series.Id, run.Id, 3), (model.SeriesId, model.RunId, model.EpochsRun));
        Assert.Equal(6, forecast.Points.Count);
        Assert.Equal("1961-01-01", forecast.Points[0].Timestamp);
        Assert.All(forecast.Points, point =>
        {
            Assert.Equal([80.0, 95.0], point.Intervals!.Select(i => i.Level));
            Assert.All(point.Intervals!, i => Assert.InRange(point.Value, i.Lower, i.Upper));
        });
    }

    [Fact]
    public async Task A_refusal_reaches_the_caller_as_its_problem_details()
    {
        var api = new ForecastApiClient(factory.CreateClient());
        var unknown = Guid.NewGuid();

        var refused = await Assert.ThrowsAsync<ForecastApiException<ProblemDetails>>(() => api.GetSeriesModelAsync(unknown));

        Assert.Equal(404, refused.StatusCode);
        Assert.Contains(unknown.ToString(), refused.Result.Detail, StringComparison.Ordinal);
    }
}
