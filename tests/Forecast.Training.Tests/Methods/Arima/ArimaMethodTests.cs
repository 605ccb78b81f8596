using System.Text.Json;
using Forecast.Training.Intervals;
using Forecast.Training.Methods;
using Forecast.Training.Methods.Arima;

namespace Forecast.Training.Tests.Methods.Arima;

/// <summary>The method's fits of five tourism histories, made once for the tests that share them.</summary>
public sealed class TourismArimaFits
{
    /// <summary>
    /// Monthly and quarterly, with and without a seasonal difference, with drift, a mean and no constant, and both of
    /// R's search modes: M3 and M9 (n = 240) are searched by CSS, the quarterly ones by exact likelihood.
    /// </summary>
    public static readonly string[] Keys = ["M3", "M9", "Q1", "Q2", "Q8"];

    private readonly Dictionary<string, FittedMethod> _fits = Keys.ToDictionary(key => key, key =>
    {
        var series = TourismReference.Get(key);
        return new ArimaMethod().Fit(new FitInput(series.History, series.Period, series.Actual.Length), CancellationToken.None);
    });

    public FittedMethod this[string key] => _fits[key];
}

public sealed class ArimaMethodTests(TourismArimaFits fits) : IClassFixture<TourismArimaFits>
{
    public static TheoryData<string> Keys => new(TourismArimaFits.Keys);

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_tourism_history_gets_Rs_model_AICc_and_forecasts(string key)
    {
        var series = TourismReference.Get(key);
        var reference = TourismReference.ModelOf(key);
        var fitted = fits[key];
        var state = fitted.State;

        Assert.Equal(reference.Arima + (reference.ArimaDrift ? " with drift" : ""), Label(state));
        // R prints its AICc to the hundredth; our optimiser stops within a thousandth of R's optimum.
        Assert.Equal(reference.ArimaAicc, state.GetProperty("aicc").GetDouble(), 0.01);
        var forecast = fitted.Model.PointForecast(series.History, series.Actual.Length);
        var expected = TourismReference.ForecastOf(key, "arima");
        // Relative 1e-3: what coefficients agreeing with R's to about 1e-4 leave of a 24-step forecast.
        Assert.All(expected.Zip(forecast), pair => Assert.Equal(pair.First, pair.Second, Math.Abs(pair.First) * 1e-3));
    }

    [Fact]
    public void The_choices_name_the_model_the_differences_the_search_and_the_AICc()
    {
        var choices = fits["M3"].Choices;

        Assert.StartsWith("ARIMA(1,0,2)(0,1,1)[12] with drift: the lowest AICc (4710.36) of ", choices[0], StringComparison.Ordinal);
        Assert.Contains("conditional sums of squares", choices[0], StringComparison.Ordinal);
        Assert.Contains(choices, c => c.StartsWith("D = 1: the seasonal strength", StringComparison.Ordinal));
        Assert.Contains(choices, c => c.StartsWith("d = 0: the KPSS test", StringComparison.Ordinal));
        Assert.Contains(choices, c => c.Contains("drift 112.4", StringComparison.Ordinal));
    }

    [Fact]
    public void A_forecast_from_an_earlier_origin_sees_nothing_after_it()
    {
        var series = TourismReference.Get("M3");
        var model = fits["M3"].Model;
        var whole = series.History.Concat(series.Actual).ToArray();
        var altered = whole.Select((v, i) => i < 200 ? v : v * 3 + 1000).ToArray();

        var fromWhole = model.Forecast(whole, [150, 200], 12, IntervalLevels.Default);
        var fromAltered = model.Forecast(altered, [150, 200], 12, IntervalLevels.Default);
        var fromCut = model.Forecast(whole[..200], [200], 12, IntervalLevels.Default);

        Assert.Equal(Flatten(fromWhole), Flatten(fromAltered));
        Assert.Equal(Flatten([fromWhole[1]]), Flatten(fromCut));
    }

    [Fact]
    public void A_later_origin_of_a_longer_series_forecasts_from_the_points_appended()
    {
        var series = TourismReference.Get("Q1");
        var model = fits["Q1"].Model;
        var whole = series.History.Concat(series.Actual).ToArray();

        var atEnd = model.PointForecast(whole, 4);
        var atHistoryEnd = model.PointForecast(series.History, 4);

        Assert.NotEqual(atHistoryEnd, atEnd);
        Assert.Equal(model.PointForecasts(whole, [whole.Length], 4)[0], atEnd);
    }

    [Fact]
    public void A_restored_model_forecasts_bit_identically()
    {
        var series = TourismReference.Get("M3");
        var fitted = fits["M3"];
        var stored = JsonDocument.Parse(fitted.State.GetRawText()).RootElement;

        var restored = new ArimaMethod().Restore(stored, series.Period);

        int[] origins = [50, 120, series.History.Length];
        Assert.Equal(Flatten(fitted.Model.Forecast(series.History, origins, 24, IntervalLevels.Default)),
            Flatten(restored.Forecast(series.History, origins, 24, IntervalLevels.Default)));
        Assert.Equal(Flatten([fitted.Model.OneStepAhead(series.History, 13, 240, IntervalLevels.Default)]),
            Flatten([restored.OneStepAhead(series.History, 13, 240, IntervalLevels.Default)]));
    }

