using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Training.Intervals;

namespace Forecast.Training.Collections;

/// <summary>
/// Prediction intervals for a global model: split-conformal, as for one series (<see cref="ConformalCalibration"/>), but
/// from the validation errors of every member pooled, each divided by its member's scale, and scaled back per member.
/// A short member has too few validation errors of its own for a 95 % quantile; pooled, a collection has thousands.
/// </summary>
/// <remarks>
/// The scale is the MASE scale (the in-sample seasonal-naive MAE of the history before the origin), so a score is an
/// error in the units MASE counts, comparable across members of any level, and a member's interval is as wide as its
/// own seasonal-naive errors are large (see <see cref="ScaleAt"/> for a member on which they are 0). Up to
/// <see cref="MaxOriginsPerMember"/> origins spread evenly over a member's validation part forecast up to the test
/// horizon ahead; each step keeps its own scores. Intervals are f ± q · scale, on the original scale.
/// </remarks>
public static class PooledCalibration
{
    /// <summary>
    /// Origins per member: enough for thousands of scores per step on a collection of hundreds, few enough that the
    /// stored calibration stays small (tourism monthly: 366 members × 12 origins × 24 steps).
    /// </summary>
    public const int MaxOriginsPerMember = 12;

    /// <returns>Null when no member has a validation part.</returns>
    public static ConformalCalibration? Fit(GlobalModel model, IReadOnlyList<GlobalMember> members, Hyperparameters hp)
    {
        var period = model.Artifact.SeasonalPeriod;
        var errorsByStep = Enumerable.Range(0, hp.TestSize).Select(_ => new List<double>()).ToArray();
        var splits = members.Select(m => DataSplit.For(m.Values.Count, hp.TestSize, hp.ValidationFraction)).ToArray();
        var origins = splits.Select(s => Math.Min(s.ValidationCount, MaxOriginsPerMember)).ToArray();
        // One batch per origin: every member with that many origins forecasts from its k-th at once.
        for (var k = 0; k < origins.Max(); k++)
        {
            var asked = Enumerable.Range(0, members.Count).Where(i => k < origins[i]).ToList();
            var histories = asked.Select(i => (members[i].Key,
                (IReadOnlyList<double>)members[i].Values.Take(splits[i].TrainEnd + (k * splits[i].ValidationCount / origins[i])).ToArray())).ToList();
            var forecasts = model.ForecastAll(histories, hp.TestSize);
            for (var j = 0; j < asked.Count; j++)
            {
                var (values, split, history) = (members[asked[j]].Values, splits[asked[j]], histories[j].Item2);
                var scale = ScaleAt(history, period);
                for (var step = 0; step < hp.TestSize && history.Count + step < split.ValidationEnd; step++)
                {
                    errorsByStep[step].Add((values[history.Count + step] - forecasts[j][step]) / scale);
                }
            }
        }
        var calibrated = errorsByStep.TakeWhile(errors => errors.Count > 0).ToArray();
        return calibrated.Length == 0
            ? null
            : ConformalCalibration.FromErrors(calibrated, logScale: false, growsBeyondCalibration: false);
    }

    /// <summary>A member's scale at the origin after <paramref name="history"/>: its in-sample seasonal-naive MAE, the MASE scale.</summary>
    /// <remarks>
    /// Where seasonal naive fits the history exactly (a member repeating one season, or constant) that MAE is 0, and an
    /// interval scaled by it would have no width around forecasts the network never makes exactly: it would cover
    /// nothing, and every observation would be an anomaly of infinite score. Such a member is scaled instead by the first
    /// positive of its naive (lag 1) MAE, MASE's scale for a series without a season (for a repeated season, how far it
    /// moves from one period to the next: what a forecast that lost the season errs by), its mean absolute level (a
    /// constant, which the network sees in logs when positive and so errs on in proportion to), and 1 (zero
    /// throughout). The pool tells nothing of how the network errs on a member that seasonal naive cannot fault, so
    /// these are large measures in the member's own units: its interval is wider than it need be rather than too narrow
    /// to cover anything. The same scale divides the member's validation errors in <see cref="Fit"/>, as split
    /// conformal requires.
    /// </remarks>
    public static double ScaleAt(IReadOnlyList<double> history, int seasonalPeriod)
    {
        var seasonalNaive = AccuracyMetrics.MaseScale(history, seasonalPeriod);
        if (seasonalNaive > 0)
        {
            return seasonalNaive;
        }
        var naive = AccuracyMetrics.MaseScale(history, 1);
        if (naive > 0)
        {
            return naive;
        }
        var level = history.Count == 0 ? 0 : history.Average(Math.Abs);
        return level > 0 ? level : 1;
    }
}
