using Forecast.Training.Methods;
using Forecast.Training.Methods.Auto;

namespace Forecast.Training.Tests.Methods.Auto;

public sealed class AutoMethodTests
{
    private static readonly double[] AirPassengers = [.. Simple.SimpleMethodsAgainstRTests.ReadSeries("airpassengers")];

    // Two tests read the same fit of air passengers' first 11 years: it fits every candidate four times.
    private static readonly Lazy<FittedMethod> ElevenYears = new(() => FitAuto(AirPassengers[..132]));

    private static FittedMethod FitAuto(IReadOnlyList<double> history, int period = 12, int horizon = 12) =>
        ForecastingMethods.Statistical(AutoMethod.MethodName)!.Fit(new FitInput(history, period, horizon), CancellationToken.None);

    [Fact]
    public void Rolling_origins_are_up_to_three_windows_of_the_horizon_at_the_history_end_each_with_enough_points_before_it()
    {
        Assert.Equal([108, 96, 84], RollingOrigins.Of(120, 12, 12));
        // Two seasons and two points before an origin: 26 monthly.
        Assert.Equal([38, 26], RollingOrigins.Of(50, 12, 12));
        Assert.Empty(RollingOrigins.Of(37, 12, 12));
        Assert.Equal([20, 10], RollingOrigins.Of(30, 10, 1));
    }

    [Fact]
    public void It_picks_the_candidate_whose_windows_erred_least_and_forecasts_as_that_method_fitted_alone()
    {
        var history = AirPassengers[..132];

        var fitted = ElevenYears.Value;

        var state = AutoMethod.Read(fitted.State);
        Assert.Equal(["ets", "arima", "theta", "snaive"], state.Scores.Select(s => s.Method));
        Assert.Equal(state.Scores.MinBy(s => s.Score)!.Method, state.Method);
        // Air passengers grows and its season grows with it: a year-old season is the worst forecast of the four.
        Assert.Equal("snaive", state.Scores.MaxBy(s => s.Score)!.Method);
        var alone = ForecastingMethods.Statistical(state.Method)!.Fit(new FitInput(history, 12, 12), CancellationToken.None);
        Assert.Equal(alone.Model.PointForecast(history, 12), fitted.Model.PointForecast(history, 12));
        Assert.StartsWith($"auto: picked {state.Method}, whose forecasts of the last 3 windows of 12 points", fitted.Choices[0]);
        Assert.Equal(alone.Choices, fitted.Choices.Skip(1));
    }

    [Fact]
    public void A_candidates_score_is_its_mean_scaled_error_over_the_windows_each_forecast_from_a_fit_of_the_points_before_it()
    {
        var history = AirPassengers[..132];
        var theta = ForecastingMethods.Statistical("theta")!;

        var scores = AutoMethod.Read(ElevenYears.Value.State).Scores;

        var expected = RollingOrigins.Of(history.Length, 12, 12).Average(origin =>
        {
            var before = history[..origin];
            var forecast = theta.Fit(new FitInput(before, 12, 12), CancellationToken.None).Model.PointForecast(before, 12);
            var scale = Enumerable.Range(12, origin - 12).Average(t => Math.Abs(before[t] - before[t - 12]));
            return forecast.Select((f, k) => Math.Abs(f - history[origin + k])).Average() / scale;
        });
        Assert.Equal(expected, scores.Single(s => s.Method == "theta").Score, 12);
    }

    [Fact]
    public void A_seasonal_series_of_flat_seasons_picks_seasonal_naive_where_it_is_exact()
    {
        var season = new[] { 10.0, 14, 9, 30, 22, 11, 8, 15, 19, 12, 25, 17 };
        var history = Enumerable.Range(0, 96).Select(t => season[t % 12]).ToArray();

        var state = AutoMethod.Read(FitAuto(history).State);

        Assert.Equal(0, state.Scores.Single(s => s.Method == "snaive").Score, 9);
        Assert.All(state.Scores, s => Assert.True(s.Score >= 0));
        Assert.Equal(0, state.Scores.Single(s => s.Method == state.Method).Score, 9);
    }

    [Fact]
    public void A_history_too_short_for_any_window_is_forecast_by_theta_and_the_choices_say_why()
    {
        double[] history = [3, 4, 2, 5, 4, 6, 5, 7];

        var fitted = FitAuto(history, period: 1, horizon: 4);

        Assert.Equal(("theta", 0), (AutoMethod.Read(fitted.State).Method, AutoMethod.Read(fitted.State).Scores.Count));
        Assert.Contains("8 points leave no window of 4 with 10 points before it", fitted.Choices[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_with_several_seasons_tries_mstl_theta_and_seasonal_naive()
    {
        var hourly = Enumerable.Range(0, 24 * 7 * 5).Select(t => 100 + 10 * Math.Sin(2 * Math.PI * t / 24) + 5 * Math.Sin(2 * Math.PI * t / 168) + (t * 7919 % 13) / 13.0).ToArray();

        var fitted = ForecastingMethods.Statistical(AutoMethod.MethodName)!.Fit(new FitInput(hourly, 168, 24) { SeasonalPeriods = [24, 168] }, CancellationToken.None);

        Assert.Equal(["mstl", "theta", "snaive"], AutoMethod.Read(fitted.State).Scores.Select(s => s.Method));
    }

    [Fact]
    public void A_state_that_names_no_candidate_is_refused()
    {
        var state = System.Text.Json.JsonSerializer.SerializeToElement(new { method = "auto", state = new { }, scores = Array.Empty<object>() });

        Assert.Throws<ArgumentException>(() => AutoMethod.Read(state));
    }
}
