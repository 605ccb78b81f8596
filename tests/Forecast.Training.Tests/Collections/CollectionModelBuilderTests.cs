using Forecast.Training.Collections;
using Forecast.Training.Intervals;
using Forecast.Training.Tests.Lstm;

namespace Forecast.Training.Tests.Collections;

/// <summary>A global model built whole: trained, its intervals calibrated on every member's validation part pooled, every member evaluated.</summary>
public class CollectionModelBuilderTests
{
    private static readonly BuiltCollectionModel Built =
        CollectionModelBuilder.Build(CollectionFixture.Members, CollectionFixture.Tiny(epochs: 3), new RecordingObserver(0), CancellationToken.None);

    [Fact]
    public void The_calibration_pools_the_validation_errors_of_every_member_per_horizon_step()
    {
        var calibration = Built.Artifact!.Calibration!;

        // Every member forecasts its validation part (the 4 points before its tail of 4) once: the short one by Theta.
        Assert.Equal(4, calibration.CalibratedSteps);
        Assert.Equal([7, 7, 7, 7], calibration.Scores.Select(s => s.Length));
        Assert.False(calibration.LogScale);
    }

    [Fact]
    public void Every_member_s_interval_is_the_pooled_quantile_times_that_member_s_own_scale()
    {
        var evaluation = Built.Evaluation;
        var calibration = Built.Artifact!.Calibration!;

        foreach (var (member, evaluated) in CollectionFixture.Members.Zip(evaluation.Members))
        {
            var history = member.Values.Take(member.Values.Count - 4).ToArray();
            var scale = PooledCalibration.ScaleAt(history, 4);
            var first = evaluated.Intervals[0];
            Assert.Equal(ConformalCalibration.DefaultLevels, first.Select(i => i.Level));
            Assert.Equal(calibration.HalfWidth(80, 1) * scale, (first[0].Upper - first[0].Lower) / 2, 9);
        }
        // Members of larger levels get wider intervals: member 5 is about 20 times member 0's level.
        Assert.True(evaluation.Members[5].Intervals[0][0].Upper - evaluation.Members[5].Intervals[0][0].Lower
            > 5 * (evaluation.Members[0].Intervals[0][0].Upper - evaluation.Members[0].Intervals[0][0].Lower));
    }

    [Fact]
    public void Pooled_coverage_counts_the_test_points_of_every_member_inside_their_intervals()
    {
        var evaluation = Built.Evaluation;
        var inside80 = evaluation.Members.Sum(m => m.Score.Actual.Where((a, i) => a >= m.Intervals[i][0].Lower && a <= m.Intervals[i][0].Upper).Count());

        Assert.Equal([80.0, 95.0], evaluation.Coverage.Select(c => c.Level));
        Assert.Equal(inside80 / (7.0 * 4), evaluation.Coverage[0].Coverage, 12);
        Assert.True(evaluation.Coverage[1].Coverage >= evaluation.Coverage[0].Coverage);
    }

    [Fact]
    public void The_choices_name_how_many_members_fell_back_to_theta()
    {
        Assert.Equal(1, Built.Evaluation.Fallbacks);
        Assert.Contains(Built.Choices, c => c.StartsWith("1 of 7 members are too short for lookback 8", StringComparison.Ordinal));
    }
}
