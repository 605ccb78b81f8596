namespace Forecast.Domain.Evaluation;

/// <summary>
/// The mean scaled interval score (MSIS) of the M4 competition (Makridakis et al. 2020), for intervals at one level:
/// each step scores the interval's width plus 2/alpha times how far the actual value fell outside it, so a narrow
/// interval that misses costs more than a wide one that covers; the mean over the steps is divided by the same
/// in-sample seasonal-naive scale as MASE, so that series of any size compare. Lower is better.
/// </summary>
public static class IntervalScore
{
    /// <param name="level">The intervals' nominal coverage in percent (95 for alpha = 0.05).</param>
    /// <param name="scale">The in-sample seasonal-naive MAE (<see cref="AccuracyMetrics.MaseScale"/>).</param>
    /// <returns>The MSIS, or null when the scale is 0 (a member that repeats itself exactly) or there are no steps.</returns>
    public static double? Msis(IReadOnlyList<double> actual, IReadOnlyList<double> lower, IReadOnlyList<double> upper, double level, double scale)
    {
        if (actual.Count != lower.Count || actual.Count != upper.Count)
        {
            throw new ArgumentException("The actual values and both bounds must have one value per step.", nameof(actual));
        }
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(level, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, 100);
        if (scale <= 0 || actual.Count == 0)
        {
            return null;
        }
        var penalty = 2 / (1 - (level / 100));
        var total = 0.0;
        for (var i = 0; i < actual.Count; i++)
        {
            total += upper[i] - lower[i]
                + (penalty * Math.Max(0, lower[i] - actual[i]))
                + (penalty * Math.Max(0, actual[i] - upper[i]));
        }
        return total / actual.Count / scale;
    }
}
