using System.Globalization;
using System.Net;
using Forecast.Api.Contracts;
using Forecast.Training.Collections;

namespace Forecast.Api.Tests;

/// <summary>Rolling-origin backtests of a collection's global model: every member from origins counted back from its own test tail.</summary>
public sealed class CollectionBacktestTests : IDisposable
{
    // Q1 and Q2 have 63 points, the others 88; quarterly, so the test tail is 8 points and the lookback 12.
    private const int Members = 4;

    // One training of Tiny on these members costs 2 epochs × 360 windows × lookback 12 × 1 layer × hiddenSize² 64 = 552,960
    // (windows of 8 targets: 162 before the validation parts, 194 before the test tails, and the 4 validation forecasts):
    // the ceiling lets a run train twice, not three times.
    private readonly ForecastApiFactory factory = ForecastApiFactory.With(("Limits:MaxRunCost", "1400000"));

    private HttpClient Client => factory.CreateClient();

    private static object Tiny(object? backtest = null, object? promote = null, int seed = 7) =>
        new { epochs = 2, seed, hiddenSize = 8, batchSize = 64, earlyStoppingPatience = 0, ensembleSize = 1, backtest, promote };

    [Fact]
    public async Task A_three_window_backtest_of_a_collection_s_model_ends_with_its_evaluation_and_trains_nothing()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(Members));
        var run = await TrainingFlow.TrainCollectionAsync(Client, collection.Id, Tiny());
        var before = await factory.CountRowsAsync();

        var backtest = await (await Client.PostJsonAsync($"/api/models/{run.ModelId}/backtests", new { windows = 3 })).ReadAsync<CollectionBacktest>();
        var model = await (await Client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<CollectionModelResponse>();

        Assert.Equal([16, 8, 0], backtest.Windows.Select(w => w.PeriodsBeforeTestTail));
        var last = backtest.Windows[^1];
        Assert.Equal(model.Accuracy.Model, last.Accuracy.Model);
        Assert.Equal(model.Accuracy.SeasonalNaive, last.Accuracy.SeasonalNaive);
        Assert.Equal(model.Accuracy.Naive, last.Accuracy.Naive);
        Assert.Equal(model.Accuracy.Theta, last.Accuracy.Theta);
        Assert.Equal(model.Accuracy.SmapeByStep, last.Accuracy.SmapeByStep);
        Assert.Equal(model.IntervalCoverage, last.Coverage);
        Assert.All(backtest.Windows, w => Assert.Equal(Members, w.Accuracy.Members));
        Assert.Equal(8, backtest.Steps.Count);
        Assert.Equal(backtest.Windows.Average(w => w.Accuracy.Model.Mase!.Value), backtest.MeanMase!.Value, 12);
        Assert.False(backtest.Refit);
        Assert.Equal(before, await factory.CountRowsAsync());
        Assert.Equal(backtest.MeanMase, model.Backtest?.MeanMase);
    }

    [Fact]
    public async Task Members_with_too_few_points_before_an_early_origin_are_forecast_by_theta_there_and_named()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(Members));
        var run = await TrainingFlow.TrainCollectionAsync(Client, collection.Id, Tiny());

        var backtest = await (await Client.PostJsonAsync($"/api/models/{run.ModelId}/backtests", new { windows = 7, step = 8 })).ReadAsync<CollectionBacktest>();

        // 48 periods before their test tails Q1 and Q2 have 7 points, fewer than lookback 12: Theta forecasts them, and they count.
        Assert.Equal(48, backtest.Windows[0].PeriodsBeforeTestTail);
        Assert.Equal(["Q1", "Q2"], backtest.Windows[0].Fallbacks);
        Assert.Equal(Members, backtest.Windows[0].Accuracy.Members);
        Assert.Empty(backtest.Windows[^1].Fallbacks);
    }

    [Fact]
    public async Task A_member_that_grew_after_training_is_backtested_up_to_the_test_tail_it_was_scored_on()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(Members));
        var run = await TrainingFlow.TrainCollectionAsync(Client, collection.Id, Tiny());
        var members = await (await Client.GetAsync($"/api/collections/{collection.Id}/series")).ReadAsync<PagedList<CollectionMemberItem>>();
        await (await Client.PostJsonAsync($"/api/series/{members.Items.Single(m => m.Key == "Q3").Id}/observations", new { values = new[] { 1.0, 2, 3, 4 } }))
            .ReadAsync<ObservationsResponse>();

        var backtest = await (await Client.PostJsonAsync($"/api/models/{run.ModelId}/backtests", new { windows = 2 })).ReadAsync<CollectionBacktest>();
        var model = await (await Client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<CollectionModelResponse>();

        Assert.Equal(model.Accuracy.Model, backtest.Windows[^1].Accuracy.Model);
        Assert.Equal(model.IntervalCoverage, backtest.Windows[^1].Coverage);
    }

    [Fact]
    public async Task A_run_asking_for_a_refitted_backtest_trains_a_global_model_per_earlier_window_and_stores_only_its_own()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(Members));

        var run = await TrainingFlow.TrainCollectionAsync(Client, collection.Id, Tiny(backtest: new { windows = 2, step = 8, refit = true }));
        var refitted = (await (await Client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<CollectionModelResponse>()).Backtest!;
        var fixedModel = await (await Client.PostJsonAsync($"/api/models/{run.ModelId}/backtests", new { windows = 2, step = 8 })).ReadAsync<CollectionBacktest>();

        Assert.True(refitted.Refit);
        Assert.Equal([8, 0], refitted.Windows.Select(w => w.PeriodsBeforeTestTail));
        // The last window is the run's own model either way; the first was forecast by a model that never saw it.
        Assert.Equal(fixedModel.Windows[^1].Accuracy.Model, refitted.Windows[^1].Accuracy.Model);
        Assert.NotEqual(fixedModel.Windows[0].Accuracy.Model, refitted.Windows[0].Accuracy.Model);
        Assert.Equal(fixedModel.Windows[0].Accuracy.Theta, refitted.Windows[0].Accuracy.Theta);
        Assert.Equal(1, (await factory.CountRowsAsync()).CollectionModels);
    }

    [Fact]
    public async Task A_refitted_backtest_counts_each_of_its_trainings_against_the_cost_ceiling()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(Members));

        var problem = await (await Client.PostJsonAsync($"/api/collections/{collection.Id}/training-runs", Tiny(backtest: new { windows = 3, refit = true })))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var unrefitted = await TrainingFlow.StartCollectionAsync(Client, collection.Id, Tiny(backtest: new { windows = 3 }));

        Assert.Contains("× 3 trainings (the model and one per earlier backtest window)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("hyperparameters", problem.GetProperty("field").GetString());
        Assert.Equal(1, (await factory.CountRowsAsync()).Runs);
        await TrainingFlow.SucceededAsync(Client, unrefitted.Id);
    }

    [Fact]
    public async Task A_promotion_with_a_backtest_compares_the_collection_s_mean_over_its_windows_with_the_holder_s_from_the_same_origins()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(Members));
        var first = await TrainingFlow.TrainCollectionAsync(Client, collection.Id, Tiny(promote: new { alias = "production" }));

        var second = await TrainingFlow.TrainCollectionAsync(Client, collection.Id,
            Tiny(backtest: new { windows = 3 }, promote: new { alias = "production" }, seed: 8));
        var holder = await (await Client.PostJsonAsync($"/api/models/{first.ModelId}/backtests", new { windows = 3 })).ReadAsync<CollectionBacktest>();
        var challenger = (await (await Client.GetAsync($"/api/models/{second.ModelId}")).ReadAsync<CollectionModelResponse>()).Backtest!;
        var alias = await (await Client.GetAsync($"/api/collections/{collection.Id}/aliases/production")).ReadAsync<AliasResponse>();

        Assert.Contains("as the mean over 3 backtest windows of 8 points", second.PromotionOutcome, StringComparison.Ordinal);
        Assert.Contains($"model {first.ModelId}", second.PromotionOutcome, StringComparison.Ordinal);
        Assert.Contains(holder.MeanMase!.Value.ToString("0.####", CultureInfo.InvariantCulture), second.PromotionOutcome, StringComparison.Ordinal);
        Assert.Equal(challenger.MeanMase < holder.MeanMase ? second.ModelId : first.ModelId, alias.ModelId);
    }

    [Theory]
    [InlineData(0, null, HttpStatusCode.BadRequest, "windows")]
    [InlineData(21, null, HttpStatusCode.BadRequest, "windows")]
    [InlineData(3, 0, HttpStatusCode.BadRequest, "step")]
    [InlineData(8, 8, HttpStatusCode.UnprocessableEntity, "windows")]
    public async Task Windows_that_do_not_fit_the_shortest_member_are_refused_before_a_run_is_stored(int windows, int? step, HttpStatusCode status, string field)
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(Members));

        var problem = await (await Client.PostJsonAsync($"/api/collections/{collection.Id}/training-runs", Tiny(backtest: new { windows, step })))
            .ReadProblemAsync(status);

        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(0, (await factory.CountRowsAsync()).Runs);
    }

    [Fact]
    public async Task A_backtest_of_a_collection_s_model_past_its_shortest_member_or_asking_a_refit_is_refused_and_stores_nothing()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(Members));
        var run = await TrainingFlow.TrainCollectionAsync(Client, collection.Id, Tiny());

        // Q1's test tail starts at its point 55: 8 windows 8 apart would start at point -1.
        var tooMany = await (await Client.PostJsonAsync($"/api/models/{run.ModelId}/backtests", new { windows = 8, step = 8 }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var refit = await (await Client.PostJsonAsync($"/api/models/{run.ModelId}/backtests", new { windows = 2, refit = true }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var model = await (await Client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<CollectionModelResponse>();

        Assert.Contains("of member 'Q1', the shortest (63 points)", tooMany.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("refit", refit.GetProperty("field").GetString());
        Assert.Null(model.Backtest);
    }

    public void Dispose() => factory.Dispose();
}
