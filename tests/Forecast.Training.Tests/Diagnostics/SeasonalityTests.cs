using Forecast.Training.Diagnostics;
using MathNet.Numerics.Distributions;

namespace Forecast.Training.Tests.Diagnostics;

public class SeasonalityTests
{
    [Theory]
    [InlineData("airpassengers.csv", null)]
    [InlineData("airpassengers.csv", 12)]
    [InlineData("nottem.csv", null)]
    [InlineData("nottem.csv", 12)]
    public void Monthly_seasonal_series_come_out_seasonal_with_period_12(string file, int? hint)
    {
        var result = Seasonality.Detect(RepositoryData.Series(file), hint);

        Assert.True(result.IsSeasonal);
        Assert.Equal(12, result.Period);
        Assert.InRange(result.Strength!.Value, 0.7, 1.0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Seeded_white_noise_is_not_seasonal(int seed)
    {
        var noise = WhiteNoise(500, seed);
        Assert.False(Seasonality.Detect(noise).IsSeasonal);
        Assert.False(Seasonality.Detect(noise, periodHint: 12).IsSeasonal);
    }

    [Fact]
    public void A_random_walk_is_not_seasonal()
    {
        var noise = WhiteNoise(1000, 11);
        var walk = new double[noise.Length];
        for (var i = 1; i < walk.Length; i++)
        {
            walk[i] = walk[i - 1] + noise[i];
        }
        Assert.False(Seasonality.Detect(walk, periodHint: 7).IsSeasonal);
    }

    [Fact]
    public void A_weekly_cycle_under_noise_and_trend_is_found_without_a_hint()
    {
        var noise = WhiteNoise(730, 5);
        var daily = noise.Select((e, i) => 0.05 * i + 3 * Math.Sin(2 * Math.PI * i / 7) + e).ToArray();

        var result = Seasonality.Detect(daily);

        Assert.True(result.IsSeasonal);
        Assert.Equal(7, result.Period);
    }

    [Fact]
    public void The_fundamental_period_is_reported_rather_than_a_multiple()
    {
        var noise = WhiteNoise(600, 8);
        var series = noise.Select((e, i) => 2 * Math.Sin(2 * Math.PI * i / 12) + e).ToArray();

        Assert.Equal(12, Seasonality.Detect(series).Period);
    }

    private static double[] WhiteNoise(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Normal.Sample(random, 0, 1)).ToArray();
    }
}