    [Fact]
    public void One_step_predictions_are_the_one_step_forecasts_from_each_origin()
    {
        var series = TourismReference.Get("Q2");
        var model = fits["Q2"].Model;
        var origins = Enumerable.Range(30, 20).ToArray();

        var oneStep = model.OneStepAhead(series.History, 30, 50, IntervalLevels.Default);
        var forecasts = model.Forecast(series.History, origins, 1, IntervalLevels.Default).Select(f => f[0]).ToArray();

        Assert.Equal(forecasts.Length, oneStep.Count);
        Assert.All(forecasts.Zip(oneStep), pair =>
        {
            Assert.Equal(pair.First.Value, pair.Second.Value, Math.Abs(pair.First.Value) * 1e-12);
            Assert.Equal(pair.First.Intervals![1].Upper, pair.Second.Intervals![1].Upper, Math.Abs(pair.First.Value) * 1e-12);
        });
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Intervals_widen_with_the_horizon(string key)
    {
        var series = TourismReference.Get(key);

        var steps = fits[key].Model.ForecastAfter(series.History, 24, IntervalLevels.Default);

        foreach (var level in new[] { 0, 1 })
        {
            var widths = steps.Select(s => s.Intervals![level].Upper - s.Intervals![level].Lower).ToArray();
            Assert.All(widths.Zip(widths.Skip(1)), pair => Assert.True(pair.Second >= pair.First, $"{pair.Second} < {pair.First}"));
            Assert.True(widths[^1] > widths[0]);
        }
    }

    [Fact]
    public void An_origin_before_the_points_the_differencing_needs_is_refused()
    {
        var series = TourismReference.Get("Q2");
        var model = fits["Q2"].Model;

        Assert.Equal(5, model.FirstPredictable);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Forecast(series.History, [4], 4, IntervalLevels.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Forecast(series.History, [series.History.Length + 1], 4, IntervalLevels.None));
    }

    [Fact]
    public void A_constant_history_forecasts_its_value_and_says_so()
    {
        var fitted = new ArimaMethod().Fit(new FitInput(Enumerable.Repeat(42.0, 30).ToArray(), 12, Horizon: 3), CancellationToken.None);

        var steps = fitted.Model.ForecastAfter(Enumerable.Repeat(42.0, 30).ToArray(), 3, IntervalLevels.Default);

        Assert.StartsWith("A constant history", fitted.Choices[0], StringComparison.Ordinal);
        Assert.All(steps, s => Assert.Equal(42.0, s.Value));
        Assert.All(steps, s => Assert.Equal(s.Intervals![1].Lower, s.Intervals![1].Upper));
    }

    [Theory]
    [InlineData(new[] { 5.0, 7.0 })]
    [InlineData(new[] { 5.0 })]
    [InlineData(new double[0])]
    [InlineData(new[] { 1.0, double.NaN, 3.0, 4.0 })]
    public void A_history_too_short_or_odd_to_search_still_gets_a_model_that_forecasts(double[] history)
    {
        var fitted = new ArimaMethod().Fit(new FitInput(history, 4, Horizon: 4), CancellationToken.None);

        var series = history.Length == 0 ? [1.0] : history;
        var steps = fitted.Model.ForecastAfter(series, 4, IntervalLevels.Default);

        Assert.NotEmpty(fitted.Choices);
        Assert.All(steps, s => Assert.True(double.IsFinite(s.Value)));
    }

    [Fact]
    public void A_fit_whose_history_cannot_be_searched_names_its_fallback()
    {
        var fitted = new ArimaMethod().Fit(new FitInput([1.0, double.NaN, 3.0, 4.0], 4, Horizon: 4), CancellationToken.None);

        Assert.StartsWith("Fallback: the history has values that are not finite numbers", fitted.Choices[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_fit_stops_between_candidate_models()
    {
        var series = TourismReference.Get("Q1");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new ArimaMethod().Fit(new FitInput(series.History, series.Period, series.Actual.Length), cancelled.Token));
    }

    private static string Label(JsonElement state)
    {
        var order = state.GetProperty("order").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var seasonal = state.GetProperty("seasonalOrder").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var label = $"ARIMA({order[0]},{order[1]},{order[2]})";
        if (seasonal.Any(o => o != 0))
        {
            label += $"({seasonal[0]},{seasonal[1]},{seasonal[2]})[{state.GetProperty("period").GetInt32()}]";
        }
        return label + (state.GetProperty("constant").GetString() == "drift" ? " with drift" : "");
    }

    private static double[] Flatten(IReadOnlyList<ForecastStep>[] forecasts) =>
        forecasts.SelectMany(f => f).SelectMany(s => new[] { s.Value }.Concat(s.Intervals!.SelectMany(i => new[] { i.Lower, i.Upper }))).ToArray();
}
