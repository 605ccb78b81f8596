using Forecast.Api.Contracts;

namespace Forecast.Api.Tests;

/// <summary>A run that asks to be promoted moves its alias on merit, scored on the same newest points, and says why.</summary>
public sealed class PromotionTests : IDisposable
{
    private readonly ForecastApiFactory factory = new();

    private HttpClient Client => factory.CreateClient();

    private static object Good(object promote) => new { epochs = 30, seed = 3, hiddenSize = 16, lookback = 24, testSize = 12, transform = "log", promote };

    private static object Poor(object promote) => new { epochs = 1, seed = 3, hiddenSize = 2, lookback = 24, testSize = 12, transform = "none", learningRate = 0.0001, promote };

    [Fact]
    public async Task A_better_model_takes_the_alias_and_a_worse_one_leaves_it_each_saying_why()
    {
        var series = await TrainingFlow.UploadAsync(Client, "airpassengers.csv");

        var first = await TrainingFlow.TrainAsync(Client, series.Id, Good(new { alias = "production" }));
        var worse = await TrainingFlow.TrainAsync(Client, series.Id, Poor(new { alias = "production", onlyIfBetter = true }));
        var alias = await (await Client.GetAsync($"/api/series/{series.Id}/aliases/production")).ReadAsync<AliasResponse>();

        Assert.StartsWith("'production' pointed at no model", first.PromotionOutcome, StringComparison.Ordinal);
        Assert.StartsWith($"kept 'production' on model {first.ModelId}", worse.PromotionOutcome, StringComparison.Ordinal);
        Assert.Contains("on the last 12 points", worse.PromotionOutcome, StringComparison.Ordinal);
        Assert.Equal(first.ModelId, alias.ModelId);
        Assert.Equal([$"run {first.Id}"], alias.History.Select(m => m.MovedBy));
    }

    [Fact]
    public async Task A_model_that_beats_the_holder_on_the_holder_s_points_moves_the_alias_from_it()
    {
        var series = await TrainingFlow.UploadAsync(Client, "airpassengers.csv");
        var poor = await TrainingFlow.TrainAsync(Client, series.Id, Poor(new { alias = "production" }));

        var good = await TrainingFlow.TrainAsync(Client, series.Id, Good(new { alias = "production", onlyIfBetter = true }));
        var alias = await (await Client.GetAsync($"/api/series/{series.Id}/aliases/production")).ReadAsync<AliasResponse>();
        var goodModel = await (await Client.GetAsync($"/api/models/{good.ModelId}")).ReadAsync<ModelResponse>();
        var poorModel = await (await Client.GetAsync($"/api/models/{poor.ModelId}")).ReadAsync<ModelResponse>();

        Assert.StartsWith($"moved 'production' from model {poor.ModelId}", good.PromotionOutcome, StringComparison.Ordinal);
        Assert.Equal(good.ModelId, alias.ModelId);
        Assert.Equal(good.PromotionOutcome, alias.History[0].Reason);
        // Both test tails are the last 12 points, so the holder's score there is its own evaluation's.
        Assert.Contains($"(MASE {poorModel.Metrics.Mase:0.####})", good.PromotionOutcome, StringComparison.Ordinal);
        Assert.Contains($"(MASE {goodModel.Metrics.Mase:0.####})", good.PromotionOutcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_collection_s_global_model_is_promoted_on_its_mean_mase_over_the_members()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(4));

        var first = await TrainCollectionAsync(collection.Id, new { epochs = 3, hiddenSize = 8, seed = 1, promote = new { alias = "production" } });
        var second = await TrainCollectionAsync(collection.Id, new { epochs = 1, hiddenSize = 2, seed = 2, learningRate = 0.00001, promote = new { alias = "production" } });
        var holder = await (await Client.GetAsync($"/api/models/{first.ModelId}")).ReadAsync<CollectionModelResponse>();
        var challenger = await (await Client.GetAsync($"/api/models/{second.ModelId}")).ReadAsync<CollectionModelResponse>();
        var alias = await (await Client.GetAsync($"/api/collections/{collection.Id}/aliases/production")).ReadAsync<AliasResponse>();

        Assert.StartsWith("'production' pointed at no model", first.PromotionOutcome, StringComparison.Ordinal);
        var moved = challenger.Accuracy.Model.Mase < holder.Accuracy.Model.Mase;
        Assert.StartsWith(moved ? "moved 'production'" : "kept 'production'", second.PromotionOutcome, StringComparison.Ordinal);
        Assert.Contains($"{holder.Accuracy.Model.Mase:0.####}", second.PromotionOutcome, StringComparison.Ordinal);
        Assert.Equal(moved ? second.ModelId : first.ModelId, alias.ModelId);
    }

    [Fact]
    public async Task A_bad_alias_name_in_a_promotion_is_refused_before_anything_is_stored()
    {
        var series = await TrainingFlow.UploadAsync(Client, "airpassengers.csv");

        await (await Client.PostJsonAsync($"/api/series/{series.Id}/training-runs", Poor(new { alias = "Production!" })))
            .ReadProblemAsync(System.Net.HttpStatusCode.BadRequest);

        Assert.Equal(0, (await factory.CountRowsAsync()).Runs);
    }

    private Task<TrainingRunResponse> TrainCollectionAsync(Guid collectionId, object request) => TrainingFlow.TrainCollectionAsync(Client, collectionId, request);

    public void Dispose() => factory.Dispose();
}
