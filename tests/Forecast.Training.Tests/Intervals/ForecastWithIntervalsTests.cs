using Forecast.Domain;
using Forecast.Training.Intervals;

namespace Forecast.Training.Tests.Intervals;

public class ForecastWithIntervalsTests
{
    // Step 1 has the nine errors ±1..±9, step 2 the four errors 2, 4, 6, 8; nothing grows beyond step 2.
    private static readonly ConformalCalibration TwoSteps = ConformalCalibration.FromErrors(
        [[-1, 2, -3, 4, -5, 6, -7, 8, -9], [8, -2, 6, -4]], logScale: false, growsBeyondCalibration: false);

    [Fact]
    public void Each_step_gets_its_own_horizon_s_intervals_at_the_origin_s_scale_in_the_order_asked()
    {
        var steps = ForecastWithIntervals.Assemble([100, 200, 300], IntervalLevels.Of([80, 50]), TwoSteps, scale: 2);

        // Half-widths at 80 % and 50 %: step 1 8 and 5, step 2 8 and 6, step 3 kept from step 2; all times 2.
        Assert.Equal(
            [
                new ForecastStep(100, [new PredictionInterval(80, 84, 116), new PredictionInterval(50, 90, 110)]),
                new ForecastStep(200, [new PredictionInterval(80, 184, 216), new PredictionInterval(50, 188, 212)]),
                new ForecastStep(300, [new PredictionInterval(80, 284, 316), new PredictionInterval(50, 288, 312)]),
            ],
            steps,
            (a, b) => a.Value == b.Value && a.Intervals!.SequenceEqual(b.Intervals!));
    }

    [Fact]
    public void Without_levels_the_steps_are_the_point_forecast_alone_even_without_a_calibration()
    {
        var steps = ForecastWithIntervals.Assemble([1.5, 2.5], IntervalLevels.Of(null), calibration: null, scale: 1);

        Assert.Equal([new ForecastStep(1.5, null), new ForecastStep(2.5, null)], steps);
    }

    [Fact]
    public void Levels_asked_of_a_model_without_a_calibration_are_unprocessable()
    {
        var refused = Assert.Throws<UnprocessableException>(
            () => ForecastWithIntervals.Assemble([1.5], IntervalLevels.Of([80]), calibration: null, scale: 1));

        Assert.Equal("level", refused.Field);
        Assert.Contains("without a validation part", refused.Message, StringComparison.Ordinal);
    }
}
