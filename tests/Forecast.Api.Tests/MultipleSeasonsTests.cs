using Forecast.Api.Contracts;

namespace Forecast.Api.Tests;

/// <summary>An hourly series with a day and a week (issue #26): its default seasons, and the mstl method through HTTP.</summary>
public sealed class MultipleSeasonsTests : IDisposable
{
    private readonly ForecastApiFactory factory = new();

    private HttpClient Client => factory.CreateClient();

    private static string Csv() => HourlyWeeks.Csv(weeks: 4);

    [Fact]
    public async Task An_mstl_run_on_an_hourly_series_decomposes_the_day_and_the_week_and_forecasts_the_weekend()
    {
        var series = await (await Client.PostCsvAsync(Csv(), "?name=week")).ReadAsync<SeriesResponse>();

        var run = await TrainingFlow.TrainAsync(Client, series.Id, new { method = "mstl" });
        var model = await (await Client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<ModelResponse>();
        // From Monday 2024-01-29 00:00 to Sunday 2024-02-04 23:00.
        var forecast = await (await Client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=168&level=80")).ReadAsync<ForecastResponse>();

        Assert.Equal(("mstl", 168, 168), (run.Hyperparameters.Method, run.Hyperparameters.SeasonalPeriod, model.SeasonalPeriod));
        Assert.Equal([24, 168], run.Hyperparameters.SeasonalPeriods);
        Assert.Contains(run.Choices, c => c.StartsWith("seasonal periods 24 and 168 from the series' frequency", StringComparison.Ordinal));
        Assert.Contains(run.Choices, c => c.StartsWith("mstl: seasons of 24 and 168 decomposed by MSTL", StringComparison.Ordinal));
        var points = forecast.Points.Select(p => (Time: DateTime.Parse(p.Timestamp, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime(), p)).ToArray();
        Assert.All(points, x => Assert.Equal(HourlyWeeks.ValueAt(x.Time), x.p.Value, 3.0));
        Assert.All(points, x => Assert.InRange(x.p.Value, x.p.Intervals![0].Lower, x.p.Intervals[0].Upper));
    }

    [Fact]
    public async Task An_lstm_run_with_a_day_and_a_week_deseasonalizes_by_mstl_and_its_stored_model_forecasts_after_a_restart()
    {
        var series = await (await Client.PostCsvAsync(Csv(), "?name=week")).ReadAsync<SeriesResponse>();

        var run = await TrainingFlow.TrainAsync(Client, series.Id, new
        {
            epochs = 3, seed = 1, hiddenSize = 8, lookback = 24, testSize = 24, transform = "deseasonalize", seasonalPeriods = new[] { 24, 168 },
        });
        var url = $"/api/models/{run.ModelId}/forecast?horizon=168";
        var first = await (await Client.GetAsync(url)).ReadAsync<ForecastResponse>();
        using var restarted = factory.OnSameDatabase();
        var second = await (await restarted.CreateClient().GetAsync(url)).ReadAsync<ForecastResponse>();

        Assert.Equal(("lstm", 168), (run.Hyperparameters.Method, run.Hyperparameters.SeasonalPeriod));
        Assert.Equal([24, 168], run.Hyperparameters.SeasonalPeriods);
        Assert.Contains(run.Choices, c => c.StartsWith("seasonalPeriods 24, 168: the lstm deseasonalizes by MSTL", StringComparison.Ordinal));
        Assert.Contains(run.Choices, c => c.StartsWith("transform deseasonalize: the seasons of 24 and 168 taken out by MSTL", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Choices, c => c.Contains("models one season", StringComparison.Ordinal));
        Assert.Equal(168, second.Points.Count);
        Assert.Equal(first.Points, second.Points);
        // The weekend's 30 is in the week's season, which the forecast repeats: Saturday stands above Friday at the same hour.
        var byTime = second.Points.ToDictionary(p => DateTime.Parse(p.Timestamp, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime(), p => p.Value);
        var friday = new DateTime(2024, 2, 2, 12, 0, 0, DateTimeKind.Utc);
        Assert.InRange(byTime[friday.AddDays(1)] - byTime[friday], 15, 45);
    }

    [Fact]
    public async Task A_stored_lstm_model_without_its_seasons_forecasts_with_its_one_seasonal_period_as_before_they_were_kept()
    {
        var series = await (await Client.PostCsvAsync(Csv(), "?name=week")).ReadAsync<SeriesResponse>();
        var run = await TrainingFlow.TrainAsync(Client, series.Id, new
        {
            epochs = 3, seed = 1, hiddenSize = 8, lookback = 24, testSize = 24, transform = "deseasonalize", seasonalPeriods = new[] { 24, 168 },
        });
        var url = $"/api/models/{run.ModelId}/forecast?horizon=24";
        var withSeasons = await (await Client.GetAsync(url)).ReadAsync<ForecastResponse>();

        await factory.UpdateModelAsync(run.ModelId!.Value, m => m.Artifact = m.Artifact! with { SeasonalPeriods = null });
        using var restarted = factory.OnSameDatabase();
        var asStoredBefore = await (await restarted.CreateClient().GetAsync(url)).ReadAsync<ForecastResponse>();

        // The week's phase indices stand for MSTL's seasons: a forecast still, but another one, so the kept seasons are the ones used.
        Assert.Equal(24, asStoredBefore.Points.Count);
        Assert.All(asStoredBefore.Points, p => Assert.True(double.IsFinite(p.Value)));
        Assert.NotEqual(withSeasons.Points.Select(p => p.Value), asStoredBefore.Points.Select(p => p.Value));
    }

    [Fact]
    public async Task A_method_of_one_season_keeps_the_day_of_a_long_hourly_series_and_the_method_list_names_mstl()
    {
        var series = await (await Client.PostCsvAsync(Csv(), "?name=week")).ReadAsync<SeriesResponse>();

        var form = await (await Client.GetAsync($"/api/series/{series.Id}/hyperparameters")).ReadAsync<HyperparameterDefaultsResponse>();
        var ets = await TrainingFlow.TrainAsync(Client, series.Id, new { method = "ets" });
        var methods = await (await Client.GetAsync("/api/methods")).ReadAsync<List<MethodResponse>>();

        Assert.Equal((24, null), (form.Defaults.SeasonalPeriod, form.Defaults.SeasonalPeriods));
        Assert.Equal((24, null), (ets.Hyperparameters.SeasonalPeriod, ets.Hyperparameters.SeasonalPeriods));
        Assert.Contains(ets.Choices, c => c.Contains("mstl would model the week (168) as well", StringComparison.Ordinal));
        Assert.Equal(["testSize", "seasonalPeriod", "seasonalPeriods"], methods.Single(m => m.Name == "mstl").Fields);
    }

    public void Dispose() => factory.Dispose();
}
