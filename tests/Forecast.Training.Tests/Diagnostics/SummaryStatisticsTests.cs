using Forecast.Training.Diagnostics;

namespace Forecast.Training.Tests.Diagnostics;

public class SummaryStatisticsTests
{
    [Fact]
    public void Quartiles_interpolate_linearly_between_order_statistics_as_numpy()
    {
        var summary = SummaryStatistics.Of([4, 1, 3, 2]);

        Assert.Equal(4, summary.Count);
        Assert.Equal(2.5, summary.Mean, 12);
        Assert.Equal(Math.Sqrt(5.0 / 3.0), summary.StandardDeviation!.Value, 12);
        Assert.Equal(1, summary.Min);
        Assert.Equal(1.75, summary.FirstQuartile, 12);
        Assert.Equal(2.5, summary.Median, 12);
        Assert.Equal(3.25, summary.ThirdQuartile, 12);
        Assert.Equal(4, summary.Max);
    }

    [Fact]
    public void Airpassengers_matches_r_summary()
    {
        // R: summary(AirPassengers); sd(AirPassengers) = 119.9663.
        var summary = SummaryStatistics.Of(RepositoryData.Series("airpassengers.csv"));

        Assert.Equal(104, summary.Min);
        Assert.Equal(180, summary.FirstQuartile, 12);
        Assert.Equal(265.5, summary.Median, 12);
        Assert.Equal(280.2986, summary.Mean, 4);
        Assert.Equal(360.5, summary.ThirdQuartile, 12);
        Assert.Equal(622, summary.Max);
        Assert.Equal(119.9663, summary.StandardDeviation!.Value, 4);
    }

    [Fact]
    public void A_single_value_has_no_standard_deviation()
    {
        var summary = SummaryStatistics.Of([7]);
        Assert.Null(summary.StandardDeviation);
        Assert.Equal(7, summary.Median);
    }
}
