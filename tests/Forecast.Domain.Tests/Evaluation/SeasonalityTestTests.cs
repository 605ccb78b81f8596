using Forecast.Domain.Evaluation;

namespace Forecast.Domain.Tests.Evaluation;

public class SeasonalityTestTests
{
    private const int Monthly = 12;

    [Fact]
    public void A_clear_monthly_season_is_detected()
    {
        Assert.True(SeasonalityTest.IsSeasonal(MonthlySeason(60, seed: 1), Monthly));
    }

    [Fact]
    public void Three_seasons_are_needed()
    {
        var series = MonthlySeason(3 * Monthly, seed: 2);

        Assert.True(SeasonalityTest.IsSeasonal(series, Monthly));
        Assert.False(SeasonalityTest.IsSeasonal(series[1..], Monthly));
    }

    [Fact]
    public void White_noise_is_flagged_at_about_the_tests_ten_percent_rate()
    {
        // Under the null the lag-12 autocorrelation is about normal with Bartlett's variance, so the two-sided
        // 1.645 bound is crossed by 10 % of long white-noise series (short ones less often: the sum of the
        // shorter lags' squares, about 22 / n, widens the bound); 400 series put the rate within 0.1 +- 0.04
        // with probability above 99 %.
        const int Series = 400;
        var flagged = Enumerable.Range(0, Series).Count(seed => SeasonalityTest.IsSeasonal(Noise(new Random(seed), 1200), Monthly));

        Assert.InRange(flagged / (double)Series, 0.06, 0.14);
    }

    [Fact]
    public void Without_a_period_or_any_variation_there_is_no_season()
    {
        Assert.False(SeasonalityTest.IsSeasonal(MonthlySeason(60, seed: 3), 1));
        Assert.False(SeasonalityTest.IsSeasonal(Enumerable.Repeat(5.0, 60).ToArray(), Monthly));
    }

    // A December peak of 20 over noise of standard deviation 1. (A sine of the same period would need more
    // than three years: its large autocorrelations at the shorter lags widen the bound.)
    private static double[] MonthlySeason(int length, int seed)
    {
        var noise = Noise(new Random(seed), length);
        return Enumerable.Range(0, length).Select(t => 100 + (t % Monthly == Monthly - 1 ? 20 : 0) + noise[t]).ToArray();
    }

    // Standard normal draws by Box-Muller.
    private static double[] Noise(Random random, int length) =>
        Enumerable.Range(0, length)
            .Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))
            .ToArray();
}
