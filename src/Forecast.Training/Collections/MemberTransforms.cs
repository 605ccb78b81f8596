using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;

namespace Forecast.Training.Collections;

/// <summary>
/// The transform a global model gives each member when the run leaves it to the service: a global network learns one
/// shape from many series only if each comes to it deseasonalised and on a comparable scale (Hewamalage, Bergmeir and
/// Bandara 2021). So: logarithms when every value before the test tail is positive (multiplicative seasons and
/// growth become additive), and the season taken out (as STL's, <see cref="GlobalTrainingOptions.EvolvingSeasons"/>) when the member's training part passes the 90 % seasonality test
/// of Naive2 and Theta; the per-member scaler does the rest. A pipeline given for all members is taken as given,
/// except that a member with a value of 0 or less is not logged (each member's transform is kept in the model).
/// </summary>
public static class MemberTransforms
{
    public static TransformPipeline For(IReadOnlyList<double> values, DataSplit split, int seasonalPeriod, TransformChoice choice)
    {
        var positive = AllowsLog(values, split);
        if (choice.Pipeline is { } given)
        {
            return positive ? given : given with { Log = false };
        }
        var training = values.Take(split.TrainEnd).ToList();
        var seasonal = SeasonalityTest.IsSeasonal(training, seasonalPeriod);
        return new TransformPipeline(Log: positive, SeasonalDifference: false, Difference: false, Deseasonalize: seasonal);
    }

    /// <summary>Whether every value before the test tail is positive, so that the member may be logged.</summary>
    public static bool AllowsLog(IReadOnlyList<double> values, DataSplit split) => values.Take(split.ValidationEnd).All(v => v > 0);
}
