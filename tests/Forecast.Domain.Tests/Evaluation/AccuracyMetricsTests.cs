using Forecast.Domain.Evaluation;

namespace Forecast.Domain.Tests.Evaluation;

public class AccuracyMetricsTests
{
    [Fact]
    public void Metrics_match_values_worked_by_hand()
    {
        // errors 1, -2, 0, 3 on actuals 10, 20, 30, 40
        double[] actual = [10, 20, 30, 40];
        double[] predicted = [9, 22, 30, 37];

        var m = AccuracyMetrics.Compute(actual, predicted, maseScale: 2);

        Assert.Equal(1.5, m.Mae, 12);                                   // (1+2+0+3)/4
        Assert.Equal(Math.Sqrt(3.5), m.Rmse, 12);                       // sqrt((1+4+0+9)/4)
        Assert.Equal((200.0 / 19 + 400.0 / 42 + 0 + 600.0 / 77) / 4, m.Smape!.Value, 12);
        Assert.Equal((10.0 + 10 + 0 + 7.5) / 4, m.Mape!.Value, 12);     // 100*|e|/a
        Assert.Equal(0.75, m.Mase!.Value, 12);                          // 1.5 / 2
    }

    [Fact]
    public void Undefined_percentages_are_null_not_nan()
    {
        var m = AccuracyMetrics.Compute([0, 1], [0, 2], maseScale: 0);

        Assert.Null(m.Mape);   // an actual is 0
        Assert.Null(m.Smape);  // actual and forecast both 0
        Assert.Null(m.Mase);   // a constant in-sample part has no scale
        Assert.Equal(0.5, m.Mae);
    }

    [Fact]
    public void The_mase_scale_is_the_mean_absolute_seasonal_difference()
    {
        double[] history = [1, 2, 3, 5, 4, 6];

        Assert.Equal((4.0 + 2 + 3) / 3, AccuracyMetrics.MaseScale(history, 3), 12);
        Assert.Equal((1.0 + 1 + 2 + 1 + 2) / 5, AccuracyMetrics.MaseScale(history, 1), 12);
    }

    [Fact]
    public void A_history_repeating_one_season_has_no_mase_scale_so_a_forecast_of_it_has_every_metric_but_mase()
    {
        double[] year = [10, 20, 30, 15];
        double[] history = [.. year, .. year, .. year];

        var scale = AccuracyMetrics.MaseScale(history, 4);
        var m = AccuracyMetrics.Compute(year, [11, 19, 30, 15], scale);

        Assert.Equal(0, scale);
        Assert.Null(m.Mase);
        Assert.Equal(0.5, m.Mae, 12);
        Assert.NotNull(m.Smape);
        Assert.NotNull(m.Mape);
    }

    [Fact]
    public void A_season_computed_in_floating_point_that_repeats_to_rounding_has_no_mase_scale()
    {
        // sin(2πt/4) repeats every 4 points only to a few units in the last place.
        var history = Enumerable.Range(0, 48).Select(t => 10 * (1 + (0.2 * Math.Sin(2 * Math.PI * t / 4)))).ToArray();

        Assert.NotEqual(0, Enumerable.Range(4, 44).Sum(t => Math.Abs(history[t] - history[t - 4])));
        Assert.Equal(0, AccuracyMetrics.MaseScale(history, 4));
    }

    [Fact]
    public void A_scale_so_small_that_mase_would_overflow_leaves_it_undefined_rather_than_infinite()
    {
        var m = AccuracyMetrics.Compute([1e300], [-1e300], maseScale: 1e-300);

        Assert.Null(m.Mase);
        Assert.Equal(2e300, m.Mae);
    }
}
