namespace Forecast.Domain.Seasonality;

/// <summary>
/// STL, the seasonal-trend decomposition by loess of Cleveland, Cleveland, McRae and Terpenning (1990), as R's
/// <c>stats::stl</c> with its defaults and without robustness iterations (two inner passes, no outer ones): the seasonal
/// smoother a local constant (s.degree 0), the trend and low-pass smoothers local lines, each window and jump R's default.
/// </summary>
public static class Stl
{
    /// <summary>The seasonal, trend and remainder components; they add up to the series.</summary>
    public sealed record Decomposition(double[] Seasonal, double[] Trend, double[] Remainder);

    private const int InnerPasses = 2;

    /// <summary>R's <c>stl(x, s.window)</c> with a numeric seasonal window.</summary>
    /// <param name="period">The season, at least 2; the series must be longer than two seasons.</param>
    /// <param name="seasonalWindow">The span of the cycle-subseries smoother (R's <c>s.window</c>), made odd and at least 3.</param>
    /// <exception cref="ArgumentException">A period below 2, or a series not longer than two of them.</exception>
    public static Decomposition Decompose(IReadOnlyList<double> series, int period, int seasonalWindow)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (period < 2 || series.Count <= 2 * period)
        {
            throw new ArgumentException($"STL needs a period of at least 2 and more than two periods; got {series.Count} points of period {period}.", nameof(period));
        }
        var y = series.ToArray();
        var (seasonal, trend) = Passes(y, period, seasonalWindow);
        return WithRemainder(y, seasonal, trend);
    }

    /// <summary>
    /// R's <c>stl(x, s.window = "periodic")</c>: a window wider than the series, so each phase's smoother is its mean, and
    /// then each phase's seasonal values replaced by their mean, so the season repeats exactly.
    /// </summary>
    /// <exception cref="ArgumentException">A period below 2, or a series not longer than two of them.</exception>
    public static Decomposition DecomposePeriodic(IReadOnlyList<double> series, int period)
    {
        var raw = Decompose(series, period, 10 * series.Count + 1);
        var seasonal = new double[raw.Seasonal.Length];
        for (var phase = 0; phase < period; phase++)
        {
            var (sum, count) = (0.0, 0);
            for (var i = phase; i < seasonal.Length; i += period)
            {
                sum += raw.Seasonal[i];
                count++;
            }
            for (var i = phase; i < seasonal.Length; i += period)
            {
                seasonal[i] = sum / count;
            }
        }
        return WithRemainder(series.ToArray(), seasonal, raw.Trend);
    }

    /// <summary>STL's inner loop (Fortran <c>stlstp</c>) with R's default windows and jumps for <paramref name="seasonalWindow"/>.</summary>
    private static (double[] Seasonal, double[] Trend) Passes(double[] y, int period, int seasonalWindow)
    {
        var n = y.Length;
        // R's defaults: t.window = nextodd(ceiling(1.5 m / (1 - 1.5 / s.window))), l.window = nextodd(m), each smoother
        // evaluated every ceiling(window / 10) points (of the window as given, before it is made odd) and interpolated.
        var trendWindow = NextOdd(Math.Ceiling(1.5 * period / (1 - 1.5 / seasonalWindow)));
        var lowPassWindow = NextOdd(period);
        var (seasonalSpan, trendSpan, lowPassSpan) = (OddAtLeastThree(seasonalWindow), OddAtLeastThree(trendWindow), OddAtLeastThree(lowPassWindow));
        var (seasonalJump, trendJump, lowPassJump) = (JumpOf(seasonalWindow), JumpOf(trendWindow), JumpOf(lowPassWindow));

        var trend = new double[n];
        var seasonal = new double[n];
        var detrended = new double[n];
        var deseasonalized = new double[n];
        for (var pass = 0; pass < InnerPasses; pass++)
        {
            for (var i = 0; i < n; i++)
            {
                detrended[i] = y[i] - trend[i];
            }
            // The cycle-subseries, smoothed and extended one season either side: n + 2m values.
            var cycles = SmoothCycleSubseries(detrended, period, seasonalSpan, seasonalJump);
            var lowPass = Loess.Smooth(LowPassFilter(cycles, period), lowPassSpan, degree: 1, lowPassJump);
            for (var i = 0; i < n; i++)
            {
                seasonal[i] = cycles[period + i] - lowPass[i];
                deseasonalized[i] = y[i] - seasonal[i];
            }
            trend = Loess.Smooth(deseasonalized, trendSpan, degree: 1, trendJump);
        }
        return (seasonal, trend);
    }

    private static Decomposition WithRemainder(double[] y, double[] seasonal, double[] trend)
    {
        var remainder = new double[y.Length];
        for (var i = 0; i < y.Length; i++)
        {
            remainder[i] = y[i] - seasonal[i] - trend[i];
        }
        return new Decomposition(seasonal, trend, remainder);
    }

    private static int NextOdd(double x)
    {
        var rounded = (int)Math.Round(x, MidpointRounding.ToEven);
        return rounded % 2 == 0 ? rounded + 1 : rounded;
    }

    private static int OddAtLeastThree(int span)
    {
        var s = Math.Max(3, span);
        return s % 2 == 0 ? s + 1 : s;
    }

    private static int JumpOf(int span) => (int)Math.Ceiling(span / 10.0);

    /// <summary>
    /// Each phase's subseries smoothed by a local constant, with one value extrapolated before its first point and one
    /// after its last; interleaved back, one season longer at each end than the series.
    /// </summary>
    private static double[] SmoothCycleSubseries(double[] values, int period, int span, int jump)
    {
        var n = values.Length;
        var result = new double[n + 2 * period];
        for (var phase = 0; phase < period; phase++)
        {
            var count = (n - phase - 1) / period + 1;
            var subseries = new double[count];
            for (var i = 0; i < count; i++)
            {
                subseries[i] = values[i * period + phase];
            }
            var smoothed = Loess.Smooth(subseries, span, degree: 0, jump);
            var before = Loess.Estimate(subseries, span, 0, 0, 1, Math.Min(span, count)) ?? smoothed[0];
            var after = Loess.Estimate(subseries, span, 0, count + 1, Math.Max(1, count - span + 1), count) ?? smoothed[count - 1];
            result[phase] = before;
            for (var i = 0; i < count; i++)
            {
                result[(i + 1) * period + phase] = smoothed[i];
            }
            result[(count + 1) * period + phase] = after;
        }
        return result;
    }

    /// <summary>Moving averages of m, m and 3 points: n + 2m values in, n out.</summary>
    private static double[] LowPassFilter(double[] values, int period) =>
        MovingAverage(MovingAverage(MovingAverage(values, period), period), 3);

    /// <summary>The running mean of <paramref name="length"/> points, kept as a running sum as STL's Fortran does.</summary>
    private static double[] MovingAverage(double[] values, int length)
    {
        var result = new double[values.Length - length + 1];
        var sum = 0.0;
        for (var i = 0; i < length; i++)
        {
            sum += values[i];
        }
        result[0] = sum / length;
        for (var j = 1; j < result.Length; j++)
        {
            sum = sum - values[j - 1] + values[j + length - 1];
            result[j] = sum / length;
        }
        return result;
    }
}
