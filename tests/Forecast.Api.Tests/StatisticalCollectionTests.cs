using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Forecast.Api.Contracts;
using Forecast.Api.Persistence;
using Forecast.Api.Runs;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Training.Collections;
using Forecast.Training.Methods;
using Forecast.Training.Methods.Auto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Api.Tests;

/// <summary>
/// A statistical method on a collection: each member fitted on its own, the run's progress its members fitted, every read
/// answered as for a global model, resumed with the members an earlier attempt stored, and cancelled between members.
/// </summary>
public sealed class StatisticalCollectionTests : IDisposable
{
    private const int Members = 6;

    // auto fits four methods at three origins and again to the whole history for every member: under the whole suite's
    // load six members outlasted the run's two-minute wait.
    private const int AutoMembers = 3;

    // Quarterly members: a test tail of two seasons by default.
    private const int TestSize = 8;

    private readonly ForecastApiFactory factory = new();

    private HttpClient Client => factory.CreateClient();

    private static IReadOnlyList<string> Keys => TourismCsv.QuarterlyKeys(Members);

    [Fact]
    public async Task A_theta_run_fits_every_member_counting_them_as_its_progress_and_scores_each_by_theta_s_own_forecast_of_its_tail()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(Members));

        var run = await TrainingFlow.TrainCollectionAsync(Client, collection.Id, new { method = "theta" });

        Assert.Equal(("theta", TestSize, 4), (run.Hyperparameters.Method, run.Hyperparameters.TestSize, run.Hyperparameters.SeasonalPeriod));
        Assert.Equal((Members, Members, 100.0), (run.Progress.Epoch, run.Progress.TotalEpochs, run.Progress.Percent));
        Assert.Contains(run.Choices, c => c.StartsWith($"theta fitted to each of the {Members} members", StringComparison.Ordinal));
        var model = await (await Client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<CollectionModelResponse>();
        Assert.Equal(("theta", (string?)null, Members, 0), (model.Method, model.TorchSharpVersion, model.Members, model.Fallbacks));
        Assert.Equal(model.Accuracy.Theta.Mase, model.Accuracy.Model.Mase);
        var table = await (await Client.GetAsync($"/api/models/{run.ModelId}/members?pageSize={Members}")).ReadAsync<PagedList<MemberScoreItem>>();
        Assert.Equal(Members, table.Total);
        Assert.All(table.Items, m => Assert.Equal((m.ThetaMase, "theta"), (m.Mase, m.Method)));
        foreach (var key in Keys)
        {
            var values = TourismCsv.QuarterlyValues(key);
            var member = await (await Client.GetAsync($"/api/models/{run.ModelId}/members/{key}")).ReadAsync<MemberEvaluationResponse>();
            Assert.Equal(Theta.Forecast(values.Take(values.Count - TestSize).ToArray(), TestSize, 4), member.Points.Select(p => p.Forecast));
            Assert.All(member.Points, p => Assert.True(p.Intervals[0].Lower <= p.Forecast && p.Forecast <= p.Intervals[0].Upper));
        }
        var models = await (await Client.GetAsync("/api/models?method=theta")).ReadAsync<PagedList<ModelListItem>>();
        Assert.Contains(models.Items, m => m.Id == run.ModelId && m.CollectionId == collection.Id);
    }

    [Fact]
    public async Task An_auto_run_picks_each_member_s_method_says_how_many_got_each_and_forecasts_each_member_by_its_pick()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(AutoMembers));

        var run = await TrainingFlow.TrainCollectionAsync(Client, collection.Id, new { method = "auto" });

        var tally = Assert.Single(run.Choices, c => c.StartsWith("auto picked ", StringComparison.Ordinal));
        Assert.Contains($" of {AutoMembers} members", tally, StringComparison.Ordinal);
        var picks = new List<string>();
        foreach (var key in TourismCsv.QuarterlyKeys(AutoMembers))
        {
            var history = TourismCsv.QuarterlyValues(key).SkipLast(TestSize).ToArray();
            var input = new FitInput(history, 4, TestSize);
            var pick = AutoMethod.Read(new AutoMethod().Fit(input, CancellationToken.None).State).Method;
            picks.Add(pick);
            var member = await (await Client.GetAsync($"/api/models/{run.ModelId}/members/{key}")).ReadAsync<MemberEvaluationResponse>();
            Assert.Equal(ForecastingMethods.Statistical(pick)!.Fit(input, CancellationToken.None).Model.PointForecast(history, TestSize), member.Points.Select(p => p.Forecast));
        }
        Assert.All(picks.CountBy(p => p), pick => Assert.Matches($@"\b{pick.Key} for {pick.Value}\b", tally));
        var table = await (await Client.GetAsync($"/api/models/{run.ModelId}/members?pageSize={AutoMembers}&sort=key")).ReadAsync<PagedList<MemberScoreItem>>();
        Assert.Equal(picks, table.Items.Select(m => m.Method));
    }

    [Fact]
    public async Task One_member_s_forecast_is_theta_s_and_the_same_in_the_json_and_csv_of_every_member()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(Members));
        var run = await TrainingFlow.TrainCollectionAsync(Client, collection.Id, new { method = "theta", testSize = 4 });
        var key = Keys[2];

        var one = await (await Client.GetAsync($"/api/models/{run.ModelId}/forecast?series={key}&horizon=6&level=80")).ReadAsync<ForecastResponse>();
        var json = await (await Client.GetAsync($"/api/models/{run.ModelId}/forecasts?horizon=6&level=80")).ReadAsync<CollectionForecastResponse>();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/models/{run.ModelId}/forecasts?horizon=6&level=80");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var lines = (await (await Client.SendAsync(request)).Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(Theta.Forecast(TourismCsv.QuarterlyValues(key).ToArray(), 6, 4), one.Points.Select(p => p.Value));
        Assert.Equal(Flat(one.Points), Flat(json.Members.Single(m => m.Key == key).Points));
        Assert.Equal(("series,timestamp,value,lower_80,upper_80", 1 + (Members * 6)), (lines[0], lines.Length));
        Assert.Equal(one.Points.Select(p => string.Join(',', key, p.Timestamp, R(p.Value), R(p.Intervals![0].Lower), R(p.Intervals[0].Upper))),
            lines.Where(l => l.StartsWith(key + ",", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_backtest_with_refit_on_the_run_and_one_without_later_both_score_every_window_and_live_accuracy_and_anomalies_answer()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(Members));
        var run = await TrainingFlow.TrainCollectionAsync(Client, collection.Id, new { method = "theta", backtest = new { windows = 2, refit = true } });
        var key = Keys[0];

        var model = await (await Client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<CollectionModelResponse>();
        var later = await (await Client.PostJsonAsync($"/api/models/{run.ModelId}/backtests", new { windows = 3, step = 2 })).ReadAsync<CollectionBacktest>();
        var accuracy = await (await Client.GetAsync($"/api/models/{run.ModelId}/accuracy?series={key}")).ReadAsync<LiveAccuracyResponse>();
        var member = await (await Client.GetAsync($"/api/models/{run.ModelId}/members/{key}")).ReadAsync<MemberEvaluationResponse>();
        var anomalies = await (await Client.GetAsync($"/api/series/{member.SeriesId}/anomalies?modelId={run.ModelId}&level=80")).ReadAsync<AnomaliesResponse>();

        Assert.Equal((true, 2), (model.Backtest!.Refit, model.Backtest.Windows.Count));
        Assert.Equal((false, 3), (later.Refit, later.Windows.Count));
        // Theta refits at every origin, so with or without refitting every window's forecasts are the Theta baseline's.
        Assert.All(model.Backtest.Windows.Concat(later.Windows), w => Assert.Equal(w.Accuracy.Theta.Mase, w.Accuracy.Model.Mase));
        // The first origin's scores are the member's evaluation.
        Assert.Equal((key, member.Metrics.Mase), (accuracy.Series, accuracy.Origins[0].Model.Mase));
        Assert.Equal((run.ModelId, 80.0), (anomalies.ModelId, anomalies.Level));
    }

    [Fact]
    public async Task A_promotion_compares_a_statistical_collection_model_with_the_holder_scored_on_the_same_tails()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(Members));
        var naive = await TrainingFlow.TrainCollectionAsync(Client, collection.Id, new { method = "naive", promote = new { alias = "production" } });

        var theta = await TrainingFlow.TrainCollectionAsync(Client, collection.Id, new { method = "theta", promote = new { alias = "production" } });

        var naiveModel = await (await Client.GetAsync($"/api/models/{naive.ModelId}")).ReadAsync<CollectionModelResponse>();
        var thetaModel = await (await Client.GetAsync($"/api/models/{theta.ModelId}")).ReadAsync<CollectionModelResponse>();
        // The naive holder, rebuilt from its members' fits, is scored on the theta model's tails: its own accuracy there.
        Assert.Equal(naiveModel.Accuracy.Naive.Mase, naiveModel.Accuracy.Model.Mase);
        Assert.StartsWith("'production' pointed at no model", naive.PromotionOutcome, StringComparison.Ordinal);
        var moved = thetaModel.Accuracy.Model.Mase < naiveModel.Accuracy.Model.Mase;
        Assert.StartsWith(moved ? $"moved 'production' from model {naive.ModelId}" : $"kept 'production' on model {naive.ModelId}", theta.PromotionOutcome,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"method\": \"theta\", \"lookback\": 12}", HttpStatusCode.BadRequest, "lookback")]
    [InlineData("{\"method\": \"naive\", \"epochs\": 3}", HttpStatusCode.BadRequest, "epochs")]
    [InlineData("{\"method\": \"snaive\", \"warmStartFrom\": {\"modelId\": \"0195f2d4-0000-7000-8000-000000000000\"}}", HttpStatusCode.BadRequest, "warmStartFrom")]
    [InlineData("{\"method\": \"drift\", \"testSize\": 200}", HttpStatusCode.UnprocessableEntity, "testSize")]
    [InlineData("{\"method\": \"prophet\"}", HttpStatusCode.BadRequest, "method")]
    public async Task A_network_field_a_warm_start_or_a_member_too_short_is_refused_naming_the_field_and_queues_nothing(string body, HttpStatusCode status, string field)
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(Members));

        var response = await Client.PostAsync($"/api/collections/{collection.Id}/training-runs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ReadProblemAsync(status);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(0, (await factory.CountRowsAsync()).Runs);
    }

    [Fact]
    public async Task A_run_whose_process_died_resumes_with_the_members_it_stored_and_fits_only_the_others()
    {
        using var died = ForecastApiFactory.With(("Training:WorkerCount", "0"));
        var (runId, kept) = await StartThenDieAsync(died, stored: 2, cancel: false);

        using var next = died.OnSameDatabase(("Training:WorkerCount", "1"));
        var client = next.CreateClient();
        var run = await TrainingFlow.SucceededAsync(client, runId);

        Assert.Equal((2, 2, Members), (run.Attempts, run.ResumedFromEpoch, run.Progress.Epoch));
        Assert.Contains(run.Choices, c => c.Contains("2 were fitted by an earlier attempt of this run and kept", StringComparison.Ordinal));
        // The stored members keep the states the first attempt wrote (theta has none of its own to write); the others are fitted afresh.
        var fits = await FitsAsync(next, run.ModelId!.Value);
        Assert.Equal(Keys, fits.Keys.Order());
        Assert.All(Keys, key => Assert.Equal(kept.Contains(key) ? MarkedState : "{}", fits[key]));
        var curve = await (await client.GetAsync($"/api/training-runs/{runId}/loss-curve")).ReadAsync<List<LossPoint>>();
        Assert.Equal(2, curve[0].Epoch);
        Assert.Equal(Members, curve[^1].Epoch);
        var table = await (await client.GetAsync($"/api/models/{run.ModelId}/members?pageSize={Members}")).ReadAsync<PagedList<MemberScoreItem>>();
        Assert.All(table.Items, m => Assert.Equal(m.ThetaMase, m.Mase));
    }

    [Fact]
    public async Task A_cancel_is_seen_at_the_next_members_recorded_and_the_run_stores_no_model_and_no_fits()
    {
        using var died = ForecastApiFactory.With(("Training:WorkerCount", "0"));
        var (runId, _) = await StartThenDieAsync(died, stored: 1, cancel: true);

        using var next = died.OnSameDatabase(("Training:WorkerCount", "1"));
        var run = await TrainingFlow.WaitUntilFinishedAsync(next.CreateClient(), runId);

        Assert.Equal((TrainingRunStatus.Cancelled, (Guid?)null, 2), (run.Status, run.ModelId, run.Attempts));
        // Six members fit in moments, perhaps all before the first recording sees the cancel; the Training tests show the fit
        // stopping between members of a larger collection.
        Assert.InRange(run.Progress.Epoch, 2, Members);
        await using var db = await next.Services.GetRequiredService<IDbContextFactory<ForecastDbContext>>().CreateDbContextAsync();
        Assert.False(await db.MemberFits.AnyAsync(f => f.RunId == runId));
        Assert.Equal(0, (await next.CountRowsAsync()).CollectionModels);
    }

    private static readonly string MarkedState = JsonSerializer.Serialize(new { fittedBy = "the first attempt" });

    /// <summary>
    /// A theta run claimed by a worker that records the first <paramref name="stored"/> members (marked, so that a kept fit
    /// is told from a refitted one) and dies, as kill -9 leaves it, after a client asked to cancel when
    /// <paramref name="cancel"/>. <paramref name="httpOnly"/> trains nothing: a host with a worker on its database takes the run over.
    /// </summary>
    private static async Task<(Guid RunId, IReadOnlyList<string> Stored)> StartThenDieAsync(ForecastApiFactory httpOnly, int stored, bool cancel)
    {
        var client = httpOnly.CreateClient();
        var collection = await TrainingFlow.UploadCollectionAsync(client, TourismCsv.Quarterly(Members));
        var runId = (await TrainingFlow.StartCollectionAsync(client, collection.Id, new { method = "theta" })).Id;
        var store = httpOnly.Services.GetRequiredService<RunStore>();
        var worker = Guid.CreateVersion7();
        Assert.NotNull(store.Claim(runId, worker));
        var fits = Keys.Take(stored).Select(key => new MemberFitEntity { RunId = runId, Key = key, State = JsonDocument.Parse(MarkedState).RootElement }).ToList();
        store.RecordMemberFits(runId, worker, fits, new EpochProgress(stored, Keys.Count, 0.5, null, 0.1, Checkpoint: null));
        if (cancel)
        {
            await client.PostAsync($"/api/training-runs/{runId}/cancel", null);
        }
        return (runId, fits.Select(f => f.Key).ToList());
    }

    private static async Task<Dictionary<string, string>> FitsAsync(ForecastApiFactory host, Guid modelId)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<ForecastDbContext>>().CreateDbContextAsync();
        return await db.MemberEvaluations.Where(m => m.ModelId == modelId).ToDictionaryAsync(m => m.Key, m => m.Fit!.Value.GetRawText());
    }

    private static IEnumerable<(string, double, double, double)> Flat(IReadOnlyList<ForecastPoint> points) =>
        points.Select(p => (p.Timestamp, p.Value, p.Intervals![0].Lower, p.Intervals[0].Upper));

    private static string R(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => factory.Dispose();
}
