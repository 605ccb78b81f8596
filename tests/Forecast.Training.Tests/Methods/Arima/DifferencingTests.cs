using Forecast.Training.Methods.Arima;

namespace Forecast.Training.Tests.Methods.Arima;

public sealed class DifferencingTests
{
    public static TheoryData<string> Cases => new(ArimaReference.DifferencingKeys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_seasonal_strength_is_that_of_Rs_mstl(string key)
    {
        var reference = ArimaReference.Differencing(key);

        var strength = Differencing.SeasonalStrength(reference.Series.History, reference.Series.Period);

        Assert.Equal(reference.SeasonalStrength, strength, 1e-12);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_differences_are_Rs(string key)
    {
        var reference = ArimaReference.Differencing(key);
        var series = reference.Series;

        var (seasonal, _) = Differencing.Seasonal(series.History, series.Period);
        var differenced = Differencing.Apply(series.History, 0, seasonal, series.Period);

        Assert.Equal(reference.SeasonalDifferences, seasonal);
        Assert.Equal(reference.Differences, Differencing.First(differenced));
    }

    [Fact]
    public void A_series_constant_but_for_rounding_is_constant_as_R_judges_it()
    {
        Assert.True(Differencing.IsConstant([5, 5, 5 + 1e-9, 5]));
        Assert.False(Differencing.IsConstant([5, 5, 5 + 1e-6, 5]));
        Assert.True(Differencing.IsConstant([0, 0, 1e-9]));
    }

    [Fact]
    public void A_season_is_differenced_only_when_the_history_spans_more_than_two_of_them()
    {
        var series = TourismReference.Get("M1").History;

        Assert.Equal(1, Differencing.Seasonal(series, 12).Differences);
        Assert.Equal(0, Differencing.Seasonal(series[..24], 12).Differences);
        Assert.Equal(0, Differencing.Seasonal(series, 1).Differences);
    }
}
