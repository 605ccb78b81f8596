using System.Globalization;
using System.Net;
using Forecast.Api.Contracts;

namespace Forecast.Api.Tests;

/// <summary>
/// The ensemble on a collection: the global network with ets, arima and theta fitted to each member, forecast by the
/// median of the four, its components' scores on the validation parts kept with the model; and what it refuses.
/// </summary>
public sealed class EnsembleCollectionTests : IDisposable
{
    private const int Members = 6;

    private readonly ForecastApiFactory factory = new();

    private HttpClient Client => factory.CreateClient();

    /// <summary>Two epochs of a small network: validated, then trained again without early stopping.</summary>
    private static readonly object Tiny = new { method = "ensemble", epochs = 2, seed = 7, hiddenSize = 8, batchSize = 64, earlyStoppingPatience = 0 };

    [Fact]
    public async Task An_ensemble_run_fits_every_member_trains_the_network_and_keeps_each_component_s_validation_score_with_the_model()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(Members));

        var run = await TrainingFlow.TrainCollectionAsync(Client, collection.Id, Tiny);

        // The members fitted are the run's first epochs; the network's two validated and two trained again follow them.
        Assert.Equal(("ensemble", 8, Members + 4), (run.Hyperparameters.Method, run.Hyperparameters.TestSize, run.Progress.Epoch));
        Assert.Contains(run.Choices, c => c.StartsWith($"ets, arima and theta fitted to each of the {Members} members", StringComparison.Ordinal));
        Assert.Contains(run.Choices, c => c.StartsWith("ensemble: on every member's last 8 points before its test tail, mean MASE lstm ", StringComparison.Ordinal));
        var model = await (await Client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<CollectionModelResponse>();
        Assert.Equal(("ensemble", Members, 0), (model.Method, model.Members, model.Fallbacks));
        Assert.NotNull(model.TorchSharpVersion);
        Assert.Equal(["lstm", "ets", "arima", "theta", "ensemble"], model.Validation!.Select(s => s.Method));
        Assert.All(model.Validation!, s => Assert.True(double.IsFinite(s.Mase) && s.Mase > 0, $"{s.Method}: {s.Mase}"));
        Assert.Equal([80.0, 95.0], model.IntervalCoverage.Select(c => c.Level));

        var forecasts = await (await Client.GetAsync($"/api/models/{run.ModelId}/forecasts?horizon=8&level=80")).ReadAsync<CollectionForecastResponse>();
        Assert.Equal(TourismCsv.QuarterlyKeys(Members), forecasts.Members.Select(m => m.Key));
        Assert.All(forecasts.Members.SelectMany(m => m.Points), p => Assert.InRange(p.Value, p.Intervals![0].Lower, p.Intervals[0].Upper));
        var key = TourismCsv.QuarterlyKeys(Members)[1];
        var member = await (await Client.GetAsync($"/api/models/{run.ModelId}/members/{key}")).ReadAsync<MemberEvaluationResponse>();
        Assert.Equal((8, (string?)null), (member.Points.Count, member.Fallback));
        Assert.All(member.Points, p => Assert.InRange(p.Forecast, p.Intervals[0].Lower, p.Intervals[0].Upper));

        var listed = await (await Client.GetAsync("/api/models?method=ensemble")).ReadAsync<PagedList<ModelListItem>>();
        Assert.Equal([run.ModelId!.Value], listed.Items.Select(m => m.Id));
        var methods = await (await Client.GetAsync("/api/methods")).ReadAsync<List<MethodResponse>>();
        var ensemble = methods.Single(m => m.Name == "ensemble");
        Assert.Contains("epochs", ensemble.Fields);
        Assert.Contains("lookback", ensemble.Fields);
    }

    [Theory]
    [InlineData("{\"method\": \"ensemble\", \"warmStartFrom\": {\"modelId\": \"0195f2d4-0000-7000-8000-000000000000\"}}", HttpStatusCode.BadRequest, "warmStartFrom")]
    [InlineData("{\"method\": \"ensemble\", \"validationFraction\": 0}", HttpStatusCode.BadRequest, "validationFraction")]
    [InlineData("{\"method\": \"ensemble\"}", HttpStatusCode.UnprocessableEntity, "testSize")]
    public async Task A_warm_start_no_validation_or_a_member_too_short_for_a_validation_part_is_refused_naming_the_field_and_queues_nothing(
        string body, HttpStatusCode status, string field)
    {
        // A member of 18 quarters holds a test tail of 8 and history for lstm, but not a validation part of 8 and 3 points before it.
        var shortMember = TourismCsv.QuarterlyValues("Q1").Take(18)
            .Select((v, t) => $"short,{new DateOnly(1979, 1, 1).AddMonths(3 * t):yyyy-MM-dd},{v.ToString(CultureInfo.InvariantCulture)}\n");
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(Members) + string.Concat(shortMember));

        var response = await Client.PostAsync($"/api/collections/{collection.Id}/training-runs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ReadProblemAsync(status);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(0, (await factory.CountRowsAsync()).Runs);
    }

    [Fact]
    public async Task An_ensemble_on_one_series_is_refused_as_a_collection_s_method()
    {
        var series = await TrainingFlow.UploadAsync(Client, "airpassengers.csv");

        var response = await Client.PostJsonAsync($"/api/series/{series.Id}/training-runs", new { method = "ensemble" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("method", problem.GetProperty("field").GetString());
        Assert.Equal(0, (await factory.CountRowsAsync()).Runs);
    }

    public void Dispose() => factory.Dispose();
}
