using Forecast.Domain.Evaluation;

namespace Forecast.Domain.Tests.Evaluation;

public class IntervalScoreTests
{
    [Fact]
    public void Covered_steps_cost_their_width_and_a_miss_costs_forty_times_its_distance_at_95_percent()
    {
        // Widths 2, 2, 2; the second misses below by 0.5 (40 x 0.5 = 20), the third above by 1 (40 x 1 = 40).
        double[] actual = [10, 8.5, 13];
        double[] lower = [9, 9, 10];
        double[] upper = [11, 11, 12];

        var msis = IntervalScore.Msis(actual, lower, upper, level: 95, scale: 2);

        Assert.Equal((6 + 20 + 40) / 3.0 / 2, msis!.Value, precision: 12);
    }

    [Fact]
    public void At_80_percent_a_miss_costs_ten_times_its_distance()
    {
        var msis = IntervalScore.Msis([5], [6], [7], level: 80, scale: 1);

        Assert.Equal(1 + (10 * 1), msis!.Value, precision: 12);
    }

    [Fact]
    public void A_member_without_a_scale_has_no_score()
    {
        Assert.Null(IntervalScore.Msis([1, 1], [0, 0], [2, 2], level: 95, scale: 0));
    }
}
