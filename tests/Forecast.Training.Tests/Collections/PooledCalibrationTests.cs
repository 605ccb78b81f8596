using Forecast.Domain.Evaluation;
using Forecast.Training.Collections;
using Forecast.Training.Tests.Lstm;

namespace Forecast.Training.Tests.Collections;

/// <summary>The scale a member's pooled interval is multiplied back by, including on members that seasonal naive fits exactly.</summary>
public class PooledCalibrationTests
{
    [Fact]
    public void A_member_s_scale_is_its_mase_scale_where_seasonal_naive_errs_before_the_origin()
    {
        var history = CollectionFixture.Members[1].Values.Take(40).ToArray();

        Assert.Equal(AccuracyMetrics.MaseScale(history, 4), PooledCalibration.ScaleAt(history, 4));
    }

    [Theory]
    [InlineData(new[] { 10.0, 20, 30, 15, 10, 20, 30, 15 }, (10.0 + 10 + 15 + 5 + 10 + 10 + 15) / 7)] // a repeated year: its naive MAE
    [InlineData(new[] { 7.0, 7, 7, 7, 7, 7, 7, 7 }, 7)]                                             // a constant: its level
    [InlineData(new[] { -3.0, -3, -3, -3, -3, -3, -3, -3 }, 3)]
    [InlineData(new[] { 0.0, 0, 0, 0, 0, 0, 0, 0 }, 1)]
    public void Where_seasonal_naive_is_exact_the_scale_is_the_naive_mae_else_the_level_else_1(double[] history, double scale)
    {
        Assert.Equal(0, AccuracyMetrics.MaseScale(history, 4));
        Assert.Equal(scale, PooledCalibration.ScaleAt(history, 4), 12);
    }

    [Fact]
    public void A_member_repeating_one_year_has_intervals_of_some_width_and_its_validation_errors_join_the_pool()
    {
        GlobalMember[] members = [.. CollectionFixture.Members, CollectionFixture.RepeatingYear];

        var built = CollectionModelBuilder.Build(members, CollectionFixture.Tiny(epochs: 3), new RecordingObserver(0), CancellationToken.None);
        var repeating = built.Evaluation.Members.Single(m => m.Score.Key == "repeating");

        // One error per member and step, the repeating member's among them.
        Assert.Equal(members.Length, built.Artifact!.Calibration!.Scores[0].Length);
        Assert.Null(repeating.Score.Model.Mase);
        Assert.All(repeating.Score.Predicted.Zip(repeating.Intervals), p =>
            Assert.All(p.Second, i => Assert.True(i.Lower < p.First && p.First < i.Upper, $"{i} around {p.First}")));
        // The fixture's m0 repeats its year too (to rounding), so two members have no MASE.
        Assert.Equal(2, built.Evaluation.Accuracy.Undefined);
    }
}
