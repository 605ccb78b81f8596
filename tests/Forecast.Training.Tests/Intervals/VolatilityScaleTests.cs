using Forecast.Training.Intervals;

namespace Forecast.Training.Tests.Intervals;

public class VolatilityScaleTests
{
    [Fact]
    public void The_scale_averages_the_recent_and_the_overall_mean_absolute_step()
    {
        // Steps 1, 2, 3, 4. From 5 points with a window of 2: recent (3 + 4) / 2 = 3.5, overall 10 / 4 = 2.5.
        var scale = new VolatilityScale([0, 1, 3, 6, 10], window: 2, logScale: false);

        Assert.Equal(3.0, scale.At(5), 12);
        // From 3 points only the steps 1 and 2 are known: both means are 1.5.
        Assert.Equal(1.5, scale.At(3), 12);
    }

    [Fact]
    public void A_quiet_spell_halves_the_scale_but_never_zeroes_it()
    {
        // Four steps of 10, then four of 0: the last three are quiet, the whole history's mean step is 40 / 8.
        var scale = new VolatilityScale([0, 10, 0, 10, 0, 0, 0, 0, 0], window: 3, logScale: false);

        Assert.Equal(2.5, scale.At(9), 12);
        Assert.Equal(1, new VolatilityScale([4, 4, 4, 4], window: 2, logScale: false).At(4));
    }

    [Fact]
    public void A_log_model_measures_its_steps_between_logs()
    {
        // Log steps 1 and 2: with a window of 1, recent 2 and overall 1.5.
        var scale = new VolatilityScale([1, Math.E, Math.Exp(3)], window: 1, logScale: true);

        Assert.Equal(1.75, scale.At(3), 12);
    }
}
