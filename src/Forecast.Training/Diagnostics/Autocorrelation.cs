using Forecast.Domain;
using Forecast.Domain.Statistics;
using MathNet.Numerics.Distributions;

namespace Forecast.Training.Diagnostics;

/// <summary>
/// One lag of a correlogram with its confidence interval, as statsmodels returns it: centred on
/// <see cref="Value"/>, so a coefficient is significant when the interval excludes zero (equivalently when
/// |Value| exceeds Upper - Value, the band plot_acf draws around zero).
/// </summary>
public sealed record CorrelogramPoint(int Lag, double Value, double Lower, double Upper);

/// <summary>Sample ACF and Yule-Walker PACF, matching statsmodels 0.13.5 <c>acf(fft=False)</c> and <c>pacf(method="yw")</c>.</summary>
public static class Autocorrelation
{
    /// <summary>Correlograms longer than this are unreadable, and the PACF's cost grows with its square.</summary>
    public const int MaxLags = 1000;

    /// <summary>
    /// The biased sample autocorrelation r[0..nlags] with statsmodels' <c>acf(alpha=...)</c> intervals:
    /// Bartlett's variance (1 + 2 sum_{j&lt;k} r[j]^2) / n at lag k, zero width at lag 0.
    /// </summary>
    public static IReadOnlyList<CorrelogramPoint> Acf(IReadOnlyList<double> values, int nlags, double alpha = 0.05)
    {
        var x = SeriesGuards.Prepare(values, 2, "The autocorrelation function");
        RequireNlags(nlags, x.Length - 1, "the series length minus one");
        RequireAlpha(alpha);
        var r = LaggedProducts.Autocorrelations(x, nlags);
        var z = Normal.InvCDF(0, 1, 1 - alpha / 2);
        var n = x.Length;
        var points = new CorrelogramPoint[nlags + 1];
        var cumulativeSquares = 0.0;
        for (var k = 0; k <= nlags; k++)
        {
            var variance = k == 0 ? 0 : (1 + 2 * cumulativeSquares) / n;
            if (k > 0)
            {
                cumulativeSquares += r[k] * r[k];
            }
            var halfWidth = z * Math.Sqrt(variance);
            points[k] = new CorrelogramPoint(k, r[k], r[k] - halfWidth, r[k] + halfWidth);
        }
        return points;
    }

    /// <summary>
    /// The partial autocorrelation by Yule-Walker with the adjusted autocovariances (denominator n - k), which
    /// is what statsmodels' <c>pacf(method="yw")</c> means; intervals +-z / sqrt(n), zero width at lag 0.
    /// </summary>
    /// <remarks>
    /// statsmodels solves the order-k Yule-Walker system afresh for every k and keeps its last coefficient.
    /// The Durbin-Levinson recursion yields exactly those coefficients (the reflection coefficients of the same
    /// Toeplitz systems) in O(nlags^2) instead of O(nlags^4).
    /// </remarks>
    public static IReadOnlyList<CorrelogramPoint> Pacf(IReadOnlyList<double> values, int nlags, double alpha = 0.05)
    {
        var x = SeriesGuards.Prepare(values, 4, "The partial autocorrelation function");
        var n = x.Length;
        RequireNlags(nlags, n / 2 - 1, "half the series length minus one");
        RequireAlpha(alpha);

        var sums = LaggedProducts.Sums(LaggedProducts.Centered(x), nlags);
        var covariance = new double[nlags + 1];
        covariance[0] = sums[0] / n;
        for (var k = 1; k <= nlags; k++)
        {
            covariance[k] = sums[k] / (n - k);
        }

        var halfWidth = Normal.InvCDF(0, 1, 1 - alpha / 2) / Math.Sqrt(n);
        var points = new CorrelogramPoint[nlags + 1];
        points[0] = new CorrelogramPoint(0, 1, 1, 1);
        var phi = new double[nlags + 1];
        var previous = new double[nlags + 1];
        var innovationVariance = covariance[0];
        for (var k = 1; k <= nlags; k++)
        {
            var numerator = covariance[k];
            for (var j = 1; j < k; j++)
            {
                numerator -= previous[j] * covariance[k - j];
            }
            // The adjusted autocovariances need not form a positive definite sequence; a vanishing prediction
            // variance means the order-k system is singular (statsmodels' solve fails there too).
            if (!(Math.Abs(innovationVariance) > 1e-14 * covariance[0]))
            {
                throw new UnprocessableException(
                    $"The Yule-Walker equations of order {k} are singular; ask for fewer than {k} PACF lags.", "nlags");
            }
            var reflection = numerator / innovationVariance;
            phi[k] = reflection;
            for (var j = 1; j < k; j++)
            {
                phi[j] = previous[j] - reflection * previous[k - j];
            }
            innovationVariance *= 1 - reflection * reflection;
            Array.Copy(phi, previous, k + 1);
            points[k] = new CorrelogramPoint(k, reflection, reflection - halfWidth, reflection + halfWidth);
        }
        return points;
    }

    internal static void RequireNlags(int nlags, int limit, string limitName)
    {
        var maximum = Math.Min(limit, MaxLags);
        if (nlags < 1 || nlags > maximum)
        {
            var reason = maximum == MaxLags ? $"at most {MaxLags}" : $"at most {limitName} ({maximum})";
            throw new DomainValidationException($"nlags is {nlags}; it must be at least 1 and {reason}.", "nlags");
        }
    }

    internal static void RequireAlpha(double alpha)
    {
        if (!(alpha > 0 && alpha < 1))
        {
            throw new DomainValidationException($"alpha is {alpha}; it must lie strictly between 0 and 1.", "alpha");
        }
    }
}
