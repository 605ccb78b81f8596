using Forecast.Domain.Evaluation;

namespace Forecast.Domain.Tests.Evaluation;

public class CollectionAccuracyTests
{
    private const int Period = 4;

    private static readonly double[] Year = [10, 20, 30, 15];

    /// <summary>A member that moves from year to year: seasonal naive errs on it, so its MASE has a scale.</summary>
    private static ScoredMember Moving(string key, double drift) => Scored(key,
        [.. Enumerable.Range(0, 12).Select(t => Year[t % Period] + drift * t)], [16, 27, 36, 22], [15, 28, 36, 21]);

    /// <summary>A member that repeats one year exactly: seasonal naive makes no error before its tail, so MASE has no scale.</summary>
    private static ScoredMember RepeatingYear(string key) => Scored(key, [.. Year, .. Year, .. Year], Year, [11, 19, 30, 15]);

    /// <summary>A member that is 0 throughout, forecast as 0: neither its MASE nor its sMAPE is defined.</summary>
    private static ScoredMember Zero(string key) => Scored(key, new double[12], new double[4], new double[4]);

    [Fact]
    public void A_member_repeating_one_year_is_left_out_of_the_mase_aggregates_and_counted_while_its_smape_counts()
    {
        var moving = Moving("moving", drift: 0.5);
        var repeating = RepeatingYear("repeating");

        var accuracy = CollectionAccuracy.Of([moving, repeating]);

        Assert.Equal((2, 1, 0), (accuracy.Members, accuracy.Undefined, accuracy.UndefinedSmape));
        Assert.Equal(moving.Model.Mase, accuracy.Model.Mase);
        Assert.Equal(moving.Model.Mase, accuracy.MedianMase);
        Assert.Equal(moving.Theta.Mase, accuracy.Theta.Mase);
        Assert.Equal((moving.Model.Smape!.Value + repeating.Model.Smape!.Value) / 2, accuracy.Model.Smape!.Value, 12);
        Assert.Equal(moving.Model.Mase < moving.SeasonalNaive.Mase ? 1.0 : 0.0, accuracy.ShareBeatingSeasonalNaive);
    }

    [Fact]
    public void A_collection_on_which_mase_is_nowhere_defined_has_null_mase_aggregates_rather_than_nan()
    {
        var accuracy = CollectionAccuracy.Of([RepeatingYear("a"), RepeatingYear("b")]);

        Assert.Equal(2, accuracy.Undefined);
        Assert.Equal((null, null, null, null), (accuracy.Model.Mase, accuracy.MedianMase, accuracy.ShareBeatingSeasonalNaive, accuracy.ShareBeatingTheta));
        Assert.All(new[] { accuracy.Naive, accuracy.SeasonalNaive, accuracy.Naive2, accuracy.Theta }, mean => Assert.Null(mean.Mase));
        Assert.NotNull(accuracy.Model.Smape);
        Assert.All(accuracy.SmapeByStep, smape => Assert.NotNull(smape));
    }

    [Fact]
    public void A_member_whose_actuals_and_forecasts_are_all_zero_is_left_out_of_the_smape_aggregates_and_counted()
    {
        var moving = Moving("moving", drift: 0.5);

        var accuracy = CollectionAccuracy.Of([moving, Zero("zero")]);
        var nothingDefined = CollectionAccuracy.Of([Zero("zero")]);

        Assert.Equal((1, 1), (accuracy.Undefined, accuracy.UndefinedSmape));
        Assert.Equal(moving.Model.Smape, accuracy.Model.Smape);
        Assert.Equal(moving.Model.Smape, accuracy.MedianSmape);
        Assert.Equal((null, null), (nothingDefined.Model.Smape, nothingDefined.MedianSmape));
        Assert.All(nothingDefined.SmapeByStep, smape => Assert.Null(smape));
    }

    [Fact]
    public void Means_and_medians_over_members_whose_scores_are_all_defined_are_the_plain_ones()
    {
        ScoredMember[] members = [Moving("a", 0.5), Moving("b", 1), Moving("c", 3)];

        var accuracy = CollectionAccuracy.Of(members);

        Assert.Equal((0, 0), (accuracy.Undefined, accuracy.UndefinedSmape));
        Assert.Equal(members.Average(m => m.Model.Mase!.Value), accuracy.Model.Mase!.Value, 12);
        Assert.Equal(members.Select(m => m.Model.Mase!.Value).Order().ElementAt(1), accuracy.MedianMase!.Value, 12);
        Assert.Equal(members.Average(m => m.Naive2.Smape!.Value), accuracy.Naive2.Smape!.Value, 12);
    }

    /// <summary>A member scored as a collection's evaluation scores it: MASE scaled by the seasonal-naive MAE of its history.</summary>
    private static ScoredMember Scored(string key, double[] history, double[] actual, double[] predicted)
    {
        var scale = AccuracyMetrics.MaseScale(history, Period);
        AccuracyMetrics Score(IReadOnlyList<double> forecast) => AccuracyMetrics.Compute(actual, forecast, scale);
        var h = actual.Length;
        return new ScoredMember(key, actual, predicted, Score(predicted), Score(Baselines.Naive(history, h)),
            Score(Baselines.SeasonalNaive(history, h, Period)), Score(Naive2.Forecast(history, h, Period)), Score(Theta.Forecast(history, h, Period)));
    }
}
