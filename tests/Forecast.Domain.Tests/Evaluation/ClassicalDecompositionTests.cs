using Forecast.Domain.Evaluation;

namespace Forecast.Domain.Tests.Evaluation;

/// <summary>The seasonal figure of R's decompose(type = "multiplicative") and Naive2 built on it, worked by hand.</summary>
public class ClassicalDecompositionTests
{
    // Three years of a quarterly series, each year (1, 2, 4, 1) times a level of 5, 6, 7.
    private static readonly double[] Quarterly = [5, 10, 20, 5, 6, 12, 24, 6, 7, 14, 28, 7];

    // The 2x4 centred moving average, (x[t-2]/2 + x[t-1] + x[t] + x[t+1] + x[t+2]/2) / 4, defined for t = 2..9:
    //   t=2 (2.5 + 10 + 20 + 5 + 3) / 4 = 10.125     t=6 (3 + 12 + 24 + 6 + 3.5) / 4 = 12.125
    //   t=3 (5 + 20 + 5 + 6 + 6) / 4    = 10.5       t=7 (6 + 24 + 6 + 7 + 7) / 4    = 12.5
    //   t=4 (10 + 5 + 6 + 12 + 12) / 4  = 11.25      t=8 (12 + 6 + 7 + 14 + 14) / 4  = 13.25
    //   t=5 (2.5 + 6 + 12 + 24 + 3) / 4 = 11.875     t=9 (3 + 7 + 14 + 28 + 3.5) / 4 = 13.875
    // Phase p holds t with t mod 4 = p, counted from the first observation; each figure is the mean of its
    // two ratios x[t] / trend[t], and the figures are then divided by their mean.
    private static double[] HandIndices()
    {
        double[] figure =
        [
            (6 / 11.25 + 7 / 13.25) / 2,      // t = 4, 8
            (12 / 11.875 + 14 / 13.875) / 2,  // t = 5, 9
            (20 / 10.125 + 24 / 12.125) / 2,  // t = 2, 6
            (5 / 10.5 + 6 / 12.5) / 2,        // t = 3, 7
        ];
        var mean = figure.Average();
        return figure.Select(f => f / mean).ToArray();
    }

    [Fact]
    public void Even_period_indices_are_the_normalised_mean_ratios_to_the_2xm_moving_average()
    {
        var indices = ClassicalDecomposition.MultiplicativeSeasonalIndices(Quarterly, 4);

        Assert.Equal(HandIndices(), indices, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(1, indices.Average(), 12);
    }

    [Fact]
    public void Odd_period_indices_use_the_plain_moving_average()
    {
        double[] x = [2, 4, 6, 3, 5, 7, 4, 6, 8];
        // (x[t-1] + x[t] + x[t+1]) / 3 for t = 1..7: 12/3, 13/3, 14/3, 15/3, 16/3, 17/3, 18/3.
        double[] figure =
        [
            (3 / (14.0 / 3) + 4 / (17.0 / 3)) / 2,            // t = 3, 6
            (4 / (12.0 / 3) + 5 / (15.0 / 3) + 6 / (18.0 / 3)) / 3, // t = 1, 4, 7: all 1
            (6 / (13.0 / 3) + 7 / (16.0 / 3)) / 2,            // t = 2, 5
        ];
        var mean = figure.Average();

        var indices = ClassicalDecomposition.MultiplicativeSeasonalIndices(x, 3);

        Assert.Equal(figure.Select(f => f / mean), indices, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Naive2_divides_the_season_out_of_the_last_value_and_puts_it_back_by_phase()
    {
        // r_1..r_4 = -0.168, -0.468, -0.049, 0.624; the bound 1.645 sqrt((1 + 2 (0.168^2 + 0.468^2 + 0.049^2)) / 12)
        // = 0.5815, which r_4 exceeds.
        var adjustment = SeasonalAdjustment.Of(Quarterly, 4);
        var s = HandIndices();
        Assert.True(adjustment.IsSeasonal);
        Assert.Equal(s, adjustment.Indices!, (a, b) => Math.Abs(a - b) < 1e-12);

        var forecast = Naive2.Forecast(Quarterly, 5, 4);

        // The last value, 7, is in phase 3 (t = 11); the forecasts continue with phases 0, 1, 2, 3, 0.
        var level = 7 / s[3];
        Assert.Equal([level * s[0], level * s[1], level * s[2], 7, level * s[0]], forecast, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Naive2_of_a_series_without_a_season_is_naive()
    {
        Assert.Equal([7.0, 7, 7], Naive2.Forecast(Quarterly, 3, 1));
        Assert.Equal([7.0, 7], Naive2.Forecast(Quarterly[1..], 2, 4)); // 11 points: under three seasons
    }
}
