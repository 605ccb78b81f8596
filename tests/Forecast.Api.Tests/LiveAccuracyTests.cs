using System.Net;
using System.Text;
using Forecast.Api.Contracts;

namespace Forecast.Api.Tests;

/// <summary>A model watched as its series grows: its accuracy on the actuals that arrive, and the observations it did not expect.</summary>
public sealed class LiveAccuracyTests : IDisposable
{
    private readonly ForecastApiFactory factory = new();

    private HttpClient Client => factory.CreateClient();

    [Fact]
    public async Task Live_accuracy_after_the_held_out_year_arrives_month_by_month_starts_with_the_evaluation_and_an_outlier_is_an_anomaly()
    {
        var (series, model) = await HeldOutYear.TrainedAsync(Client);
        foreach (var row in HeldOutYear.Withheld)
        {
            await HeldOutYear.AppendAsync(Client, series, new { values = HeldOutYear.Values([row]) });
        }
        await HeldOutYear.AppendAsync(Client, series, new { values = new[] { 2000.0 }, timestamps = new[] { "1961-01-01" } });

        var live = await (await Client.GetAsync($"/api/models/{model}/accuracy")).ReadAsync<LiveAccuracyResponse>();
        var evaluation = await (await Client.GetAsync($"/api/models/{model}/evaluation")).ReadAsync<EvaluationResponse>();
        var anomalies = await (await Client.GetAsync($"/api/series/{series}/anomalies?level=99")).ReadAsync<AnomaliesResponse>();

        // The first origin is the test tail's: the model's scores there are its evaluation's, up to the last float32 bits
        // of a network that forecasts 25 origins in one batch where the evaluation forecast one.
        Assert.Equal(("1959-01-01", 12, 25), (live.FirstOrigin, live.Horizon, live.Origins.Count));
        Assert.Equal(evaluation.MultiStep.Mase!.Value, live.Origins[0].Model.Mase!.Value, 1e-6);
        Assert.Equal(evaluation.MultiStep.Smape!.Value, live.Origins[0].Model.Smape!.Value, 1e-6);
        Assert.Equal(evaluation.Baselines.SeasonalNaive, live.Origins[0].SeasonalNaive);
        Assert.Equal(("1961-01-01", 1), (live.Origins[^1].Origin, live.Origins[^1].Points));
        Assert.Equal([25, 14], live.Steps.Select(s => s.Origins).Where((_, i) => i is 0 or 11));
        Assert.Equal((model, 14, "1959-01-01"), (anomalies.ModelId, anomalies.SeriesVersion, anomalies.CheckedFrom));
        var outlier = Assert.Single(anomalies.Anomalies, a => a.Timestamp == "1961-01-01");
        Assert.True(outlier.Score > 1 && outlier.Actual > outlier.Upper, $"score {outlier.Score}, upper {outlier.Upper}");
    }

    [Fact]
    public async Task Bad_questions_about_live_accuracy_and_anomalies_are_refused_with_problems()
    {
        var (series, model) = await HeldOutYear.TrainedAsync(Client);
        var other = await HeldOutYear.UploadAsync(Client);

        await (await Client.GetAsync($"/api/models/{model}/accuracy?horizon=0")).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await Client.GetAsync($"/api/series/{series}/anomalies?level=120")).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await Client.GetAsync($"/api/series/{other}/anomalies?modelId={model}")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await Client.GetAsync($"/api/series/{other}/anomalies")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await Client.GetAsync($"/api/models/{Guid.NewGuid()}/accuracy")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    public void Dispose() => factory.Dispose();
}
