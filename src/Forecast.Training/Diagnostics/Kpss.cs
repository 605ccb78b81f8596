using Forecast.Domain.Statistics;
using Forecast.Domain;

namespace Forecast.Training.Diagnostics;

/// <summary>
/// KPSS test of level stationarity. H0: the series is stationary around a constant level; a small p-value
/// rejects it. The p-value is interpolated in the KPSS (1992) table, which only spans 0.01..0.10: outside it
/// <see cref="PValue"/> is the boundary, <see cref="PValueOutsideTable"/> is set and <see cref="PValueNote"/> says
/// on which side the true value lies.
/// </summary>
/// <param name="Lags">Bartlett-window lags of the long-run variance, chosen as Hobijn et al. (1998).</param>
public sealed record KpssResult(double Statistic, double PValue, int Lags, bool PValueOutsideTable, string? PValueNote);

/// <summary>KPSS exactly as statsmodels 0.13.5 <c>kpss(x, regression="c", nlags="auto")</c>.</summary>
public static class Kpss
{
    // KPSS (1992) Table 1, level stationarity: critical values at 10 %, 5 %, 2.5 % and 1 %.
    private static readonly double[] CriticalValues = [0.347, 0.463, 0.574, 0.739];
    private static readonly double[] PValues = [0.10, 0.05, 0.025, 0.01];

    /// <summary>Below this the statistic says nothing (statsmodels itself sets no minimum).</summary>
    public const int MinimumLength = 3;

    /// <exception cref="UnprocessableException">The series is too short or constant, or its long-run variance estimate is not positive.</exception>
    /// <exception cref="DomainValidationException">A value is not finite.</exception>
    public static KpssResult Test(IReadOnlyList<double> values) => Test(values, AutomaticLags);

    /// <summary>
    /// The test with a fixed number of Bartlett lags (at most n - 1), as urca's <c>ur.kpss(use.lag = lags)</c> that R's
    /// forecast package runs with trunc(3 √n / 13) lags to choose its differencing.
    /// </summary>
    /// <exception cref="UnprocessableException">The series is too short or constant, or its long-run variance estimate is not positive.</exception>
    /// <exception cref="DomainValidationException">A value is not finite.</exception>
    public static KpssResult Test(IReadOnlyList<double> values, int lags) => Test(values, _ => lags);

    private static KpssResult Test(IReadOnlyList<double> values, Func<double[], int> chooseLags)
    {
        var x = SeriesGuards.Prepare(values, MinimumLength, "The KPSS test");
        var n = x.Length;
        var residuals = LaggedProducts.Centered(x);
        var lags = Math.Min(chooseLags(residuals), n - 1);
        var sums = LaggedProducts.Sums(residuals, lags);

        var partialSum = 0.0;
        var eta = 0.0;
        foreach (var residual in residuals)
        {
            partialSum += residual;
            eta += partialSum * partialSum;
        }
        eta /= (double)n * n;

        // Newey-West long-run variance with Bartlett weights 1 - i / (lags + 1).
        var longRunVariance = sums[0];
        for (var i = 1; i <= lags; i++)
        {
            longRunVariance += 2 * sums[i] * (1.0 - i / (lags + 1.0));
        }
        longRunVariance /= n;
        var statistic = eta / longRunVariance;
        if (!(longRunVariance > 0) || !double.IsFinite(statistic))
        {
            throw new UnprocessableException("The KPSS long-run variance estimate is zero, so the statistic is undefined.", "values");
        }

        var (pValue, note) = Interpolate(statistic);
        return new KpssResult(statistic, pValue, lags, note is not null, note);
    }

    /// <summary>
    /// Hobijn, Franses and Ooms (1998): lags = int(1.1447 (s1 / s0)^(2/3) n^(1/3)) from the autocovariances up
    /// to int(n^(2/9)), as statsmodels' <c>_kpss_autolag</c>.
    /// </summary>
    private static int AutomaticLags(double[] residuals)
    {
        var n = residuals.Length;
        var covarianceLags = (int)Math.Pow(n, 2.0 / 9.0);
        var sums = LaggedProducts.Sums(residuals, covarianceLags);
        var s0 = sums[0] / n;
        var s1 = 0.0;
        for (var i = 1; i <= covarianceLags; i++)
        {
            var product = sums[i] / (n / 2.0);
            s0 += product;
            s1 += i * product;
        }
        var ratio = s1 / s0;
        var gamma = 1.1447 * Math.Pow(ratio * ratio, 1.0 / 3.0);
        var lags = gamma * Math.Pow(n, 1.0 / 3.0);
        // s0 near zero (strong negative autocorrelation) sends the ratio to infinity; n - 1 is the cap anyway.
        return double.IsFinite(lags) ? (int)Math.Min(lags, n - 1) : n - 1;
    }

    private static (double PValue, string? Note) Interpolate(double statistic)
    {
        if (statistic < CriticalValues[0])
        {
            return (PValues[0], $"The statistic is below the smallest tabulated critical value; the true p-value is greater than {PValues[0]:0.00}.");
        }
        if (statistic > CriticalValues[^1])
        {
            return (PValues[^1], $"The statistic is above the largest tabulated critical value; the true p-value is smaller than {PValues[^1]:0.00}.");
        }
        var i = 1;
        while (statistic > CriticalValues[i])
        {
            i++;
        }
        var fraction = (statistic - CriticalValues[i - 1]) / (CriticalValues[i] - CriticalValues[i - 1]);
        return (PValues[i - 1] + fraction * (PValues[i] - PValues[i - 1]), null);
    }
}
