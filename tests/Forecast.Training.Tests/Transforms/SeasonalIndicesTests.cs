using Forecast.Training.Tests.Diagnostics;
using Forecast.Training.Transforms;

namespace Forecast.Training.Tests.Transforms;

public class SeasonalIndicesTests
{
    private static bool Close(double a, double b) => Math.Abs(a - b) < 1e-9;

    [Fact]
    public void A_line_plus_a_season_gives_back_the_season_exactly()
    {
        // This season falls within each cycle, so a line fitted before it would take up part of it.
        double[] season = [4, 1, -2, -3];
        var series = Enumerable.Range(0, 22).Select(t => 17 - 2.5 * t + season[t % 4]).ToArray();

        Assert.Equal(season, SeasonalIndices.Estimate(series, 22, 4), Close);
        Assert.Equal(season, SeasonalIndices.Estimate(series, 8, 4), Close);
        Assert.Throws<ArgumentException>(() => SeasonalIndices.Estimate(series, 7, 4));
    }

    [Fact]
    public void The_phase_test_compares_trend_and_season_with_the_trend_alone()
    {
        // x_t = [3, 5, 8, 1, 6, 9, 2, 4, 7]_t + t / 2, worked out in exact fractions: within-phase slope 1/3,
        // phase means of t 3, 4, 5 and of x 3.5, 7, 10.5, so indices 3.5 - 1 = 2.5, 5.667, 8.833, centred
        // -19/6, 0, 19/6. Residual sums of squares: 9/2 with the season, 1173/20 with the line alone, so
        // F = ((1173/20 - 9/2) / 2) / ((9/2) / 5) = 361/12 on 2 and 5 degrees of freedom, whose tail has the
        // closed form P(F > f) = (5 / (5 + 2f))^(5/2).
        var values = new[] { 3, 5, 8, 1, 6, 9, 2, 4, 7 }.Select((v, t) => v + t / 2.0).ToArray();

        Assert.Equal([-19 / 6.0, 0, 19 / 6.0], SeasonalIndices.Estimate(values, 9, 3), Close);
        Assert.Equal(Math.Pow(5 / (5 + 2 * 361 / 12.0), 2.5), SeasonalIndices.PhasesDifferPValue(values, 3), 12);
    }

    [Fact]
    public void Phases_that_do_not_differ_are_not_called_different()
    {
        Assert.True(SeasonalIndices.PhasesDifferPValue(RepositoryData.Series("seattle-precipitation-daily.csv")[..^28], 7) > 0.5);
        Assert.Equal(1, SeasonalIndices.PhasesDifferPValue([1, 2, 3, 4, 5, 6, 7, 8], 2));
    }
}
