using System.Text.Json;
using Forecast.Training.Intervals;
using Forecast.Training.Methods;
using Forecast.Training.Methods.Ets;

namespace Forecast.Training.Tests.Methods.Ets;

public sealed class EtsMethodTests
{
    private static readonly IntervalLevels EightyAndNinetyFive = IntervalLevels.Of([80, 95]);

    [Fact]
    public void Positive_seasonal_data_get_Rs_fifteen_candidate_forms_and_other_data_fewer()
    {
        var positive = EtsSelection.Candidates(100, 12, positive: true).Select(f => f.ToString()).ToArray();
        var nonPositive = EtsSelection.Candidates(100, 12, positive: false).ToArray();

        Assert.Equal(15, positive.Length);
        Assert.Equal("ETS(A,N,N)", positive[0]);
        Assert.DoesNotContain("ETS(A,N,M)", positive);
        Assert.Equal(["ETS(A,N,N)", "ETS(A,N,A)", "ETS(A,Ad,N)", "ETS(A,A,N)", "ETS(A,Ad,A)", "ETS(A,A,A)"], nonPositive.Select(f => f.ToString()));
        // No season with m = 1, a season longer than 24 or data no longer than one season.
        Assert.Equal(6, EtsSelection.Candidates(100, 1, positive: true).Count());
        Assert.Equal(6, EtsSelection.Candidates(100, 52, positive: true).Count());
        Assert.Equal(6, EtsSelection.Candidates(12, 12, positive: true).Count());
    }

    [Fact]
    public void Data_that_are_not_all_positive_get_neither_multiplicative_errors_nor_seasons()
    {
        // M23's history, shifted so that its smallest value is 0: R's ets() fits only additive forms to it.
        var history = TourismReference.Get("M23").History;
        var shifted = history.Select(v => v - history.Min()).ToArray();

        var form = EtsForm.Parse(EtsFixtures.FormOf(EtsFixtures.Fit(shifted, 12)));

        Assert.Equal(Component.Additive, form.Error);
        Assert.NotEqual(Component.Multiplicative, form.Season);
    }

    [Fact]
    public void A_forecast_from_an_origin_sees_nothing_after_it()
    {
        var history = TourismReference.Get("M23").History;
        var model = EtsFixtures.FitOf("M23").Model;
        var origin = history.Length - 30;
        var altered = history.Select((v, t) => t < origin ? v : v * 3).ToArray();
        var longer = history.Concat(history[..40]).ToArray();

        var fromHistory = model.Forecast(history, [origin], 12, EightyAndNinetyFive)[0];
        var fromAltered = model.Forecast(altered, [origin], 12, EightyAndNinetyFive)[0];
        var fromLonger = model.Forecast(longer, [history.Length + 5, origin], 12, EightyAndNinetyFive)[1];

        Assert.Equal(fromHistory, fromAltered, StepComparer.Instance);
        Assert.Equal(fromHistory, fromLonger, StepComparer.Instance);
        Assert.Equal(model.ForecastAfter(history[..origin], 12, EightyAndNinetyFive), fromHistory, StepComparer.Instance);
    }

    [Fact]
    public void One_step_ahead_forecasts_are_the_forecasts_one_step_from_each_origin()
    {
        var history = TourismReference.Get("Q14").History;
        var model = EtsFixtures.FitOf("Q14").Model;

        var oneStep = model.OneStepAhead(history, 10, 20, EightyAndNinetyFive);

        Assert.Equal(10, oneStep.Count);
        for (var t = 10; t < 20; t++)
        {
            Assert.Equal(model.Forecast(history, [t], 1, EightyAndNinetyFive)[0][0], oneStep[t - 10], StepComparer.Instance);
        }
    }

