using System.Text.Json;
using Forecast.Training.Intervals;

namespace Forecast.Training.Tests.Intervals;

public class ConformalCalibrationTests
{
    // The options the database's JSON columns use.
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // Step 1 has the nine errors ±1..±9, step 2 the four errors 2, 4, 6, 8.
    private static readonly ConformalCalibration TwoSteps = ConformalCalibration.FromErrors(
        [[-1, 2, -3, 4, -5, 6, -7, 8, -9], [8, -2, 6, -4]], logScale: false, growsBeyondCalibration: false);

    [Theory]
    [InlineData(50, 5)]   // rank ceil(10 * 0.5) = 5
    [InlineData(80, 8)]   // rank ceil(10 * 0.8) = 8, not 9: (n + 1) * level lands exactly on an integer
    [InlineData(85, 9)]   // rank ceil(8.5) = 9
    [InlineData(95, 9)]   // rank ceil(9.5) = 10 > n: the largest error
    public void The_half_width_is_the_split_conformal_quantile_of_the_absolute_errors(double level, double expected) =>
        Assert.Equal(expected, TwoSteps.HalfWidth(level, 1));

    [Fact]
    public void A_farther_step_is_never_narrower_than_a_nearer_one()
    {
        // At 50 % step 2 alone (rank ceil(5 * 0.5) = 3 of 2, 4, 6, 8) gives 6, above step 1's 5; at 80 %
        // step 2 alone gives 8 and so does step 1. A step-2 quantile below step 1's would be raised to it.
        Assert.Equal(6, TwoSteps.HalfWidth(50, 2));
        Assert.Equal(8, TwoSteps.HalfWidth(80, 2));
    }

    [Fact]
    public void Beyond_the_calibrated_steps_a_stationary_model_keeps_the_last_width_and_a_differenced_one_grows_with_sqrt_h()
    {
        var growing = TwoSteps with { GrowsBeyondCalibration = true };

        Assert.Equal(6, TwoSteps.HalfWidth(50, 8));
        Assert.Equal(6 * Math.Sqrt(8.0 / 2), growing.HalfWidth(50, 8), 12);
        Assert.Equal(6, growing.HalfWidth(50, 2));
    }

    [Fact]
    public void Intervals_are_symmetric_on_the_original_scale_and_multiplicative_on_the_log_scale()
    {
        var additive = TwoSteps.Interval(100, 50, 1);
        var multiplicative = (TwoSteps with { LogScale = true }).Interval(100, 50, 1);

        Assert.Equal(new PredictionInterval(50, 95, 105), additive);
        Assert.Equal(100 * Math.Exp(-5), multiplicative.Lower, 12);
        Assert.Equal(100 * Math.Exp(5), multiplicative.Upper, 12);
    }

    [Fact]
    public void An_interval_is_as_wide_as_its_origin_is_restless()
    {
        var scaled = TwoSteps with { ScaleWindow = 2 };

        Assert.Equal(new PredictionInterval(50, 90, 110), TwoSteps.Interval(100, 50, 1, scale: 2));
        Assert.Equal(1, TwoSteps.ScaleAt([0, 5, 0, 5]));
        // Steps 5, 5, 5: the recent and the overall mean step are both 5.
        Assert.Equal(5, scaled.ScaleAt([0, 5, 0, 5]), 12);
    }

    [Fact]
    public void A_calibration_stored_before_the_scale_existed_reads_as_plain_errors()
    {
        var stored = JsonSerializer.Deserialize<ConformalCalibration>(
            """{"scores":[[1,2,3]],"logScale":false,"growsBeyondCalibration":true}""", Web)!;

        Assert.Null(stored.ScaleWindow);
        Assert.Equal(1, stored.ScaleAt([0, 5, 0, 5]));
    }

    [Theory]
    [InlineData(49.9)]
    [InlineData(100)]
    [InlineData(double.NaN)]
    public void Levels_outside_50_to_99_9_are_refused(double level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoSteps.HalfWidth(level, 1));

    [Fact]
    public void A_wider_level_gives_a_wider_interval() =>
        Assert.True(TwoSteps.HalfWidth(95, 1) > TwoSteps.HalfWidth(80, 1) && TwoSteps.HalfWidth(80, 1) > TwoSteps.HalfWidth(50, 1));

    [Fact]
    public void Coverage_of_fresh_errors_from_the_same_distribution_averages_the_level()
    {
        // The conformal guarantee: with the 80th of 99 ranked errors, a fresh error falls inside with
        // probability 80 / 100 on average over calibration sets.
        var random = new Random(11);
        double Noise() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var coverage = Enumerable.Range(0, 200).Average(_ =>
        {
            var calibration = ConformalCalibration.FromErrors([Enumerable.Range(0, 99).Select(_ => Noise()).ToArray()], false, false);
            var width = calibration.HalfWidth(80, 1);
            return Enumerable.Range(0, 1000).Count(_ => Math.Abs(Noise()) <= width) / 1000.0;
        });

        Assert.InRange(coverage, 0.79, 0.81);
    }
}
