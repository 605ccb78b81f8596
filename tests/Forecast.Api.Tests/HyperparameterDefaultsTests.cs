using System.Net;
using System.Text;
using Forecast.Api.Contracts;
using Forecast.Domain.Runs;

namespace Forecast.Api.Tests;

/// <summary>What a training form is told before a run is asked for: the defaults a run gets and the operator's ranges.</summary>
public sealed class HyperparameterDefaultsTests : IDisposable
{
    private readonly ForecastApiFactory factory = ForecastApiFactory.With(("Limits:Hyperparameters:MaxEpochs", "300"));

    [Fact]
    public async Task A_series_form_shows_the_defaults_a_run_left_to_them_gets_and_the_configured_ranges()
    {
        using var client = factory.CreateClient();
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");

        var form = await (await client.GetAsync($"/api/series/{series.Id}/hyperparameters")).ReadAsync<HyperparameterDefaultsResponse>();
        var queued = await TrainingFlow.StartAsync(client, series.Id, new { });
        await client.PostAsync($"/api/training-runs/{queued.Id}/cancel", null);

        var d = form.Defaults;
        Assert.Equal((36, 100, 10, 12, "auto", 20), (d.Lookback, d.Epochs, d.TestSize, d.SeasonalPeriod, d.Transform, d.EarlyStoppingPatience));
        Assert.Null(d.Seed);
        var run = queued.Hyperparameters;
        Assert.Equal(new HyperparameterRequest(run.Lookback, run.HiddenSize, run.Layers, run.Dropout, run.Epochs, run.BatchSize, run.LearningRate,
            run.ValidationFraction, run.TestSize, null, run.EarlyStoppingPatience, run.Transform.ToString(), run.SeasonalPeriod, run.EnsembleSize,
            run.WindowsPerEpoch), d);
        Assert.Equal(new HyperparameterRange(1, 300), form.Ranges["epochs"]);
        Assert.Equal(new HyperparameterRange(0, 0.9), form.Ranges["dropout"]);
        Assert.StartsWith("lookback 36: three seasons of 12", form.Choices[0], StringComparison.Ordinal);
        Assert.DoesNotContain(form.Choices, choice => choice.StartsWith("seed", StringComparison.Ordinal));
        var refused = await (await client.PostJsonAsync($"/api/series/{series.Id}/training-runs", new { epochs = 301 }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("epochs", refused.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_collection_form_shows_the_collection_defaults_and_an_unknown_subject_is_not_found()
    {
        using var client = factory.CreateClient();
        var collection = await (await client.PostAsync("/api/collections?name=tourism",
            new StringContent(TourismCsv.Quarterly(3), Encoding.UTF8, "text/csv"))).ReadAsync<CollectionResponse>();

        var form = await (await client.GetAsync($"/api/collections/{collection.Id}/hyperparameters")).ReadAsync<HyperparameterDefaultsResponse>();

        Assert.Equal((8, 100, 512, 0.001, 10), (form.Defaults.TestSize, form.Defaults.Epochs, form.Defaults.BatchSize, form.Defaults.LearningRate,
            form.Defaults.EarlyStoppingPatience));
        Assert.Equal(new HyperparameterRange(1, 300), form.Ranges["epochs"]);
        await (await client.GetAsync($"/api/collections/{Guid.NewGuid()}/hyperparameters")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/series/{Guid.NewGuid()}/hyperparameters")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_series_too_short_for_the_default_test_tail_is_told_how_long_a_tail_it_allows()
    {
        using var client = factory.CreateClient();
        var csv = string.Concat(Enumerable.Range(1, 12).Select(month => $"2024-{month:00}-01,{month}\n"));
        var series = await (await client.PostCsvAsync(csv, "?name=short")).ReadAsync<SeriesResponse>();

        var problem = await (await client.GetAsync($"/api/series/{series.Id}/hyperparameters")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("testSize", problem.GetProperty("field").GetString());
        Assert.Contains("testSize may be at most 6", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => factory.Dispose();
}
