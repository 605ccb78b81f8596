using System.Net;
using System.Text;
using Forecast.Api.Contracts;

namespace Forecast.Api.Tests;

/// <summary>A retrain on a grown series that starts from the model's weights.</summary>
public sealed class WarmStartTests : IDisposable
{
    private readonly ForecastApiFactory factory = new();

    private HttpClient Client => factory.CreateClient();

    [Fact]
    public async Task A_retrain_on_the_grown_series_warm_started_from_the_model_keeps_its_shape_and_starts_where_it_left_off()
    {
        var series = await HeldOutYear.UploadAsync(Client);
        var model = (await TrainingFlow.TrainAsync(Client, series, new { epochs = 40, seed = 42, hiddenSize = 8, lookback = 24, testSize = 12, learningRate = 0.02, transform = "log" })).ModelId!.Value;
        await HeldOutYear.AppendAsync(Client, series, new { values = HeldOutYear.Values(HeldOutYear.Withheld) });

        var cold = await TrainingFlow.TrainAsync(Client, series, new { epochs = 3, seed = 42, hiddenSize = 8, lookback = 24, testSize = 12, learningRate = 0.02, transform = "log" });
        var warm = await TrainingFlow.TrainAsync(Client, series, new { epochs = 3, seed = 42, testSize = 12, learningRate = 0.02, warmStartFrom = new { modelId = model } });
        var coldCurve = await (await Client.GetAsync($"/api/training-runs/{cold.Id}/loss-curve")).ReadAsync<List<LossPoint>>();
        var warmCurve = await (await Client.GetAsync($"/api/training-runs/{warm.Id}/loss-curve")).ReadAsync<List<LossPoint>>();

        Assert.Equal(model, warm.WarmStartFrom);
        Assert.Equal((24, 8, "log"), (warm.Hyperparameters.Lookback, warm.Hyperparameters.HiddenSize, warm.Hyperparameters.Transform.ToString()));
        Assert.Contains(warm.Choices, c => c.StartsWith($"started from the weights of model {model}", StringComparison.Ordinal)
            && c.EndsWith("continuing its optimiser's step sizes with its momentum reset", StringComparison.Ordinal));
        // From weights already trained on most of the series, the first epoch is far ahead of one from random weights.
        // The validation loss is the mean MASE of the members' forecasts of their validation parts.
        Assert.True(warmCurve[0].ValidationLoss < 0.8 * coldCurve[0].ValidationLoss, $"warm {warmCurve[0].ValidationLoss}, cold {coldCurve[0].ValidationLoss}");
    }

    [Fact]
    public async Task A_collection_s_retrain_on_its_grown_members_warm_started_from_its_global_model_keeps_its_shape_and_starts_where_it_left_off()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(2));
        var model = (await TrainingFlow.TrainCollectionAsync(Client, collection.Id, new { epochs = 30, hiddenSize = 4, lookback = 8, seed = 1, earlyStoppingPatience = 30, ensembleSize = 1 })).ModelId!.Value;
        await Client.PostJsonAsync($"/api/collections/{collection.Id}/observations",
            new { series = new object[] { new { key = "Q1", values = new[] { 7000.0 } }, new { key = "Q2", values = new[] { 190000.0 } } } });

        var cold = await TrainingFlow.TrainCollectionAsync(Client, collection.Id, new { epochs = 1, hiddenSize = 4, lookback = 8, seed = 1, ensembleSize = 1 });
        var warm = await TrainingFlow.TrainCollectionAsync(Client, collection.Id, new { epochs = 1, seed = 1, warmStartFrom = new { modelId = model } });
        var coldCurve = await (await Client.GetAsync($"/api/training-runs/{cold.Id}/loss-curve")).ReadAsync<List<LossPoint>>();
        var warmCurve = await (await Client.GetAsync($"/api/training-runs/{warm.Id}/loss-curve")).ReadAsync<List<LossPoint>>();

        Assert.Equal(model, warm.WarmStartFrom);
        Assert.Equal((8, 4), (warm.Hyperparameters.Lookback, warm.Hyperparameters.HiddenSize));
        Assert.Contains(warm.Choices, c => c.StartsWith($"started from the weights of model {model}", StringComparison.Ordinal)
            && c.EndsWith("continuing its optimiser's step sizes with its momentum reset", StringComparison.Ordinal));
        // Both members were learned by the model, so no member is seen afresh.
        Assert.DoesNotContain(warm.Choices, c => c.Contains("were not learned by the model", StringComparison.Ordinal));
        // The validation loss is the mean MASE of the members' forecasts of their validation parts.
        Assert.True(warmCurve[0].ValidationLoss < 0.8 * coldCurve[0].ValidationLoss, $"warm {warmCurve[0].ValidationLoss}, cold {coldCurve[0].ValidationLoss}");
    }

    [Fact]
    public async Task A_warm_start_from_another_shape_transform_or_season_an_unknown_model_or_a_model_of_the_other_kind_is_refused_before_anything_is_queued()
    {
        var (series, model) = await HeldOutYear.TrainedAsync(Client);

        var shape = await (await Client.PostJsonAsync($"/api/series/{series}/training-runs", new { hiddenSize = 16, warmStartFrom = new { modelId = model } }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var transform = await (await Client.PostJsonAsync($"/api/series/{series}/training-runs", new { transform = "none", warmStartFrom = new { modelId = model } }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var season = await (await Client.PostJsonAsync($"/api/series/{series}/training-runs", new { seasonalPeriod = 6, warmStartFrom = new { modelId = model } }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var unknown = await (await Client.PostJsonAsync($"/api/series/{series}/training-runs", new { warmStartFrom = new { modelId = Guid.NewGuid() } }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var collection = await (await Client.PostAsync("/api/collections", new StringContent(TourismCsv.Quarterly(2), Encoding.UTF8, "text/csv"))).ReadAsync<CollectionResponse>();
        var global = await (await Client.PostJsonAsync($"/api/collections/{collection.Id}/training-runs", new { warmStartFrom = new { modelId = model } }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var globalModel = (await TrainingFlow.TrainCollectionAsync(Client, collection.Id, new { epochs = 1, hiddenSize = 4, seed = 1 })).ModelId!.Value;
        var fromGlobal = await (await Client.PostJsonAsync($"/api/series/{series}/training-runs", new { warmStartFrom = new { modelId = globalModel } }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var globalShape = await (await Client.PostJsonAsync($"/api/collections/{collection.Id}/training-runs", new { layers = 2, warmStartFrom = new { modelId = globalModel } }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        await factory.UpdateCollectionModelAsync(globalModel, m => m.Artifact = m.Artifact! with { Outputs = 1 });
        var oneStep = await (await Client.PostJsonAsync($"/api/collections/{collection.Id}/training-runs", new { warmStartFrom = new { modelId = globalModel } }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("hiddenSize", shape.GetProperty("field").GetString());
        Assert.Contains("has hiddenSize 8, this run asks for 16", shape.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("transform", transform.GetProperty("field").GetString());
        Assert.Equal("seasonalPeriod", season.GetProperty("field").GetString());
        Assert.Contains("has seasonal period 12, this run asks for 6", season.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("warmStartFrom", unknown.GetProperty("field").GetString());
        Assert.Contains("which is not a collection's model of yours", global.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("which is not a series' model of yours", fromGlobal.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("layers", globalShape.GetProperty("field").GetString());
        Assert.Contains("forecasts one step at a time", oneStep.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await factory.CountRowsAsync()).Runs);
    }

    public void Dispose() => factory.Dispose();
}
