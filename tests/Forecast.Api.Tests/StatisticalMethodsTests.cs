using System.Net;
using Forecast.Api.Contracts;
using Forecast.Domain.Evaluation;
using Forecast.Training.Methods;
using Forecast.Training.Methods.Auto;

namespace Forecast.Api.Tests;

/// <summary>Runs of the statistical methods on a series, through the same endpoints as a network's, and what they refuse.</summary>
public class StatisticalMethodsTests(ForecastApiFactory factory) : IClassFixture<ForecastApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    // auto fits every candidate before each of three windows, arima among them, so it has its own test on a shorter series.
    public static TheoryData<string> StatisticalMethods() =>
        [.. ForecastingMethods.All.OfType<IStatisticalMethod>().Select(m => m.Name).Where(name => name != AutoMethod.MethodName)];

    private async Task<(SeriesResponse Series, TrainingRunResponse Run)> FitAsync(string method, string file = "airpassengers.csv")
    {
        var series = await TrainingFlow.UploadAsync(client, file, $"{method}-{Guid.NewGuid():N}");
        return (series, await TrainingFlow.TrainAsync(client, series.Id, new { method, testSize = 12 }));
    }

    [Theory]
    [MemberData(nameof(StatisticalMethods))]
    public async Task Every_statistical_method_fits_a_series_and_is_scored_beside_the_baselines_on_its_test_tail(string method)
    {
        var (_, run) = await FitAsync(method);

        var model = await (await client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<ModelResponse>();
        Assert.Equal((method, method), (run.Hyperparameters.Method, model.Method));
        Assert.Null(model.Transform);
        Assert.Equal((1, 1), (run.Progress.Epoch, run.Progress.TotalEpochs));
        Assert.NotEmpty(run.Choices);
        var evaluation = await (await client.GetAsync($"/api/models/{run.ModelId}/evaluation")).ReadAsync<EvaluationResponse>();
        Assert.Equal(12, evaluation.Points.Count);
        Assert.All(evaluation.Points, p => Assert.Equal([80.0, 95.0], p.Intervals.Select(i => i.Level)));
        Assert.Equal(model.Metrics, evaluation.MultiStep);
        Assert.Equal(model.Baselines.SeasonalNaive, evaluation.Baselines.SeasonalNaive);
    }

    [Fact]
    public async Task An_auto_run_on_a_series_says_what_it_picked_and_how_each_candidate_scored_and_forecasts_by_its_pick()
    {
        var values = TourismCsv.QuarterlyValues("Q1").Take(40).ToArray();
        var csv = "date,value\n" + string.Concat(values.Select((v, t) => FormattableString.Invariant($"{new DateOnly(2000, 1, 1).AddMonths(3 * t):yyyy-MM-dd},{v}\n")));
        var series = await (await client.PostCsvAsync(csv, "?name=auto-quarters")).ReadAsync<SeriesResponse>();

        var run = await TrainingFlow.TrainAsync(client, series.Id, new { method = "auto", testSize = 4 });

        var model = await (await client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<ModelResponse>();
        Assert.Equal(("auto", "auto"), (run.Hyperparameters.Method, model.Method));
        var history = values[..^4];
        var picked = AutoMethod.Read(new AutoMethod().Fit(new FitInput(history, 4, 4), CancellationToken.None).State);
        var said = Assert.Single(run.Choices, c => c.StartsWith("auto: picked ", StringComparison.Ordinal));
        Assert.StartsWith($"auto: picked {picked.Method}, whose forecasts of the last 3 windows of 4 points", said);
        Assert.Equal(["ets", "arima", "theta", "snaive"], picked.Scores.Select(s => s.Method));
        Assert.All(picked.Scores, s => Assert.Contains($"{s.Method} ", said, StringComparison.Ordinal));
        var evaluation = await (await client.GetAsync($"/api/models/{run.ModelId}/evaluation")).ReadAsync<EvaluationResponse>();
        var alone = ForecastingMethods.Statistical(picked.Method)!.Fit(new FitInput(history, 4, 4), CancellationToken.None).Model;
        Assert.Equal(alone.PointForecast(history, 4), evaluation.Points.Select(p => p.MultiStep));
    }

    [Fact]
    public async Task A_theta_model_forecasts_what_Theta_forecasts_and_answers_every_read_a_network_answers()
    {
        var (series, run) = await FitAsync("theta");
        var values = File.ReadLines(ApiClient.DataFile("airpassengers.csv")).Skip(1).Select(line => double.Parse(line.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var evaluation = await (await client.GetAsync($"/api/models/{run.ModelId}/evaluation")).ReadAsync<EvaluationResponse>();
        Assert.Equal(Theta.Forecast(values[..^12], 12, 12), evaluation.Points.Select(p => p.MultiStep));
        var forecast = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=24&level=90")).ReadAsync<ForecastResponse>();
        Assert.Equal(Theta.Forecast(values, 24, 12), forecast.Points.Select(p => p.Value));
        Assert.All(forecast.Points, p => Assert.InRange(p.Value, p.Intervals![0].Lower, p.Intervals[0].Upper));

        var backtest = await (await client.PostJsonAsync($"/api/models/{run.ModelId}/backtests", new { windows = 3 })).ReadAsync<Forecast.Training.Evaluation.Backtest>();
        Assert.Equal(3, backtest.Windows.Count);
        // Theta refits at every origin, so its backtest forecasts are the Theta baseline's.
        Assert.All(backtest.Windows, w => Assert.Equal(w.ThetaPredicted, w.Predicted));
        Assert.Equal(200, (int)(await client.GetAsync($"/api/models/{run.ModelId}/accuracy")).StatusCode);
        var anomalies = await (await client.GetAsync($"/api/series/{series.Id}/anomalies?modelId={run.ModelId}&level=80")).ReadAsync<AnomaliesResponse>();
        Assert.Equal(run.ModelId, anomalies.ModelId);
        var residuals = await (await client.GetAsync($"/api/models/{run.ModelId}/residual-diagnostics")).ReadAsync<ResidualDiagnosticsResponse>();
        Assert.Equal(values.Length - 12 - 3, residuals.ResidualCount);
    }

    [Fact]
    public async Task The_model_list_filters_by_method()
    {
        var (_, theta) = await FitAsync("theta");
        var (_, naive) = await FitAsync("naive");

        var thetas = await (await client.GetAsync("/api/models?method=theta&pageSize=100")).ReadAsync<PagedList<ModelListItem>>();

        Assert.Contains(thetas.Items, m => m.Id == theta.ModelId);
        Assert.DoesNotContain(thetas.Items, m => m.Id == naive.ModelId);
        Assert.All(thetas.Items, m => Assert.Equal("theta", m.Method));
        var problem = await (await client.GetAsync("/api/models?method=prophet")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("method", problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("{\"method\": \"prophet\"}", "method")]
    [InlineData("{\"method\": \"ets\", \"lookback\": 24}", "lookback")]
    [InlineData("{\"method\": \"theta\", \"transform\": \"log\"}", "transform")]
    [InlineData("{\"method\": \"naive\", \"seed\": 3}", "seed")]
    [InlineData("{\"method\": \"snaive\", \"warmStartFrom\": {\"modelId\": \"0195f2d4-0000-7000-8000-000000000000\"}}", "warmStartFrom")]
    [InlineData("{\"method\": \"drift\", \"testSize\": 0}", "testSize")]
    public async Task A_method_that_does_not_exist_or_a_field_that_is_not_its_own_is_refused_naming_the_field_and_queues_nothing(string body, string field)
    {
        var series = await TrainingFlow.UploadAsync(client, "nottem.csv", $"refused-{Guid.NewGuid():N}");

        var response = await client.PostAsync($"/api/series/{series.Id}/training-runs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        var runs = await (await client.GetAsync($"/api/series/{series.Id}/training-runs")).ReadAsync<PagedList<TrainingRunListItem>>();
        Assert.Empty(runs.Items);
    }
}
