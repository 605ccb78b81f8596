using Forecast.Domain;
using Forecast.Domain.Seasonality;
using Forecast.Training.Diagnostics;

namespace Forecast.Training.Methods.Arima;

/// <summary>
/// How many differences auto.arima takes, as R's forecast 8.20 chooses them: D from the seasonal strength of an STL
/// decomposition (<c>nsdiffs(test = "seas")</c>, R's default), then d by repeated KPSS tests on the seasonally
/// differenced series (<c>ndiffs(test = "kpss")</c>).
/// </summary>
internal static class Differencing
{
    /// <summary>The strength above which a season is differenced away (Wang, Smith and Hyndman 2006, as R's nsdiffs).</summary>
    public const double SeasonalStrengthThreshold = 0.64;

    /// <summary>R's auto.arima takes at most two first differences.</summary>
    public const int MaximumDifferences = 2;

    private const double KpssAlpha = 0.05;

    /// <summary>
    /// R's <c>nsdiffs(x, test = "seas", max.D = 1)</c> inside auto.arima: 1 when the series spans more than two seasons and its
    /// seasonal strength exceeds <see cref="SeasonalStrengthThreshold"/>, else 0.
    /// </summary>
    public static (int Differences, double? Strength) Seasonal(IReadOnlyList<double> x, int period)
    {
        if (period <= 1 || x.Count <= 2 * period || IsConstant(x))
        {
            return (0, null);
        }
        var strength = SeasonalStrength(x, period);
        return (strength > SeasonalStrengthThreshold ? 1 : 0, strength);
    }

    /// <summary>F_S = max(0, min(1, 1 - Var(remainder) / Var(seasonal + remainder))) of R's <c>mstl</c> decomposition.</summary>
    public static double SeasonalStrength(IReadOnlyList<double> x, int period)
    {
        // R's mstl runs one round on a series with one season.
        var mstl = Mstl.Decompose(x, [period], iterations: 1);
        var seasonal = mstl.Seasonals[0].Values;
        var detrended = mstl.Remainder.Select((r, i) => r + seasonal[i]).ToArray();
        return Math.Max(0, Math.Min(1, 1 - Variance(mstl.Remainder) / Variance(detrended)));
    }

    /// <summary>
    /// R's <c>ndiffs(x, test = "kpss", alpha = 0.05, max.d = 2)</c>: difference while the KPSS test (trunc(3 √n / 13) lags)
    /// rejects level stationarity at 5 % and the series is not constant.
    /// </summary>
    public static int First(IReadOnlyList<double> x)
    {
        var d = 0;
        if (IsConstant(x))
        {
            return d;
        }
        var current = x.ToArray();
        while (RejectsStationarity(current) && d < MaximumDifferences)
        {
            d++;
            current = Apply(current, 1, 0, 1);
            if (IsConstant(current))
            {
                return d;
            }
        }
        return d;
    }

    /// <summary>The series after <paramref name="differences"/> first and <paramref name="seasonalDifferences"/> seasonal differences, shorter by d + D·m.</summary>
    public static double[] Apply(IReadOnlyList<double> values, int differences, int seasonalDifferences, int period)
    {
        var x = values.ToArray();
        for (var i = 0; i < differences; i++)
        {
            x = Lagged(x, 1);
        }
        for (var i = 0; i < seasonalDifferences; i++)
        {
            x = Lagged(x, period);
        }
        return x;

        static double[] Lagged(double[] v, int lag) =>
            v.Length <= lag ? [] : Enumerable.Range(lag, v.Length - lag).Select(t => v[t] - v[t - lag]).ToArray();
    }

    private static bool RejectsStationarity(double[] x)
    {
        try
        {
            var lags = (int)Math.Truncate(3 * Math.Sqrt(x.Length) / 13);
            return Kpss.Test(x, lags).PValue < KpssAlpha;
        }
        catch (UnprocessableException)
        {
            // R's ndiffs takes a test that cannot run as no evidence for a difference.
            return false;
        }
    }

    /// <summary>
    /// R's <c>is.constant</c>, <c>all.equal(x, rep(x[1], n))</c>: the mean relative difference from the first value, over the
    /// values that differ from it, is at most √ε.
    /// </summary>
    public static bool IsConstant(IReadOnlyList<double> x)
    {
        const double tolerance = 1.4901161193847656e-08;
        if (x.Count == 0)
        {
            return true;
        }
        var first = x[0];
        double absolute = 0, difference = 0;
        var differing = 0;
        foreach (var v in x)
        {
            if (v != first)
            {
                differing++;
                absolute += Math.Abs(v);
                difference += Math.Abs(v - first);
            }
        }
        if (differing == 0)
        {
            return true;
        }
        var scale = absolute / differing;
        if (!(double.IsFinite(scale) && scale > tolerance))
        {
            scale = 1;
        }
        return difference / (differing * scale) <= tolerance;
    }

    private static double Variance(double[] values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }
}
