using System.Globalization;
using System.Net;
using Forecast.Api.Contracts;
using Forecast.Api.Persistence;
using Forecast.Domain.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Api.Tests;

public class ModelsApiTests(ForecastApiFactory factory) : IClassFixture<ForecastApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private async Task<TrainingRunResponse> TrainAsync(string file, object hyperparameters)
    {
        var series = await TrainingFlow.UploadAsync(client, file);
        var run = await TrainingFlow.WaitUntilFinishedAsync(client, (await TrainingFlow.StartAsync(client, series.Id, hyperparameters)).Id);
        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.Error);
        return run;
    }

    [Fact]
    public async Task A_default_model_says_which_transform_auto_chose_and_forecasts_with_intervals_per_level()
    {
        var run = await TrainAsync("airpassengers.csv", TrainingFlow.Tiny(epochs: 8));

        var model = await (await client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<ModelResponse>();
        Assert.Equal(TransformChoice.Auto, model.Hyperparameters.Transform);
        Assert.NotEqual("auto", model.Transform);
        Assert.Contains(run.Choices, c => c.StartsWith($"transform {model.Transform}:", StringComparison.Ordinal));
        // Early stopping is on by default: 8 epochs are too few to stop, but the best epoch's weights are kept.
        Assert.Equal((8, false), (model.EpochsRun, model.StoppedEarly));
        Assert.InRange(model.BestEpoch, 1, 8);
        Assert.Equal(new TrainingOutcome(8, model.BestEpoch, false), run.Outcome);
        Assert.Equal([80.0, 95.0], model.IntervalCoverage.Select(c => c.Level));
        Assert.All(model.IntervalCoverage, c => Assert.InRange(c.Coverage, 0, 1));

        var forecast = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=24&level=95&level=80")).ReadAsync<ForecastResponse>();
        Assert.Equal(24, forecast.Points.Count);
        Assert.All(forecast.Points, p =>
        {
            var (at95, at80) = (p.Intervals![0], p.Intervals[1]);
            Assert.Equal((95.0, 80.0), (at95.Level, at80.Level));
            Assert.True(at95.Lower <= at80.Lower && at80.Lower <= p.Value && p.Value <= at80.Upper && at80.Upper <= at95.Upper,
                $"{p.Timestamp}: 95 % [{at95.Lower}, {at95.Upper}], 80 % [{at80.Lower}, {at80.Upper}], value {p.Value}");
        });
        var plain = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=24")).ReadAsync<ForecastResponse>();
        Assert.Equal(forecast.Points.Select(p => p.Value), plain.Points.Select(p => p.Value));
        Assert.All(plain.Points, p => Assert.Null(p.Intervals));

        var evaluation = await (await client.GetAsync($"/api/models/{run.ModelId}/evaluation")).ReadAsync<EvaluationResponse>();
        Assert.All(evaluation.Points, p => Assert.Equal([80.0, 95.0], p.Intervals.Select(i => i.Level)));
        var covered80 = evaluation.Points.Count(p => p.Intervals[0].Lower <= p.Actual && p.Actual <= p.Intervals[0].Upper);
        Assert.Equal(covered80 / 12.0, evaluation.IntervalCoverage[0].Coverage, 12);
    }

    [Fact]
    public async Task Forecast_intervals_are_scaled_to_how_restless_the_series_was_before_its_end()
    {
        var run = await TrainAsync("seattle-precipitation-daily.csv", new { epochs = 2, hiddenSize = 4, lookback = 14, testSize = 28, transform = "none" });

        var forecast = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=1&level=80")).ReadAsync<ForecastResponse>();

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<ForecastDbContext>>().CreateDbContextAsync();
        var model = await db.Models.SingleAsync(m => m.Id == run.ModelId);
        var series = (await db.Series.SingleAsync(s => s.Id == model.SeriesId)).ToDomain();
        var calibration = model.Artifact!.Calibration!;
        var point = Assert.Single(forecast.Points);
        var scale = calibration.ScaleAt(series.Values);
        Assert.Equal(14, calibration.ScaleWindow);
        Assert.NotEqual(1, scale, 3);
        Assert.Equal(calibration.HalfWidth(80, 1) * scale, point.Intervals![0].Upper - point.Value, 9);
    }

    [Fact]
    public async Task A_deseasonalized_model_forecasts_the_average_season_of_a_short_rainy_series()
    {
        var run = await TrainAsync("seattle-precipitation-monthly.csv",
            new { epochs = 20, seed = 1, hiddenSize = 4, lookback = 12, testSize = 12, transform = "deseasonalize" });

        var model = await (await client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<ModelResponse>();
        var forecast = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=12")).ReadAsync<ForecastResponse>();

        // Seattle's wet season (November to January) against its dry one (June to August), in 2016.
        Assert.Equal("deseasonalize", model.Transform);
        var byMonth = forecast.Points.ToDictionary(p => int.Parse(p.Timestamp[5..7], CultureInfo.InvariantCulture), p => p.Value);
        Assert.True(new[] { 11, 12, 1 }.Min(m => byMonth[m]) > 2 * new[] { 6, 7, 8 }.Max(m => byMonth[m]),
            string.Join(", ", forecast.Points.Select(p => $"{p.Timestamp:yyyy-MM} {p.Value:F1}")));
    }

    [Fact]
    public async Task Early_stopping_shows_on_the_run_and_on_the_model()
    {
        // A learning rate this high stops improving the validation loss within a few epochs.
        var run = await TrainAsync("nottem.csv", new
        {
            epochs = 300, seed = 1, hiddenSize = 4, lookback = 12, testSize = 12, learningRate = 0.5, earlyStoppingPatience = 2, transform = "none",
        });

        var model = await (await client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<ModelResponse>();
        Assert.True(run.Outcome!.StoppedEarly);
        Assert.Equal(run.Outcome.BestEpoch + 2, run.Outcome.EpochsRun);
        Assert.Equal((run.Outcome.EpochsRun, run.Outcome.BestEpoch, true), (model.EpochsRun, model.BestEpoch, model.StoppedEarly));
        Assert.Contains(run.Choices, c => c.StartsWith($"stopped early after epoch {run.Outcome.EpochsRun} of 300", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_runs_with_one_seed_give_the_same_loss_curve_and_forecast()
    {
        var first = await TrainAsync("nottem.csv", TrainingFlow.Tiny(epochs: 4, seed: 5));
        var second = await TrainAsync("nottem.csv", TrainingFlow.Tiny(epochs: 4, seed: 5));

        var curves = await Task.WhenAll(new[] { first, second }.Select(r => client.GetAsync($"/api/training-runs/{r.Id}/loss-curve")
            .ContinueWith(t => t.Result.ReadAsync<List<LossPoint>>()).Unwrap()));
        var forecasts = await Task.WhenAll(new[] { first, second }.Select(r => client.GetAsync($"/api/models/{r.ModelId}/forecast?horizon=12&level=90")
            .ContinueWith(t => t.Result.ReadAsync<ForecastResponse>()).Unwrap()));

        Assert.Equal(curves[0], curves[1]);
        Assert.Equal(forecasts[0].Points.Select(p => (p.Value, p.Intervals![0])), forecasts[1].Points.Select(p => (p.Value, p.Intervals![0])));
        Assert.Equal(first.Choices.Where(c => c.StartsWith("transform", StringComparison.Ordinal)),
            second.Choices.Where(c => c.StartsWith("transform", StringComparison.Ordinal)));
    }

    public static TheoryData<string, string> BadLevels => new()
    {
        { "level=10", "between 50 and 99.9" },
        { "level=100", "between 50 and 99.9" },
        { "level=NaN", "between 50 and 99.9" },
        { "level=80&level=80", "once" },
        { "level=51&level=52&level=53&level=54&level=55&level=56", "At most 5" },
        { "level=ninety", "level" },
    };

    [Theory]
    [MemberData(nameof(BadLevels))]
    public async Task Bad_levels_get_problem_details(string query, string detailMentions)
    {
        var run = await TrainAsync("airpassengers.csv", TrainingFlow.Tiny(epochs: 1));

        var problem = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=3&{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(detailMentions, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_without_a_validation_part_has_no_intervals_to_give()
    {
        var run = await TrainAsync("airpassengers.csv", new { epochs = 1, hiddenSize = 4, lookback = 12, validationFraction = 0.0, transform = "seasonalDifference" });

        var problem = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?level=80")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("level", problem.GetProperty("field").GetString());
    }

    public static TheoryData<string, object, HttpStatusCode, string> BadModelChoices => new()
    {
        { "airpassengers.csv", new { transform = "boxcox" }, HttpStatusCode.BadRequest, "log+seasonalDifference" },
        { "airpassengers.csv", new { seasonalPeriod = 0 }, HttpStatusCode.BadRequest, "seasonalPeriod" },
        { "airpassengers.csv", new { ensembleSize = 0 }, HttpStatusCode.BadRequest, "ensembleSize" },
        { "seattle-precipitation-monthly.csv", new { transform = "log+difference" }, HttpStatusCode.UnprocessableEntity, "(2012-08-01) is 0" },
        { "airpassengers.csv", new { transform = "seasonalDifference", seasonalPeriod = 1 }, HttpStatusCode.UnprocessableEntity, "seasonal period" },
        { "airpassengers.csv", new { transform = "log+deseasonalize", seasonalPeriod = 1 }, HttpStatusCode.UnprocessableEntity, "seasonal period" },
        { "seattle-precipitation-monthly.csv", new { transform = "deseasonalize", seasonalPeriod = 24 }, HttpStatusCode.UnprocessableEntity, "two seasons" },
        { "seattle-precipitation-monthly.csv", new { transform = "seasonalDifference+difference", lookback = 20 }, HttpStatusCode.UnprocessableEntity, "lookback" },
    };

    [Theory]
    [MemberData(nameof(BadModelChoices))]
    public async Task Transforms_seasons_and_ensembles_the_series_cannot_take_are_refused_before_anything_is_queued(
        string file, object body, HttpStatusCode status, string detailMentions)
    {
        var series = await TrainingFlow.UploadAsync(client, file);
        var before = await factory.CountRowsAsync();

        var problem = await (await client.PostJsonAsync($"/api/series/{series.Id}/training-runs", body)).ReadProblemAsync(status);

        Assert.Contains(detailMentions, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.CountRowsAsync());
    }
}
