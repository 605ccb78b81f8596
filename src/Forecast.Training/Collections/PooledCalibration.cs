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
/// own seasonal-naive errors are large. Up to <see cref="MaxOriginsPerMember"/> origins spread evenly over a member's
/// validation part forecast up to the test horizon ahead; each step keeps its own scores. Intervals are f ± q · scale,
/// on the original scale.
/// </remarks>
public static class PooledCalibration
{
    /// <summary>
    /// Origins per member: enough for thousands of scores per step on a collection of hundreds, few enough that the
    /// stored calibration stays small (tourism monthly: 366 members × 12 origins × 24 steps).
    /// </summary>
    public const int MaxOriginsPerMember = 12;

    /// <returns>Null when no member has a validation part, or no validation error has a positive scale.</returns>
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
                if (!(scale > 0))
                {
                    continue;
                }
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

    /// <summary>A member's scale at the origin after <paramref name="history"/>: its in-sample seasonal-naive MAE.</summary>
    public static double ScaleAt(IReadOnlyList<double> history, int seasonalPeriod) => AccuracyMetrics.MaseScale(history, seasonalPeriod);
}
