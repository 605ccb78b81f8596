using System.Net;
using Forecast.Api.Contracts;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Series;
using Forecast.Training.Intervals;
using Forecast.Training.Methods;

namespace Forecast.Api.Tests;

/// <summary>A series uploaded with a covariate and its known future, an arima model regressing on it, and its forecasts.</summary>
public class CovariateTests(ForecastApiFactory factory) : IClassFixture<ForecastApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task A_csv_with_a_covariate_column_and_rows_past_the_last_value_stores_the_covariate_and_how_far_it_is_known()
    {
        var series = await UsMacro.UploadAsync(client, future: 4);

        var read = await (await client.GetAsync($"/api/series/{series.Id}")).ReadAsync<SeriesResponse>();
        Assert.Equal((UsMacro.Quarters.Length - 4, "2008-07-01"), (read.Count, read.End));
        Assert.Equal([new SeriesCovariate("realdpi", "2009-07-01", 4)], read.Covariates);
    }

    [Fact]
    public async Task A_json_upload_takes_covariates_as_named_arrays_running_past_the_values()
    {
        var response = await client.PostJsonAsync("/api/series", new
        {
            name = "json-covariates",
            start = "2024-01-01",
            frequency = "monthly",
            values = new[] { 1.0, 2, 3, 4 },
            covariates = new Dictionary<string, double[]> { ["price"] = [9, 8, 7, 6, 5, 4], ["promo"] = [0, 1, 0, 1] },
        });

        var series = await response.ReadAsync<SeriesResponse>();
        Assert.Equal([new SeriesCovariate("price", "2024-06-01", 2), new SeriesCovariate("promo", "2024-04-01", 0)], series.Covariates);
    }

    [Fact]
    public async Task A_past_only_covariate_is_listed_as_such_and_an_arima_run_regresses_on_the_others_alone_and_says_why()
    {
        var response = await client.PostJsonAsync("/api/series", new
        {
            name = "past-only",
            start = "1959-01-01",
            frequency = "quarterly",
            values = UsMacro.Realcons[..^4],
            covariates = new Dictionary<string, double[]> { ["realdpi"] = UsMacro.Realdpi, ["measured"] = UsMacro.Realdpi[..^4] },
            pastOnly = new[] { "measured" },
        });
        var series = await response.ReadAsync<SeriesResponse>();

        var run = await TrainingFlow.TrainAsync(client, series.Id, UsMacro.Arima);
        var forecast = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=4")).ReadAsync<ForecastResponse>();

        Assert.Equal([new SeriesCovariate("realdpi", "2009-07-01", 4), new SeriesCovariate("measured", "2008-07-01", 0, PastOnly: true)], series.Covariates);
        Assert.Contains(run.Choices, c => c.StartsWith("Past-only covariates not used (measured): arima needs every covariate's value at each step it forecasts", StringComparison.Ordinal));
        Assert.Contains(run.Choices, c => c.StartsWith("Regression with ARIMA errors", StringComparison.Ordinal) && c.Contains("realdpi", StringComparison.Ordinal));
        Assert.Equal(4, forecast.Points.Count);
    }

    [Fact]
    public async Task An_arima_run_regresses_on_the_covariate_and_forecasts_with_its_stored_future_as_far_as_it_reaches()
    {
        var series = await UsMacro.UploadAsync(client, future: 4);
        var run = await TrainingFlow.TrainAsync(client, series.Id, UsMacro.Arima);

        Assert.Contains(run.Choices, c => c.StartsWith("Regression with ARIMA errors", StringComparison.Ordinal) && c.Contains("realdpi", StringComparison.Ordinal));
        var forecast = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=4")).ReadAsync<ForecastResponse>();
        Assert.Equal(["2008-10-01", "2009-01-01", "2009-04-01", "2009-07-01"], forecast.Points.Select(p => p.Timestamp));
        var problem = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=6")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("'realdpi' has no value for 2009-10-01, step 5 of the forecast from 2008-10-01", detail, StringComparison.Ordinal);
        Assert.Equal("covariates", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_lstm_run_reads_the_covariate_and_forecasts_with_its_stored_future_or_a_request_s()
    {
        var series = await UsMacro.UploadAsync(client, future: 4);
        var run = await TrainingFlow.TrainAsync(client, series.Id, UsMacro.TinyLstm);

        Assert.Contains(run.Choices, c => c.StartsWith("covariates: the network reads realdpi", StringComparison.Ordinal));
        var stored = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=4&level=80")).ReadAsync<ForecastResponse>();
        Assert.Equal("2009-07-01", stored.Points[^1].Timestamp);
        Assert.All(stored.Points, p => Assert.True(p.Intervals![0].Lower < p.Value && p.Value < p.Intervals[0].Upper));
        await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=5")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var requested = await (await client.PostJsonAsync($"/api/models/{run.ModelId}/forecast",
            new { horizon = 4, covariates = new { realdpi = UsMacro.Realdpi[^4..] } })).ReadAsync<ForecastResponse>();
        Assert.Equal(stored.Points.Select(p => p.Value), requested.Points.Select(p => p.Value));
        var richer = await (await client.PostJsonAsync($"/api/models/{run.ModelId}/forecast",
            new { horizon = 4, covariates = new { realdpi = UsMacro.Realdpi[^4..].Select(v => v * 1.1).ToArray() } })).ReadAsync<ForecastResponse>();
        Assert.NotEqual(stored.Points[0].Value, richer.Points[0].Value);
    }

    [Fact]
    public async Task A_covariate_model_is_backtested_measured_live_checked_for_anomalies_and_diagnosed_with_the_stored_covariates()
    {
        var series = await UsMacro.UploadAsync(client, future: 0);
        var run = await TrainingFlow.TrainAsync(client, series.Id, UsMacro.Arima);

        var backtest = await (await client.PostJsonAsync($"/api/models/{run.ModelId}/backtests", new { windows = 3 })).ReadAsync<Forecast.Training.Evaluation.Backtest>();
        Assert.Equal(3, backtest.Windows.Count);
        var live = await (await client.GetAsync($"/api/models/{run.ModelId}/accuracy")).ReadAsync<LiveAccuracyResponse>();
        Assert.Equal(8, live.Origins.Count);
        var anomalies = await (await client.GetAsync($"/api/series/{series.Id}/anomalies?modelId={run.ModelId}")).ReadAsync<AnomaliesResponse>();
        Assert.Equal(run.ModelId, anomalies.ModelId);
        var residuals = await (await client.GetAsync($"/api/models/{run.ModelId}/residual-diagnostics")).ReadAsync<ResidualDiagnosticsResponse>();
        Assert.True(residuals.ResidualCount > 100, $"{residuals.ResidualCount} residuals");
    }

    [Fact]
    public async Task The_series_diagnostics_cross_correlate_each_covariate_with_the_series_over_its_history_alone()
    {
        var series = await UsMacro.UploadAsync(client, future: 4);

        var diagnostics = await (await client.GetAsync($"/api/series/{series.Id}/diagnostics?nlags=8")).ReadAsync<SeriesDiagnosticsResponse>();

        var correlation = Assert.Single(diagnostics.CrossCorrelations);
        Assert.Equal(("realdpi", 199, 198), (correlation.Covariate, correlation.Levels!.Count, correlation.Differences!.Count));
        Assert.Equal(Enumerable.Range(-8, 17), correlation.Levels.Points.Select(p => p.Lag));
        Assert.Contains(diagnostics.Interpretation, finding => finding.StartsWith("'realdpi': its changes correlate most", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_residuals_of_a_model_without_the_covariate_correlate_with_its_changes_and_those_of_the_regression_on_it_do_not()
    {
        var series = await UsMacro.UploadAsync(client, future: 0);
        var ets = await TrainingFlow.TrainAsync(client, series.Id, new { method = "ets", testSize = 8, seasonalPeriod = 4 });
        var arima = await TrainingFlow.TrainAsync(client, series.Id, UsMacro.Arima);

        var withoutIt = await ResidualDiagnosticsAsync(ets.ModelId!.Value);
        var onIt = await ResidualDiagnosticsAsync(arima.ModelId!.Value);

        double AtLagZero(ResidualDiagnosticsResponse r) => Math.Abs(r.CrossCorrelations.Single().Changes!.Points.Single(p => p.Lag == 0).Value);
        var bound = withoutIt.CrossCorrelations.Single().Changes!.Bound;
        Assert.True(AtLagZero(withoutIt) > bound && AtLagZero(onIt) < bound, $"lag 0: ets {AtLagZero(withoutIt)}, arima {AtLagZero(onIt)}, band {bound}");
        Assert.Contains("'realdpi': its changes correlate with the residuals at lag 0", withoutIt.Interpretation, StringComparison.Ordinal);
    }

    private async Task<ResidualDiagnosticsResponse> ResidualDiagnosticsAsync(Guid model) =>
        await (await client.GetAsync($"/api/models/{model}/residual-diagnostics")).ReadAsync<ResidualDiagnosticsResponse>();

    [Fact]
    public async Task A_method_that_cannot_use_covariates_fits_the_target_alone_and_says_so()
    {
        var series = await UsMacro.UploadAsync(client, future: 4);

        var run = await TrainingFlow.TrainAsync(client, series.Id, new { method = "ets", testSize = 8, seasonalPeriod = 4 });

        Assert.Contains("Covariates not used (realdpi): ets forecasts from the target's own past; arima, lstm and the ensemble's network use covariates.", run.Choices);
    }

    [Fact]
    public async Task A_forecast_request_gives_the_covariate_future_values_beyond_the_stored_ones()
    {
        var series = await UsMacro.UploadAsync(client, future: 4);
        var run = await TrainingFlow.TrainAsync(client, series.Id, UsMacro.Arima);
        var stored = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=4")).ReadAsync<ForecastResponse>();
        double[] future = [.. UsMacro.Realdpi[^4..], 9950, 10000, 10050, 10100];

        var response = await client.PostJsonAsync($"/api/models/{run.ModelId}/forecast", new { horizon = 8, covariates = new { realdpi = future } });

        var forecast = await response.ReadAsync<ForecastResponse>();
        Assert.Equal(8, forecast.Points.Count);
        Assert.Equal("2010-07-01", forecast.Points[^1].Timestamp);
        // The stored future and the request's agree on the first four quarters, and so do the forecasts.
        Assert.Equal(stored.Points.Select(p => p.Value), forecast.Points.Take(4).Select(p => p.Value));
    }

    [Fact]
    public async Task An_arima_fit_through_the_api_scores_the_MASE_the_arima_xreg_benchmark_scores_on_the_same_split()
    {
        var series = await UsMacro.UploadAsync(client, future: 0);
        var run = await TrainingFlow.TrainAsync(client, series.Id, UsMacro.Arima);
        var model = await (await client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<ModelResponse>();

        // As ArimaXregBenchmark scores it: fitted on all but the last 8 quarters, forecast with realdpi's actual values there.
        var (values, covariates) = (UsMacro.Realcons, new Covariates([new Covariate("realdpi", UsMacro.Realdpi)]));
        var history = values[..^8];
        var fitted = ForecastingMethods.Statistical("arima")!.Fit(new FitInput(history, 4, 8) { Covariates = covariates }, CancellationToken.None);
        var forecast = fitted.Model.ForecastAfter(history, covariates, 8, IntervalLevels.None).Select(s => s.Value).ToArray();
        var benchmark = AccuracyMetrics.Compute(values[^8..], forecast, AccuracyMetrics.MaseScale(history, 4)).Mase;

        Assert.Equal(benchmark, model.Metrics.Mase);
    }
}
