using Forecast.Domain.Seasonality;

namespace Forecast.Domain.Tests.Seasonality;

/// <summary>Stl and Mstl against R's stats::stl and forecast::mstl on the repository's data, to 1e-6.</summary>
public class StlAgainstRTests
{
    private const double Tolerance = 1e-6;

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Select((e, i) => Math.Abs(e - actual[i])).Max();
        Assert.True(worst < Tolerance, $"The largest difference from R is {worst}.");
    }

    [Fact]
    public void A_periodic_stl_of_nottem_repeats_the_season_and_agrees_with_R()
    {
        var stl = Stl.DecomposePeriodic(RDecompositions.Series("nottem.csv"), 12);

        AssertClose(RDecompositions.Component("stl-nottem-periodic", "seasonal"), stl.Seasonal);
        AssertClose(RDecompositions.Component("stl-nottem-periodic", "trend"), stl.Trend);
        AssertClose(RDecompositions.Component("stl-nottem-periodic", "remainder"), stl.Remainder);
        Assert.Equal(stl.Seasonal[..12], stl.Seasonal[^12..]);
    }

    [Fact]
    public void An_stl_with_a_seasonal_window_of_7_agrees_with_R_on_airpassengers()
    {
        var stl = Stl.Decompose(RDecompositions.Series("airpassengers.csv"), 12, seasonalWindow: 7);

        AssertClose(RDecompositions.Component("stl-airpassengers-7", "seasonal"), stl.Seasonal);
        AssertClose(RDecompositions.Component("stl-airpassengers-7", "trend"), stl.Trend);
        AssertClose(RDecompositions.Component("stl-airpassengers-7", "remainder"), stl.Remainder);
    }

    [Fact]
    public void An_mstl_of_a_week_and_a_year_of_daily_rain_agrees_with_R_component_by_component()
    {
        var rain = RDecompositions.Series("seattle-precipitation-daily.csv");

        var mstl = Mstl.Decompose(rain, [365, 7]);

        Assert.Equal([7, 365], mstl.Seasonals.Select(s => s.Period));
        AssertClose(RDecompositions.Component("mstl-seattle-7-365", "seasonal7"), mstl.Seasonals[0].Values);
        AssertClose(RDecompositions.Component("mstl-seattle-7-365", "seasonal365"), mstl.Seasonals[1].Values);
        AssertClose(RDecompositions.Component("mstl-seattle-7-365", "trend"), mstl.Trend);
        AssertClose(RDecompositions.Component("mstl-seattle-7-365", "remainder"), mstl.Remainder);
    }

    [Fact]
    public void The_components_add_up_to_the_series_and_the_adjusted_series_lacks_only_the_seasons()
    {
        var rain = RDecompositions.Series("seattle-precipitation-daily.csv");

        var mstl = Mstl.Decompose(rain, [7, 365]);

        var adjusted = mstl.SeasonallyAdjusted();
        for (var i = 0; i < rain.Length; i++)
        {
            Assert.Equal(rain[i], adjusted[i] + mstl.Seasonals.Sum(s => s.Values[i]), 9);
        }
    }

    [Fact]
    public void A_period_the_series_does_not_hold_twice_is_dropped_as_R_drops_it()
    {
        var rain = RDecompositions.Series("seattle-precipitation-daily.csv")[..800];

        var mstl = Mstl.Decompose(rain, [7, 400]);

        Assert.Equal([7], mstl.Seasonals.Select(s => s.Period));
        Assert.Throws<ArgumentException>(() => Mstl.Decompose(rain, [400]));
    }
}
