using System.Net;
using Forecast.Api.Contracts;
using Forecast.Training.Evaluation;

namespace Forecast.Api.Tests;

/// <summary>Rolling-origin backtests: windows ending at the test tail, scored beside the baselines, with or without refitting.</summary>
public sealed class BacktestTests : IDisposable
{
    private readonly ForecastApiFactory factory = new();

    private HttpClient Client => factory.CreateClient();

    private static object Tiny(object? backtest = null, object? promote = null) =>
        new { epochs = 3, seed = 5, hiddenSize = 8, lookback = 24, testSize = 12, transform = "log", backtest, promote };

    [Fact]
    public async Task A_three_window_backtest_ends_with_the_model_s_own_evaluation_and_trains_nothing()
    {
        var series = await TrainingFlow.UploadAsync(Client, "airpassengers.csv");
        var run = await TrainingFlow.TrainAsync(Client, series.Id, Tiny());
        var before = await factory.CountRowsAsync();

        var backtest = await (await Client.PostJsonAsync($"/api/models/{run.ModelId}/backtests", new { windows = 3 })).ReadAsync<Backtest>();
        var evaluation = await (await Client.GetAsync($"/api/models/{run.ModelId}/evaluation")).ReadAsync<EvaluationResponse>();
        var model = await (await Client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<ModelResponse>();

        Assert.Equal([108, 120, 132], backtest.Windows.Select(w => w.Origin));
        var last = backtest.Windows[^1];
        Assert.Equal(evaluation.Points.Select(p => p.MultiStep), last.Predicted);
        Assert.Equal(evaluation.MultiStep, last.Model);
        Assert.Equal(evaluation.Baselines.SeasonalNaive, last.SeasonalNaive);
        Assert.Equal(evaluation.Baselines.Drift, last.Drift);
        Assert.Equal(evaluation.IntervalCoverage, last.Coverage);
        Assert.Equal(12, backtest.Steps.Count);
        Assert.Equal(backtest.Windows.Average(w => w.Model.Mase!.Value), backtest.MeanMase!.Value, 12);
        Assert.False(backtest.Refit);
        Assert.Equal(before, await factory.CountRowsAsync());
        Assert.Equal(backtest.MeanMase, model.Backtest?.MeanMase);
    }

    [Fact]
    public async Task A_run_asking_for_a_refitted_backtest_trains_a_model_per_earlier_window_on_the_points_before_it()
    {
        var series = await TrainingFlow.UploadAsync(Client, "airpassengers.csv");

        var run = await TrainingFlow.TrainAsync(Client, series.Id, Tiny(backtest: new { windows = 2, step = 12, refit = true }));
        var refitted = (await (await Client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<ModelResponse>()).Backtest!;
        var fixedModel = await (await Client.PostJsonAsync($"/api/models/{run.ModelId}/backtests", new { windows = 2, step = 12 })).ReadAsync<Backtest>();

        Assert.True(refitted.Refit);
        Assert.Equal([120, 132], refitted.Windows.Select(w => w.Origin));
        // The last window is the run's own model either way; the first was forecast by a model that never saw it.
        Assert.Equal(fixedModel.Windows[^1].Predicted, refitted.Windows[^1].Predicted);
        Assert.NotEqual(fixedModel.Windows[0].Predicted, refitted.Windows[0].Predicted);
        Assert.Equal(fixedModel.Windows[0].Actual, refitted.Windows[0].Actual);
    }

    [Fact]
    public async Task A_promotion_with_a_backtest_compares_the_mean_over_its_windows()
    {
        var series = await TrainingFlow.UploadAsync(Client, "airpassengers.csv");
        var first = await TrainingFlow.TrainAsync(Client, series.Id, Tiny(promote: new { alias = "production" }));

        var second = await TrainingFlow.TrainAsync(Client, series.Id, Tiny(backtest: new { windows = 3 }, promote: new { alias = "production" }));

        Assert.Contains("as the mean over 3 backtest windows of 12 points", second.PromotionOutcome, StringComparison.Ordinal);
        Assert.Contains($"model {first.ModelId}", second.PromotionOutcome, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, null, HttpStatusCode.BadRequest, "windows")]
    [InlineData(21, null, HttpStatusCode.BadRequest, "windows")]
    [InlineData(3, 0, HttpStatusCode.BadRequest, "step")]
    [InlineData(12, 12, HttpStatusCode.UnprocessableEntity, "windows")]
    public async Task Windows_that_do_not_fit_are_refused_before_a_run_is_stored(int windows, int? step, HttpStatusCode status, string field)
    {
        var series = await TrainingFlow.UploadAsync(Client, "airpassengers.csv");

        var problem = await (await Client.PostJsonAsync($"/api/series/{series.Id}/training-runs", Tiny(backtest: new { windows, step })))
            .ReadProblemAsync(status);

        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(0, (await factory.CountRowsAsync()).Runs);
    }

    [Fact]
    public async Task A_refit_is_asked_of_a_run_not_of_an_existing_model()
    {
        var series = await TrainingFlow.UploadAsync(Client, "airpassengers.csv");
        var run = await TrainingFlow.TrainAsync(Client, series.Id, Tiny());

        var problem = await (await Client.PostJsonAsync($"/api/models/{run.ModelId}/backtests", new { windows = 2, refit = true }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("refit", problem.GetProperty("field").GetString());
    }

    public void Dispose() => factory.Dispose();
}
