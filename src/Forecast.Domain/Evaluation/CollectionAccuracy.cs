namespace Forecast.Domain.Evaluation;

/// <summary>One member's multi-step forecast of its test tail, scored beside the competition baselines on the same tail.</summary>
public sealed record ScoredMember(
    string Key,
    IReadOnlyList<double> Actual,
    IReadOnlyList<double> Predicted,
    AccuracyMetrics Model,
    AccuracyMetrics Naive,
    AccuracyMetrics SeasonalNaive,
    AccuracyMetrics Naive2,
    AccuracyMetrics Theta);

/// <summary>Means of MASE and sMAPE over the members on which each is defined, for the model or a baseline; null where none is.</summary>
public sealed record MeanScores(double? Mase, double? Smape);

/// <summary>
/// A collection's accuracy as forecasting competitions report it (M3, M4, the tourism competition): MASE and sMAPE per
/// member averaged over members, their medians, sMAPE per horizon step, and the share of members on which the model
/// beats seasonal naive and Theta. Each aggregate is over the members on which its score is defined, and null where
/// none is: a member whose MASE is undefined (seasonal naive fits everything before its test tail exactly: it is
/// constant, or repeats one season) is left out of the MASE aggregates and counted in <see cref="Undefined"/>, its
/// sMAPE still counting; one whose sMAPE is undefined (an actual and its forecast both 0) is left out of the sMAPE
/// aggregates and counted in <see cref="UndefinedSmape"/>.
/// </summary>
/// <remarks>
/// Left out rather than counted as 0 or infinity: one degenerate member must neither hide how the others scored nor
/// turn an aggregate into NaN, which JSON cannot carry (a model whose accuracy held one could not be stored).
/// </remarks>
/// <param name="Undefined">Members whose MASE is undefined, left out of the MASE aggregates (means, median, shares beating a baseline).</param>
/// <param name="UndefinedSmape">Members whose sMAPE is undefined, left out of the sMAPE means and median.</param>
/// <param name="SmapeByStep">Per horizon step, the mean sMAPE term over the members defining it there; null where none does.</param>
public sealed record CollectionAccuracy(
    int Members,
    int Undefined,
    int UndefinedSmape,
    MeanScores Model,
    double? MedianMase,
    double? MedianSmape,
    IReadOnlyList<double?> SmapeByStep,
    double? ShareBeatingSeasonalNaive,
    double? ShareBeatingTheta,
    MeanScores Naive,
    MeanScores SeasonalNaive,
    MeanScores Naive2,
    MeanScores Theta)
{
    public static CollectionAccuracy Of(IReadOnlyList<ScoredMember> members)
    {
        var horizon = members.Min(m => m.Actual.Count);
        var byStep = Enumerable.Range(0, horizon)
            .Select(h => Mean(members.Select(m => SmapeTerm(m.Actual[h], m.Predicted[h]))))
            .ToList();
        var scaled = members.Where(m => m.Model.Mase is not null).ToList();
        return new CollectionAccuracy(
            members.Count,
            members.Count - scaled.Count,
            members.Count(m => m.Model.Smape is null),
            Means(members, m => m.Model),
            Median(members.Select(m => m.Model.Mase)),
            Median(members.Select(m => m.Model.Smape)),
            byStep,
            Share(scaled, m => m.SeasonalNaive),
            Share(scaled, m => m.Theta),
            Means(members, m => m.Naive),
            Means(members, m => m.SeasonalNaive),
            Means(members, m => m.Naive2),
            Means(members, m => m.Theta));
    }

    private static MeanScores Means(IReadOnlyList<ScoredMember> members, Func<ScoredMember, AccuracyMetrics> of) =>
        new(Mean(members.Select(m => of(m).Mase)), Mean(members.Select(m => of(m).Smape)));

    /// <summary>Members on which the model's MASE is below the baseline's, as a fraction of those whose MASE is defined.</summary>
    private static double? Share(List<ScoredMember> scaled, Func<ScoredMember, AccuracyMetrics> baseline) =>
        scaled.Count == 0 ? null : scaled.Count(m => m.Model.Mase < (baseline(m).Mase ?? double.PositiveInfinity)) / (double)scaled.Count;

    /// <summary>As <see cref="AccuracyMetrics"/> computes sMAPE: undefined where the actual and the forecast are both 0.</summary>
    private static double? SmapeTerm(double actual, double forecast)
    {
        var denominator = Math.Abs(actual) + Math.Abs(forecast);
        return denominator == 0 ? null : 200 * Math.Abs(actual - forecast) / denominator;
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var defined = values.OfType<double>().ToList();
        return defined.Count == 0 ? null : defined.Average();
    }

    private static double? Median(IEnumerable<double?> values)
    {
        var sorted = values.OfType<double>().Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
