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

/// <summary>Means of MASE and sMAPE over members, for the model and each baseline.</summary>
public sealed record MeanScores(double Mase, double Smape);

/// <summary>
/// A collection's accuracy as forecasting competitions report it (M3, M4, the tourism competition): MASE and sMAPE per
/// member averaged over members, their medians, sMAPE per horizon step, and the share of members on which the model
/// beats seasonal naive and Theta. A member whose MASE or sMAPE is undefined (a constant training part, an actual and
/// its forecast both 0) is left out of that mean and counted in <see cref="Undefined"/>.
/// </summary>
public sealed record CollectionAccuracy(
    int Members,
    int Undefined,
    MeanScores Model,
    double MedianMase,
    double MedianSmape,
    IReadOnlyList<double> SmapeByStep,
    double ShareBeatingSeasonalNaive,
    double ShareBeatingTheta,
    MeanScores Naive,
    MeanScores SeasonalNaive,
    MeanScores Naive2,
    MeanScores Theta)
{
    public static CollectionAccuracy Of(IReadOnlyList<ScoredMember> members)
    {
        var defined = members.Where(m => m.Model.Mase is not null && m.Model.Smape is not null).ToList();
        var horizon = members.Min(m => m.Actual.Count);
        var byStep = Enumerable.Range(0, horizon)
            .Select(h => members.Select(m => Smape(m.Actual[h], m.Predicted[h])).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average())
            .ToList();
        return new CollectionAccuracy(
            members.Count,
            members.Count - defined.Count,
            Means(defined, m => m.Model),
            Median(defined.Select(m => m.Model.Mase!.Value)),
            Median(defined.Select(m => m.Model.Smape!.Value)),
            byStep,
            Share(defined, m => m.SeasonalNaive),
            Share(defined, m => m.Theta),
            Means(defined, m => m.Naive),
            Means(defined, m => m.SeasonalNaive),
            Means(defined, m => m.Naive2),
            Means(defined, m => m.Theta));
    }

    private static MeanScores Means(List<ScoredMember> members, Func<ScoredMember, AccuracyMetrics> of) =>
        new(members.Select(m => of(m).Mase ?? double.NaN).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average(),
            members.Select(m => of(m).Smape ?? double.NaN).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average());

    /// <summary>Members on which the model's MASE is below the baseline's, as a fraction.</summary>
    private static double Share(List<ScoredMember> members, Func<ScoredMember, AccuracyMetrics> baseline) =>
        members.Count == 0 ? double.NaN : members.Count(m => m.Model.Mase < (baseline(m).Mase ?? double.PositiveInfinity)) / (double)members.Count;

    private static double Smape(double actual, double forecast) =>
        200 * Math.Abs(actual - forecast) / (Math.Abs(actual) + Math.Abs(forecast));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
