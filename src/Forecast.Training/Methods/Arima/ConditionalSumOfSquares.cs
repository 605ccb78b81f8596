namespace Forecast.Training.Methods.Arima;

/// <summary>
/// The conditional sum of squares of R's <c>arima(method = "CSS")</c>: the series differenced, then the ARMA residuals
/// from point ncond on with every earlier residual taken as zero. Quick, so auto.arima searches with it on long or
/// finely seasonal series.
/// </summary>
internal static class ConditionalSumOfSquares
{
    /// <summary>The points the recursion conditions on: d + D·m + p + P·m.</summary>
    public static int ConditioningPoints(ArimaSpec spec) =>
        spec.DifferencedAway + spec.ArOrder + spec.SeasonalArOrder * spec.Period;

    /// <summary>The mean squared residual of <paramref name="y"/> (already net of any mean or drift).</summary>
    public static double MeanSquare(ArimaSpec spec, ReadOnlySpan<double> y, ReadOnlySpan<double> phi, ReadOnlySpan<double> theta)
    {
        var n = y.Length;
        var w = y.ToArray();
        // In place from the end, as R does: w keeps its length and its first d + D·m entries are never read.
        for (var i = 0; i < spec.Differences; i++)
        {
            for (var t = n - 1; t > 0; t--)
            {
                w[t] -= w[t - 1];
            }
        }
        for (var i = 0; i < spec.SeasonalDifferences; i++)
        {
            for (var t = n - 1; t >= spec.Period; t--)
            {
                w[t] -= w[t - spec.Period];
            }
        }

        var start = ConditioningPoints(spec);
        var residuals = new double[n];
        var sum = 0.0;
        var counted = 0;
        for (var t = start; t < n; t++)
        {
            var value = w[t];
            for (var j = 0; j < phi.Length; j++)
            {
                value -= phi[j] * w[t - j - 1];
            }
            var lags = Math.Min(t - start, theta.Length);
            for (var j = 0; j < lags; j++)
            {
                value -= theta[j] * residuals[t - j - 1];
            }
            residuals[t] = value;
            if (!double.IsNaN(value))
            {
                counted++;
                sum += value * value;
            }
        }
        return sum / counted;
    }
}
