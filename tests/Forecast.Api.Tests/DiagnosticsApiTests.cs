using System.Net;
using System.Text.Json;
using Forecast.Api.Contracts;
using Forecast.Domain.Series;

namespace Forecast.Api.Tests;

public class DiagnosticsApiTests(ForecastApiFactory factory) : IClassFixture<ForecastApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private static readonly JsonElement Reference = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "reference", "diagnostics-statsmodels.json"))).RootElement;

    [Theory]
    [InlineData("airpassengers.csv")]
    [InlineData("nottem.csv")]
    [InlineData("seattle-precipitation-monthly.csv")]
    [InlineData("seattle-precipitation-daily.csv")]
    public async Task The_endpoint_serves_the_numbers_statsmodels_computes(string file)
    {
        var series = await TrainingFlow.UploadAsync(client, file);
        var expected = Reference.GetProperty(file);

        var report = await (await client.GetAsync($"/api/series/{series.Id}/diagnostics?lags=10&lags=20&nlags=20"))
            .ReadAsync<SeriesDiagnosticsResponse>();

        Assert.Equal(expected.GetProperty("n").GetInt32(), report.Summary.Count);
        var adf = expected.GetProperty("adf");
        Assert.Equal(adf.GetProperty("usedlag").GetInt32(), report.Adf!.UsedLag);
        Assert.Equal(adf.GetProperty("nobs").GetInt32(), report.Adf.Observations);
        AssertRelative(adf.GetProperty("statistic").GetDouble(), report.Adf.Statistic);
        Assert.Equal(adf.GetProperty("pvalue").GetDouble(), report.Adf.PValue, 1e-4);
        var kpss = expected.GetProperty("kpss");
        Assert.Equal(kpss.GetProperty("lags").GetInt32(), report.Kpss!.Lags);
        AssertRelative(kpss.GetProperty("statistic").GetDouble(), report.Kpss.Statistic);
        Assert.Equal(kpss.GetProperty("pvalue_interpolated").GetDouble(), report.Kpss.PValue, 1e-4);
        foreach (var (lag, test) in report.LjungBox.Select(t => (t.Lag.ToString(System.Globalization.CultureInfo.InvariantCulture), t)))
        {
            AssertRelative(expected.GetProperty("ljungbox").GetProperty(lag).GetProperty("statistic").GetDouble(), test.Statistic);
        }
        var acf = expected.GetProperty("acf").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var pacf = expected.GetProperty("pacf_yw").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(acf.Length, report.Acf.Count);
        for (var k = 0; k < acf.Length; k++)
        {
            AssertRelative(acf[k], report.Acf[k].Value);
            AssertRelative(pacf[k], report.Pacf![k].Value);
        }
        Assert.Equal(series.End, report.Summary.End);
        Assert.NotEmpty(report.Interpretation);
    }

    [Fact]
    public async Task Airpassengers_is_reported_seasonal_with_period_12_and_not_stationary()
    {
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");

        var report = await (await client.GetAsync($"/api/series/{series.Id}/diagnostics")).ReadAsync<SeriesDiagnosticsResponse>();

        Assert.Equal((true, 12), (report.Seasonality.IsSeasonal, report.Seasonality.Period));
        Assert.Equal(Frequency.Monthly, report.Summary.Frequency);
        Assert.Contains(report.Interpretation, line => line.Contains("not stationary", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("?lags=0", HttpStatusCode.BadRequest, "lags")]
    [InlineData("?lags=144", HttpStatusCode.BadRequest, "lags")]
    [InlineData("?lags=ten", HttpStatusCode.BadRequest, "lags")]
    [InlineData("?nlags=0", HttpStatusCode.BadRequest, "nlags")]
    [InlineData("?nlags=100", HttpStatusCode.BadRequest, "nlags")]
    [InlineData("?alpha=1.5", HttpStatusCode.BadRequest, "alpha")]
    public async Task Bad_parameters_get_problem_details(string query, HttpStatusCode status, string mentions)
    {
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");

        var problem = await (await client.GetAsync($"/api/series/{series.Id}/diagnostics{query}")).ReadProblemAsync(status);

        Assert.Contains(mentions, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(new[] { 5.0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5 }, "constant")]
    [InlineData(new[] { 1.0, 2, 3, 4, 5 }, "at least")]
    public async Task Degenerate_series_get_a_clear_422(double[] values, string mentions)
    {
        var series = await (await client.PostJsonAsync("/api/series", new { name = "degenerate", values, start = "2024-01-01", frequency = "monthly" }))
            .ReadAsync<SeriesResponse>();

        var problem = await (await client.GetAsync($"/api/series/{series.Id}/diagnostics")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains(mentions, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_trained_model_reports_ljung_box_on_its_residuals()
    {
        var series = await TrainingFlow.UploadAsync(client, "nottem.csv");
        var run = await TrainingFlow.WaitUntilFinishedAsync(client, (await TrainingFlow.StartAsync(client, series.Id, TrainingFlow.Tiny(epochs: 3, transform: "none"))).Id);

        var report = await (await client.GetAsync($"/api/models/{run.ModelId}/residual-diagnostics")).ReadAsync<ResidualDiagnosticsResponse>();

        // nottem: 240 points, test 12, lookback 24: one-step residuals for points 24..227.
        Assert.Equal(240 - 12 - 24, report.ResidualCount);
        Assert.Equal([10, 20], report.LjungBox.Select(t => t.Lag));
        Assert.All(report.LjungBox, t => Assert.InRange(t.PValue!.Value, 0, 1));
        Assert.Equal(report.LjungBox.All(t => t.PValue >= 0.05), report.WhiteNoise);
    }

    private static void AssertRelative(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-6 * Math.Max(Math.Abs(expected), 1e-12),
            $"expected {expected}, got {actual}");
}
