using System.Net;
using System.Net.Http.Headers;
using Forecast.Api.Contracts;
using Forecast.Api.Jobs;
using Forecast.Domain.Runs;

namespace Forecast.Api.Tests;

/// <summary>One global LSTM over a collection: trained in the background, scored per member and over all, forecast one member or all.</summary>
public sealed class CollectionTrainingTests : IDisposable
{
    private const int Members = 8;

    private readonly ForecastApiFactory factory = ForecastApiFactory.With(("Training:CheckpointInterval", "00:00:00"));

    private HttpClient Client => factory.CreateClient();

    /// <summary>A few epochs of a small global network on quarterly tourism members.</summary>
    // One network: the median of several is GlobalTrainer's to test, and five tiny networks would only cost time here.
    private static object Tiny(int epochs = 4) => new { epochs, seed = 7, hiddenSize = 8, batchSize = 64, earlyStoppingPatience = 0, ensembleSize = 1 };

    [Fact]
    public async Task A_global_run_trains_one_model_on_every_member_and_scores_each_beside_the_competition_baselines()
    {
        var collection = await UploadAsync(Client);

        var run = await TrainAsync(Client, collection.Id, Tiny());

        // Four epochs judged on the validation parts, then, without early stopping, all four again on everything before the test tails.
        Assert.Equal((collection.Id, (Guid?)null, 8), (run.CollectionId, run.SeriesId, run.Progress.Epoch));
        Assert.Equal((12, 8, 4), (run.Hyperparameters.Lookback, run.Hyperparameters.TestSize, run.Hyperparameters.SeasonalPeriod));
        Assert.Contains(run.Choices, c => c.StartsWith("testSize 8: the last 8 points of every member", StringComparison.Ordinal));
        var model = await (await Client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<CollectionModelResponse>();
        Assert.Equal((collection.Id, run.Id, Members, 0), (model.CollectionId, model.RunId, model.Members, model.Fallbacks));
        Assert.Equal([80.0, 95.0], model.IntervalCoverage.Select(c => c.Level));

        var table = await (await Client.GetAsync($"/api/models/{run.ModelId}/members?pageSize={Members}")).ReadAsync<PagedList<MemberScoreItem>>();
        Assert.Equal(Members, table.Total);
        Assert.Equal(table.Items.Select(m => m.Mase).Order(), table.Items.Select(m => m.Mase));
        Assert.Equal(table.Items.Average(m => m.Mase!.Value), model.Accuracy.Model.Mase!.Value, 9);
        Assert.Equal(table.Items.Average(m => m.ThetaMase!.Value), model.Accuracy.Theta.Mase!.Value, 9);
        var worstFirst = await (await Client.GetAsync($"/api/models/{run.ModelId}/members?sort=-mase&pageSize=1")).ReadAsync<PagedList<MemberScoreItem>>();
        Assert.Equal(table.Items[^1].Key, worstFirst.Items.Single().Key);

        var best = table.Items[0];
        var member = await (await Client.GetAsync($"/api/models/{run.ModelId}/members/{best.Key}")).ReadAsync<MemberEvaluationResponse>();
        Assert.Equal((best.SeriesId, 8, best.Mase), (member.SeriesId, member.Points.Count, member.Metrics.Mase));
        Assert.Equal(TourismCsv.QuarterlyValues(best.Key).TakeLast(8), member.Points.Select(p => p.Actual));
        Assert.All(member.Points, p => Assert.True(p.Intervals[0].Lower <= p.Forecast && p.Forecast <= p.Intervals[0].Upper));
    }

    [Fact]
    public async Task One_member_s_forecast_is_the_same_as_its_rows_in_the_csv_of_every_member()
    {
        var collection = await UploadAsync(Client);
        var run = await TrainAsync(Client, collection.Id, Tiny(epochs: 2));
        var key = TourismCsv.QuarterlyKeys(Members)[3];

        var one = await (await Client.GetAsync($"/api/models/{run.ModelId}/forecast?series={key}&horizon=6&level=80&level=95")).ReadAsync<ForecastResponse>();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/models/{run.ModelId}/forecasts?horizon=6&level=80&level=95");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csvResponse = await Client.SendAsync(request);
        var lines = (await csvResponse.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var json = await (await Client.GetAsync($"/api/models/{run.ModelId}/forecasts?horizon=6")).ReadAsync<CollectionForecastResponse>();

        Assert.Equal(key, one.Series);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("series,timestamp,value,lower_80,upper_80,lower_95,upper_95", lines[0]);
        Assert.Equal(1 + (Members * 6), lines.Length);
        var rows = lines.Where(l => l.StartsWith(key + ",", StringComparison.Ordinal)).ToList();
        Assert.Equal(one.Points.Select(p => string.Join(',', key, p.Timestamp, R(p.Value),
            R(p.Intervals![0].Lower), R(p.Intervals[0].Upper), R(p.Intervals[1].Lower), R(p.Intervals[1].Upper))), rows);
        Assert.Equal(Members, json.Members.Count);
        Assert.Equal(one.Points.Select(p => p.Value), json.Members.Single(m => m.Key == key).Points.Select(p => p.Value));
        Assert.All(json.Members, m => Assert.Null(m.Points[0].Intervals));
    }

    /// <param name="stopAfter">An epoch of the validation's 40, or of the second training's that follow them.</param>
    [Theory]
    [InlineData(3)]
    [InlineData(43)]
    public async Task A_global_run_resumed_in_a_new_process_from_its_checkpoint_ends_bit_for_bit_as_an_uninterrupted_one(int stopAfter)
    {
        // The first host holds the run after epoch stopAfter until it stops, however fast the run trains.
        using var first = ForecastApiFactory.With(("Training:CheckpointInterval", "00:00:00"), (FaultInjection.HoldEpochSettingKey, $"{stopAfter + 1}"));
        var collection = await UploadAsync(first.CreateClient());
        var hyperparameters = new { epochs = 40, seed = 3, hiddenSize = 8, batchSize = 64, earlyStoppingPatience = 0, ensembleSize = 1 };
        var interrupted = await StartAsync(first.CreateClient(), collection.Id, hyperparameters);
        await TrainingFlow.WaitForEpochAsync(first.CreateClient(), interrupted.Id, stopAfter);

        // The host stops mid-run: the run is checkpointed at its held epoch and queued again for the next process.
        using var next = first.OnSameDatabase((FaultInjection.HoldEpochSettingKey, null));
        first.Dispose();
        var client = next.CreateClient();
        var resumed = await TrainingFlow.WaitUntilFinishedAsync(client, interrupted.Id);
        var uninterrupted = await TrainAsync(client, collection.Id, hyperparameters);

        Assert.True(resumed.Status == TrainingRunStatus.Succeeded, resumed.Error);
        Assert.True(resumed.ResumedFromEpoch == stopAfter + 1, $"resumed from {resumed.ResumedFromEpoch}");
        Assert.Equal((80, 100.0), (resumed.Progress.TotalEpochs, resumed.Progress.Percent));
        Assert.Equal(await CurveAsync(client, uninterrupted.Id), await CurveAsync(client, resumed.Id));
        Assert.Equal(await ForecastsAsync(client, uninterrupted.ModelId), await ForecastsAsync(client, resumed.ModelId));
    }

    [Fact]
    public async Task Another_key_s_collection_can_be_neither_trained_nor_its_model_read()
    {
        var owner = factory.ClientFor((await factory.CreateKeyAsync("owner")).Key);
        var other = factory.ClientFor((await factory.CreateKeyAsync("other")).Key);
        var collection = await UploadAsync(owner);
        var run = await TrainAsync(owner, collection.Id, Tiny(epochs: 1));

        await (await other.PostJsonAsync($"/api/collections/{collection.Id}/training-runs", Tiny())).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/training-runs/{run.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/training-runs/{run.Id}/loss-curve")).ReadProblemAsync(HttpStatusCode.NotFound);
        foreach (var path in new[] { "", "/members", $"/members/{TourismCsv.QuarterlyKeys(1)[0]}", "/forecasts", $"/forecast?series={TourismCsv.QuarterlyKeys(1)[0]}" })
        {
            await (await other.GetAsync($"/api/models/{run.ModelId}{path}")).ReadProblemAsync(HttpStatusCode.NotFound);
        }
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/models/{run.ModelId}/forecasts")).StatusCode);
    }

    [Fact]
    public async Task Asking_a_collection_s_model_as_a_series_model_or_for_an_unknown_member_answers_a_problem_naming_the_way()
    {
        var collection = await UploadAsync(Client);
        var run = await TrainAsync(Client, collection.Id, Tiny(epochs: 1));

        var noMember = await (await Client.GetAsync($"/api/models/{run.ModelId}/forecast")).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await Client.GetAsync($"/api/models/{run.ModelId}/forecast?series=nobody")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await Client.GetAsync($"/api/models/{run.ModelId}/members?sort=luck")).ReadProblemAsync(HttpStatusCode.BadRequest);
        var evaluation = await (await Client.GetAsync($"/api/models/{run.ModelId}/evaluation")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("series={key}", noMember.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains($"/api/models/{run.ModelId}/members", evaluation.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_tail_longer_than_a_member_allows_is_refused_naming_the_member()
    {
        var collection = await UploadAsync(Client);

        var problem = await (await Client.PostJsonAsync($"/api/collections/{collection.Id}/training-runs", new { testSize = 200 }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith("Member '", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await factory.CountRowsAsync()).Runs);
    }

    [Fact]
    public async Task Deleting_a_collection_with_an_open_global_run_is_refused_until_the_run_is_cancelled()
    {
        var collection = await UploadAsync(Client);
        var run = await StartAsync(Client, collection.Id, new { epochs = 5000, hiddenSize = 4, seed = 1, earlyStoppingPatience = 0 });

        await (await Client.DeleteAsync($"/api/collections/{collection.Id}")).ReadProblemAsync(HttpStatusCode.Conflict);

        await Client.PostAsync($"/api/training-runs/{run.Id}/cancel", null);
        Assert.Equal(TrainingRunStatus.Cancelled, (await TrainingFlow.WaitUntilFinishedAsync(Client, run.Id)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/collections/{collection.Id}")).StatusCode);
        await (await Client.GetAsync($"/api/training-runs/{run.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private static string R(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<CollectionResponse> UploadAsync(HttpClient client) => TrainingFlow.UploadCollectionAsync(client, TourismCsv.Quarterly(Members));

    private static Task<TrainingRunResponse> StartAsync(HttpClient client, Guid collectionId, object hyperparameters) =>
        TrainingFlow.StartCollectionAsync(client, collectionId, hyperparameters);

    private static Task<TrainingRunResponse> TrainAsync(HttpClient client, Guid collectionId, object hyperparameters) =>
        TrainingFlow.TrainCollectionAsync(client, collectionId, hyperparameters);

    private static async Task<List<LossPoint>> CurveAsync(HttpClient client, Guid runId) =>
        await (await client.GetAsync($"/api/training-runs/{runId}/loss-curve")).ReadAsync<List<LossPoint>>();

    private static async Task<string> ForecastsAsync(HttpClient client, Guid? modelId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/models/{modelId}/forecasts?horizon=8&level=80");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        return await (await client.SendAsync(request)).Content.ReadAsStringAsync();
    }

    public void Dispose() => factory.Dispose();
}
