using Forecast.Domain.Evaluation;
using Forecast.Training.Intervals;

namespace Forecast.Training.Collections;

/// <summary>
/// Prediction intervals for a global model: split-conformal, as for one series (<see cref="ConformalCalibration"/>), but
/// from the errors of every member's forecast of its validation part pooled, each divided by its member's scale, and
/// scaled back per member. A short member has too few errors of its own for a 95 % quantile; pooled, a collection has hundreds.
/// </summary>
/// <remarks>
/// The scale is the MASE scale (the in-sample seasonal-naive MAE of the history before the origin), so a score is an
/// error in the units MASE counts, comparable across members of any level, and a member's interval is as wide as its
/// own seasonal-naive errors are large (see <see cref="ScaleAt"/> for a member on which they are 0). Each step keeps its
/// own scores. Intervals are f ± q · scale, on the original scale.
/// </remarks>
public static class PooledCalibration
{
    /// <summary>The calibration of forecasts from the end of each history, step by step, against what followed.</summary>
    /// <param name="histories">Each member's history before its forecast's origin.</param>
    /// <param name="forecasts">Each member's forecast of as many steps as <paramref name="actuals"/> hold.</param>
    public static ConformalCalibration Of(
        IReadOnlyList<IReadOnlyList<double>> histories, IReadOnlyList<double[]> forecasts, IReadOnlyList<double[]> actuals, int seasonalPeriod)
    {
        var scales = histories.Select(h => ScaleAt(h, seasonalPeriod)).ToArray();
        var errorsByStep = Enumerable.Range(0, actuals[0].Length)
            .Select(step => actuals.Select((actual, i) => (actual[step] - forecasts[i][step]) / scales[i]).ToList())
            .ToList();
        return ConformalCalibration.FromErrors(errorsByStep, logScale: false, growsBeyondCalibration: false);
    }

    /// <summary>
    /// A member's forecast from the end of <paramref name="history"/> with its intervals at <paramref name="levels"/>: the
    /// pooled <paramref name="calibration"/>'s half-widths times the member's <see cref="ScaleAt"/> there.
    /// </summary>
    /// <exception cref="Domain.UnprocessableException">Levels asked without a calibration.</exception>
    public static IReadOnlyList<ForecastStep> Around(
        IReadOnlyList<double> forecast, IReadOnlyList<double> history, int seasonalPeriod, IntervalLevels levels, ConformalCalibration? calibration) =>
        ForecastWithIntervals.Assemble(forecast, levels, calibration, levels.Values.Count == 0 ? 1 : ScaleAt(history, seasonalPeriod));

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
    /// to cover anything. The same scale divides the member's validation errors in <see cref="Of"/>, as split
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
