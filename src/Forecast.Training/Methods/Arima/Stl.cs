namespace Forecast.Training.Methods.Arima;

/// <summary>
/// STL, the seasonal-trend decomposition by loess of Cleveland, Cleveland, McRae and Terpenning (1990), with the
/// settings of R's <c>stl</c> without robustness iterations (two inner passes): what <c>forecast::mstl</c> runs on a
/// series with one season, and so what R's auto.arima measures seasonal strength on.
/// </summary>
internal static class Stl
{
    /// <summary>The seasonal, trend and remainder components; they add up to the series.</summary>
    public sealed record Decomposition(double[] Seasonal, double[] Trend, double[] Remainder);

    private const int InnerPasses = 2;

    /// <param name="period">The season, at least 2; the series must be longer than two seasons.</param>
    /// <param name="seasonalWindow">The span of the cycle-subseries smoother (R's <c>s.window</c>), made odd and at least 3.</param>
    public static Decomposition Decompose(IReadOnlyList<double> series, int period, int seasonalWindow)
    {
        var y = series.ToArray();
        var n = y.Length;
        var seasonalSpan = OddAtLeastThree(seasonalWindow);
        // R's defaults: t.window = nextodd(ceiling(1.5 m / (1 - 1.5 / s.window))), l.window = nextodd(m), and each smoother
        // evaluated every ceiling(span / 10) points and interpolated in between.
        var trendSpan = OddAtLeastThree(NextOdd(Math.Ceiling(1.5 * period / (1 - 1.5 / seasonalWindow))));
        var lowPassSpan = OddAtLeastThree(NextOdd(period));
        var seasonalJump = JumpOf(seasonalWindow);
        var trendJump = JumpOf(NextOdd(Math.Ceiling(1.5 * period / (1 - 1.5 / seasonalWindow))));
        var lowPassJump = JumpOf(NextOdd(period));

        var trend = new double[n];
        var seasonal = new double[n];
        for (var pass = 0; pass < InnerPasses; pass++)
        {
            var detrended = new double[n];
            for (var i = 0; i < n; i++)
            {
                detrended[i] = y[i] - trend[i];
            }
            // The cycle-subseries, smoothed and extended one season either side: n + 2m values.
            var cycles = SmoothCycleSubseries(detrended, period, seasonalSpan, seasonalJump);
            var lowPass = Loess(LowPassFilter(cycles, period), lowPassSpan, degree: 1, lowPassJump);
            for (var i = 0; i < n; i++)
            {
                seasonal[i] = cycles[period + i] - lowPass[i];
            }
            var deseasonalized = new double[n];
            for (var i = 0; i < n; i++)
            {
                deseasonalized[i] = y[i] - seasonal[i];
            }
            trend = Loess(deseasonalized, trendSpan, degree: 1, trendJump);
        }
        var remainder = new double[n];
        for (var i = 0; i < n; i++)
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
            var smoothed = Loess(subseries, span, degree: 0, jump);
            var before = Estimate(subseries, span, 0, 0, 1, Math.Min(span, count)) ?? smoothed[0];
            var after = Estimate(subseries, span, 0, count + 1, Math.Max(1, count - span + 1), count) ?? smoothed[count - 1];
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

    /// <summary>
    /// The loess fit at every point: computed at every <paramref name="jump"/>-th point (and the last), with the
    /// neighbourhood of <paramref name="span"/> points, and linearly interpolated in between.
    /// </summary>
    private static double[] Loess(double[] y, int span, int degree, int jump)
    {
        var n = y.Length;
        var fitted = new double[n];
        if (n < 2)
        {
            fitted[0] = y[0];
            return fitted;
        }
        var step = Math.Min(jump, n - 1);
        // Positions are 1-based, as the tricube weights and the degree-1 adjustment are written for them.
        int left = 1, right = n;
        if (span >= n)
        {
            for (var i = 1; i <= n; i += step)
            {
                fitted[i - 1] = Estimate(y, span, degree, i, left, right) ?? y[i - 1];
            }
        }
        else if (step == 1)
        {
            var half = (span + 1) / 2;
            right = span;
            for (var i = 1; i <= n; i++)
            {
                if (i > half && right != n)
                {
                    left++;
                    right++;
                }
                fitted[i - 1] = Estimate(y, span, degree, i, left, right) ?? y[i - 1];
            }
        }
        else
        {
            var half = (span + 1) / 2;
            for (var i = 1; i <= n; i += step)
            {
                (left, right) = i < half ? (1, span) : i >= n - half + 1 ? (n - span + 1, n) : (i - half + 1, span + i - half);
                fitted[i - 1] = Estimate(y, span, degree, i, left, right) ?? y[i - 1];
            }
        }
        if (step == 1)
        {
            return fitted;
        }

        for (var i = 1; i <= n - step; i += step)
        {
            var slope = (fitted[i + step - 1] - fitted[i - 1]) / step;
            for (var j = i + 1; j < i + step; j++)
            {
                fitted[j - 1] = fitted[i - 1] + slope * (j - i);
            }
        }
        var lastComputed = (n - 1) / step * step + 1;
        if (lastComputed != n)
        {
            // The last point is fitted in the neighbourhood of the last computed one, as STL's Fortran leaves it.
            fitted[n - 1] = Estimate(y, span, degree, n, left, right) ?? y[n - 1];
            if (lastComputed != n - 1)
            {
                var slope = (fitted[n - 1] - fitted[lastComputed - 1]) / (n - lastComputed);
                for (var j = lastComputed + 1; j < n; j++)
                {
                    fitted[j - 1] = fitted[lastComputed - 1] + slope * (j - lastComputed);
                }
            }
        }
        return fitted;
    }

    /// <summary>
    /// The local fit at position <paramref name="x"/> (1-based) from the points <paramref name="left"/>..<paramref name="right"/>
    /// with tricube weights; a local line when <paramref name="degree"/> is 1 and the points spread enough. Null when
    /// every weight is zero.
    /// </summary>
    private static double? Estimate(double[] y, int span, int degree, double x, int left, int right)
    {
        var n = y.Length;
        var range = n - 1.0;
        var h = Math.Max(x - left, right - x);
        if (span > n)
        {
            h += (span - n) / 2;
        }
        var upper = 0.999 * h;
        var lower = 0.001 * h;
        var weights = new double[right - left + 1];
        var total = 0.0;
        for (var j = left; j <= right; j++)
        {
            var r = Math.Abs(j - x);
            if (r <= upper)
            {
                var u = r / h;
                var tricube = 1 - u * u * u;
                var w = r <= lower ? 1.0 : tricube * tricube * tricube;
                weights[j - left] = w;
                total += w;
            }
        }
        if (total <= 0)
        {
            return null;
        }
        for (var j = 0; j < weights.Length; j++)
        {
            weights[j] /= total;
        }
        if (h > 0 && degree > 0)
        {
            var centre = 0.0;
            for (var j = left; j <= right; j++)
            {
                centre += weights[j - left] * j;
            }
            var spread = 0.0;
            for (var j = left; j <= right; j++)
            {
                spread += weights[j - left] * (j - centre) * (j - centre);
            }
            if (Math.Sqrt(spread) > 0.001 * range)
            {
                var slope = (x - centre) / spread;
                for (var j = left; j <= right; j++)
                {
                    weights[j - left] *= slope * (j - centre) + 1;
                }
            }
        }
        var fit = 0.0;
        for (var j = left; j <= right; j++)
        {
            fit += weights[j - left] * y[j - 1];
        }
        return fit;
    }
}
