namespace Forecast.Domain.Seasonality;

/// <summary>
/// The loess smoother of STL's Fortran (<c>stless</c> and <c>stlest</c>, Cleveland et al. 1990): a local constant or
/// line with tricube weights over a window of points, fitted at every jump-th point and interpolated in between.
/// MathNet.Numerics has no loess, and STL needs exactly this one (its windows, jumps and end rules) to agree with R.
/// </summary>
internal static class Loess
{
    /// <summary>
    /// The loess fit at every point: computed at every <paramref name="jump"/>-th point (and the last), with the
    /// neighbourhood of <paramref name="span"/> points, and linearly interpolated in between.
    /// </summary>
    public static double[] Smooth(double[] y, int span, int degree, int jump)
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
    /// The local fit at position <paramref name="x"/> (1-based, possibly outside 1..n) from the points
    /// <paramref name="left"/>..<paramref name="right"/> with tricube weights; a local line when <paramref name="degree"/>
    /// is 1 and the points spread enough. Null when every weight is zero.
    /// </summary>
    public static double? Estimate(double[] y, int span, int degree, double x, int left, int right)
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
