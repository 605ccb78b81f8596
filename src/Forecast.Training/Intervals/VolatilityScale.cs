namespace Forecast.Training.Intervals;

/// <summary>
/// How restless a series is just before a forecast origin: the mean absolute step over the last
/// <c>window</c> points, averaged with the mean absolute step over all the history before the origin.
/// </summary>
/// <remarks>
/// Conformal scores divided by a scale known at the origin stay valid for any positive scale, and
/// intervals then widen where the series has lately moved more (a wet December of daily rainfall) and
/// narrow where it has moved less. Half of the scale is the whole history's, so a quiet spell (a dry
/// week) never collapses an interval to nothing. On logs when the model took logs.
/// </remarks>
public sealed class VolatilityScale
{
    private readonly double[] stepSums;
    private readonly int window;

    public VolatilityScale(IReadOnlyList<double> series, int window, bool logScale)
    {
        this.window = window;
        stepSums = new double[series.Count];
        for (var t = 1; t < series.Count; t++)
        {
            var step = logScale ? Math.Log(series[t]) - Math.Log(series[t - 1]) : series[t] - series[t - 1];
            stepSums[t] = stepSums[t - 1] + Math.Abs(step);
        }
    }

    /// <summary>The scale for a forecast made from the first <paramref name="origin"/> points.</summary>
    public double At(int origin)
    {
        var last = origin - 1;
        if (last < 1)
        {
            return 1;
        }
        var from = Math.Max(0, last - window);
        var recent = (stepSums[last] - stepSums[from]) / (last - from);
        var overall = stepSums[last] / last;
        var scale = (recent + overall) / 2;
        return scale > 0 ? scale : 1;
    }
}