    [Fact]
    public void Origins_outside_the_series_are_refused()
    {
        var model = EtsFixtures.FitOf("Q14").Model;
        double[] series = [1, 2, 3];

        Assert.Throws<ArgumentOutOfRangeException>(() => model.Forecast(series, [4], 2, IntervalLevels.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.OneStepAhead(series, 2, 4, IntervalLevels.None));
        Assert.Equal(2, model.Forecast(series, [0], 2, IntervalLevels.None)[0].Count);
    }

    [Theory]
    [InlineData("M3")]   // ETS(A,N,A)
    [InlineData("M111")] // ETS(A,N,N)
    [InlineData("Q53")]  // ETS(A,A,N)
    [InlineData("Q14")]  // ETS(M,A,N)
    public void Intervals_hold_the_mean_and_widen_with_the_horizon(string key)
    {
        var forecast = EtsFixtures.FitOf(key).Model.ForecastAfter(TourismReference.Get(key).History, 24, EightyAndNinetyFive);

        foreach (var step in forecast)
        {
            var (eighty, ninetyFive) = (step.Intervals![0], step.Intervals[1]);
            Assert.True(ninetyFive.Lower < eighty.Lower && eighty.Lower < step.Value && step.Value < eighty.Upper && eighty.Upper < ninetyFive.Upper);
        }
        var widths = forecast.Select(step => step.Intervals![1].Upper - step.Intervals[1].Lower).ToArray();
        Assert.All(widths.Zip(widths.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
    }

    [Fact]
    public void A_multiplicative_seasons_intervals_widen_from_one_season_to_the_next()
    {
        // Under ETS(M,A,M) the width follows the season's level, so steps a season apart are compared, relative to their means.
        var forecast = EtsFixtures.FitOf("M23").Model.ForecastAfter(TourismReference.Get("M23").History, 36, EightyAndNinetyFive);
        var relativeWidths = forecast.Select(step => (step.Intervals![1].Upper - step.Intervals[1].Lower) / step.Value).ToArray();

        for (var h = 12; h < 36; h++)
        {
            Assert.True(relativeWidths[h] > relativeWidths[h - 12]);
        }
    }

    [Fact]
    public void A_restored_model_forecasts_bit_for_bit_as_the_fitted_one()
    {
        var fit = EtsFixtures.FitOf("M137");
        var history = TourismReference.Get("M137").History;
        // As a store keeps it: the state's JSON text.
        var stored = JsonDocument.Parse(fit.State.GetRawText()).RootElement;

        var restored = EtsFixtures.Method.Restore(stored, 12);

        Assert.Equal(fit.Model.Forecast(history, [100, history.Length], 24, EightyAndNinetyFive), restored.Forecast(history, [100, history.Length], 24, EightyAndNinetyFive), new SequenceComparer());
        Assert.Equal(fit.Model.OneStepAhead(history, 0, history.Length, EightyAndNinetyFive), restored.OneStepAhead(history, 0, history.Length, EightyAndNinetyFive), StepComparer.Instance);
        Assert.Throws<ArgumentException>(() => EtsFixtures.Method.Restore(stored, 4));
    }

    [Fact]
    public void A_constant_history_falls_back_to_Rs_answer_to_it()
    {
        var fit = EtsFixtures.Fit(Enumerable.Repeat(42.0, 40).ToArray(), 12);

        Assert.Equal("ETS(A,N,N)", EtsFixtures.FormOf(fit));
        Assert.Contains("constant", fit.Choices[0], StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, fit.State.GetProperty("fallback").ValueKind);
        Assert.All(fit.Model.ForecastAfter(Enumerable.Repeat(42.0, 40).ToArray(), 5, EightyAndNinetyFive), step =>
        {
            Assert.Equal(42, step.Value, 1e-9);
            Assert.Equal(42, step.Intervals![1].Lower, 1e-9);
        });
    }

    [Fact]
    public void A_history_too_short_for_Rs_search_falls_back_to_the_naive_forecast()
    {
        double[] history = [10, 12, 11, 15, 14];

        var fit = EtsFixtures.Fit(history, 12);
        var forecast = fit.Model.ForecastAfter(history, 3, EightyAndNinetyFive);

        Assert.StartsWith("Fallback to ETS(A,N,N): the history has 5 points", fit.Choices[0], StringComparison.Ordinal);
        Assert.All(forecast, step => Assert.Equal(14, step.Value, 1e-9));
        Assert.True(forecast[2].Intervals![0].Upper - forecast[2].Intervals![0].Lower > forecast[0].Intervals![0].Upper - forecast[0].Intervals![0].Lower);
    }

    [Fact]
    public void A_perfectly_linear_history_gets_Rs_exact_trend()
    {
        // R: ETS(A,A,N) with AICc -Inf, forecasting 210, 220, 230.
        var history = Enumerable.Range(1, 20).Select(i => 10.0 * i).ToArray();

        var fit = EtsFixtures.Fit(history, 1);

        Assert.Equal("ETS(A,A,N)", EtsFixtures.FormOf(fit));
        Assert.Equal([210, 220, 230], fit.Model.PointForecast(history, 3));
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { double.NaN, 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [InlineData(new[] { 0.0, 0, 0, 0, 0, 0, 0, 0, 0, 1e300 })]
    public void Odd_histories_fall_back_without_throwing(double[] history)
    {
        var fit = EtsFixtures.Fit(history, 4);

        Assert.StartsWith("Fallback to ETS(A,N,N)", fit.Choices[0], StringComparison.Ordinal);
        Assert.Equal(3, fit.Model.PointForecast(history, 3).Length);
    }

    [Fact]
    public void A_fit_says_which_form_won_among_how_many_and_with_which_parameters()
    {
        var choices = EtsFixtures.FitOf("M137").Choices;

        Assert.Matches(@"^ETS\(M,Ad,M\) chosen by AICc among 15 candidate forms \(15 could be fitted\): AICc 349\d\.\d\d, log-likelihood -17\d\d\.\d\d\.$", choices[0]);
        Assert.Matches(@"^Parameters: alpha 0\.\d+, beta 0\.\d+, gamma 0\.\d+, phi 0\.\d+; sigma 0\.\d+ \(of relative errors\)\.$", choices[1]);
        Assert.StartsWith("Initial states: level ", choices[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_fit_stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var series = TourismReference.Get("Q14");

        Assert.ThrowsAny<OperationCanceledException>(() => EtsFixtures.Method.Fit(new FitInput(series.History, 4, series.Actual.Length), cancelled.Token));
    }

    /// <summary>Forecast steps equal bit for bit, their intervals included.</summary>
    private sealed class StepComparer : IEqualityComparer<ForecastStep>
    {
        public static StepComparer Instance { get; } = new();

        public bool Equals(ForecastStep? x, ForecastStep? y) =>
            x!.Value.Equals(y!.Value) && (x.Intervals ?? []).SequenceEqual(y.Intervals ?? []);

        public int GetHashCode(ForecastStep obj) => obj.Value.GetHashCode();
    }

    private sealed class SequenceComparer : IEqualityComparer<IReadOnlyList<ForecastStep>>
    {
        public bool Equals(IReadOnlyList<ForecastStep>? x, IReadOnlyList<ForecastStep>? y) => x!.SequenceEqual(y!, StepComparer.Instance);

        public int GetHashCode(IReadOnlyList<ForecastStep> obj) => obj.Count;
    }
}
