using System.Net;
using Forecast.Api.Contracts;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Series;
using Forecast.Training.Intervals;
using Forecast.Training.Methods;

namespace Forecast.Api.Tests;

/// <summary>A collection uploaded with covariates per member, an arima model regressing each member on its own, and its forecasts.</summary>
public class CollectionCovariateTests(ForecastApiFactory factory) : IClassFixture<ForecastApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task An_arima_run_on_grunfeld_regresses_each_firm_on_its_covariates_and_scores_the_arima_xreg_benchmark_s_mean_MASE()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(client, Grunfeld.Csv(future: 0));
        var run = await TrainingFlow.TrainCollectionAsync(client, collection.Id, Grunfeld.Arima);
        var model = await (await client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<CollectionModelResponse>();

        // As ArimaXregBenchmark scores it: each firm fitted on all but its last 4 years, forecast with its covariates' actual values there.
        var benchmark = Grunfeld.Firms.Average(firm =>
        {
            var (values, covariates) = (Grunfeld.Column(firm, 2), new Covariates([new Covariate("market", Grunfeld.Column(firm, 3)), new Covariate("capital", Grunfeld.Column(firm, 4))]));
            var history = values[..^4];
            var fitted = ForecastingMethods.Statistical("arima")!.Fit(new FitInput(history, 1, 4) { Covariates = covariates }, CancellationToken.None);
            var forecast = fitted.Model.ForecastAfter(history, covariates, 4, IntervalLevels.None).Select(s => s.Value).ToArray();
            return AccuracyMetrics.Compute(values[^4..], forecast, AccuracyMetrics.MaseScale(history, 1)).Mase!.Value;
        });
        Assert.Equal(benchmark, model.Accuracy.Model.Mase!.Value, 12);
        Assert.Equal(1.792, model.Accuracy.Model.Mase!.Value, 3);
    }

    [Fact]
    public async Task A_member_s_forecast_uses_its_stored_future_and_past_it_a_422_names_the_member_the_covariate_and_the_year()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(client, Grunfeld.Csv(future: 2));
        var run = await TrainingFlow.TrainCollectionAsync(client, collection.Id, Grunfeld.Arima);

        var forecast = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?series=US-Steel&horizon=2")).ReadAsync<ForecastResponse>();
        Assert.Equal(["1953-01-01", "1954-01-01"], forecast.Points.Select(p => p.Timestamp));
        var problem = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?series=US-Steel&horizon=3")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Member 'US-Steel': the covariate 'market' has no value for 1955-01-01, step 3 of the forecast from 1953-01-01", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_upload_with_covariates_in_either_order_forecasts_every_member_as_its_long_csv_does()
    {
        var fromCsv = await TrainingFlow.UploadCollectionAsync(client, Grunfeld.Csv(future: 2));
        var fromJson = await (await client.PostJsonAsync("/api/collections", Grunfeld.Json(future: 2))).ReadAsync<CollectionResponse>();
        var csvRun = await TrainingFlow.TrainCollectionAsync(client, fromCsv.Id, Grunfeld.Arima);
        var jsonRun = await TrainingFlow.TrainCollectionAsync(client, fromJson.Id, Grunfeld.Arima);

        Assert.Equal((fromCsv.MemberCount, fromCsv.End), (fromJson.MemberCount, fromJson.End));
        foreach (var firm in Grunfeld.Firms)
        {
            var expected = await (await client.GetAsync($"/api/models/{csvRun.ModelId}/forecast?series={firm}&horizon=2")).ReadAsync<ForecastResponse>();
            var actual = await (await client.GetAsync($"/api/models/{jsonRun.ModelId}/forecast?series={firm}&horizon=2")).ReadAsync<ForecastResponse>();
            Assert.Equal(expected.Points.Select(p => (p.Timestamp, p.Value)), actual.Points.Select(p => (p.Timestamp, p.Value)));
        }
    }

    [Fact]
    public async Task A_json_member_s_covariates_are_stored_in_the_first_member_s_order_with_their_known_future()
    {
        var collection = await (await client.PostJsonAsync("/api/collections", Grunfeld.Json(future: 3))).ReadAsync<CollectionResponse>();

        var members = await (await client.GetAsync($"/api/collections/{collection.Id}/series?pageSize=20")).ReadAsync<PagedList<CollectionMemberItem>>();
        var second = await (await client.GetAsync($"/api/series/{members.Items.Single(m => m.Key == Grunfeld.Firms[1]).Id}?includeValues=true")).ReadAsync<SeriesResponse>();
        Assert.Equal(["market", "capital"], second.Covariates.Select(c => c.Name));
        Assert.All(second.Covariates, c => Assert.Equal((3, "1954-01-01"), (c.FuturePeriods, c.KnownUntil)));
        Assert.Equal(Grunfeld.Column(Grunfeld.Firms[1], 4), second.Covariates[1].Values);
    }

    [Fact]
    public async Task A_past_only_covariate_of_every_member_is_read_by_the_global_lstm_in_its_windows_and_left_out_by_arima()
    {
        var collection = await (await client.PostAsync("/api/collections?name=grunfeld&pastOnly=capital",
            new StringContent(Grunfeld.Csv(future: 0), System.Text.Encoding.UTF8, "text/csv"))).ReadAsync<CollectionResponse>();

        var lstm = await TrainingFlow.TrainCollectionAsync(client, collection.Id, Grunfeld.TinyLstm);
        var arima = await TrainingFlow.TrainCollectionAsync(client, collection.Id, Grunfeld.Arima);

        Assert.Contains(lstm.Choices, c => c.StartsWith("covariates: the network reads market at every step of a member's window and at each of the 4 steps it forecasts at once, reads capital (past-only) at every step", StringComparison.Ordinal));
        Assert.Contains(arima.Choices, c => c.StartsWith("Past-only covariates not used (capital): arima needs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_global_lstm_on_grunfeld_reads_each_firm_s_covariates_and_forecasts_whole_blocks_of_their_known_future()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(client, Grunfeld.Csv(future: 4));

        var run = await TrainingFlow.TrainCollectionAsync(client, collection.Id, Grunfeld.TinyLstm);
        var twoYears = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?series=US-Steel&horizon=2")).ReadAsync<ForecastResponse>();
        var pastTheFuture = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?series=US-Steel&horizon=5")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.True(run.Status == Domain.Runs.TrainingRunStatus.Succeeded, run.Error);
        Assert.Contains(run.Choices, c => c.StartsWith("covariates: the network reads market, capital at every step of a member's window and at each of the 4 steps it forecasts at once", StringComparison.Ordinal));
        Assert.Equal(["1951-01-01", "1952-01-01"], twoYears.Points.Select(p => p.Timestamp));
        Assert.Contains("Member 'US-Steel': the covariate 'market' has no value for 1955-01-01, step 5 of the forecast from 1951-01-01 (the model forecasts 4 steps at once",
            problem(pastTheFuture), StringComparison.Ordinal);

        static string problem(System.Text.Json.JsonElement p) => p.GetProperty("detail").GetString()!;
    }
}
