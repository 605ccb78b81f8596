using Forecast.Domain.Statistics;
namespace Forecast.Training.Diagnostics;

/// <summary>The strongest repeating period found and how much of the series it explains.</summary>
/// <param name="IsSeasonal">True when <see cref="Period"/> is a clear autocorrelation peak and <see cref="Strength"/> reaches <see cref="Seasonality.MinimumStrength"/>.</param>
/// <param name="Period">The candidate period, or null when no lag stands out from the correlogram's noise.</param>
/// <param name="Strength">Seasonal strength in [0, 1] at <see cref="Period"/> (see <see cref="Seasonality"/>).</param>
/// <param name="Autocorrelation">The autocorrelation of the linearly detrended series at <see cref="Period"/>.</param>
public sealed record SeasonalityResult(bool IsSeasonal, int? Period, double? Strength, double? Autocorrelation);

/// <summary>Finds a seasonal period and its strength.</summary>
/// <remarks>
/// <para>
/// Period: the series is detrended by a least-squares line (a trend would otherwise dominate every
/// autocorrelation), and its ACF is scanned over lags 2..n/3 (at least three cycles), up to
/// <see cref="LongestPeriod"/> or the hint if longer. Candidates are local ACF peaks, plus the caller's hint
/// (the calendar period, e.g. 12 for monthly data) whether or not it peaks.
/// A candidate must exceed Bartlett's 99 % bound at its lag; 99 % rather than the report's alpha because
/// hundreds of lags are scanned, and Bartlett's bound (which grows with the autocorrelation at shorter lags)
/// keeps random walks and AR processes from passing their slow ACF decay off as cycles. The hint wins when it
/// qualifies; otherwise the highest peak does, reduced to its smallest qualifying divisor whose ACF is within
/// the bound of it, so that a period of 12 is not reported as 24 or 36.
/// </para>
/// <para>
/// Strength: Hyndman's F_S = 1 - Var(remainder) / Var(seasonal + remainder), from a classical additive
/// decomposition (centred moving-average trend of the period's length, seasonal = mean detrended value per
/// phase), with each variance divided by its degrees of freedom (N - period and N - 1) as in an adjusted R^2.
/// Without that adjustment the per-phase means of pure noise score about period / N, which for long candidate
/// periods is large enough to look seasonal.
/// </para>
/// </remarks>
public static class Seasonality
{
    /// <summary>Adjusted strength from which a significant period counts as seasonal.</summary>
    public const double MinimumStrength = 0.3;

    /// <summary>
    /// The longest period scanned without a hint: a year of daily data. The service's frequencies have no
    /// longer calendar cycle, and the bound keeps the scan O(n) on long series.
    /// </summary>
    public const int LongestPeriod = 400;

    // Two-sided 99 % normal quantile for the ACF peaks (see remarks).
    private const double PeakZ = 2.5758293035489004;

    private static readonly SeasonalityResult None = new(false, null, null, null);

    public static SeasonalityResult Detect(IReadOnlyList<double> values, int? periodHint = null)
    {
        var x = SeriesGuards.Prepare(values, 6, "Seasonality detection");
        var n = x.Length;
        var maxPeriod = Math.Min(n / 3, Math.Max(LongestPeriod, periodHint ?? 0));
        var detrended = LinearTrend.Remove(x, n);
        if (IsStraightLine(x, detrended))
        {
            return None;
        }
        var r = LaggedProducts.Autocorrelations(detrended, maxPeriod + 1);

        var bound = new double[r.Length];
        var squares = 0.0;
        for (var k = 1; k < r.Length; k++)
        {
            bound[k] = PeakZ * Math.Sqrt((1 + 2 * squares) / n);
            squares += r[k] * r[k];
        }
        bool IsPeak(int p) => r[p] > r[p - 1] && r[p] >= r[p + 1];
        bool Qualifies(int p) => r[p] > bound[p];

        int? period = null;
        if (periodHint is int hint && hint >= 2 && hint <= maxPeriod && Qualifies(hint))
        {
            period = hint;
        }
        else
        {
            for (var p = 2; p <= maxPeriod; p++)
            {
                if (IsPeak(p) && Qualifies(p) && (period is null || r[p] > r[period.Value]))
                {
                    period = p;
                }
            }
            if (period is int highest)
            {
                for (var d = 2; d < highest; d++)
                {
                    if (highest % d == 0 && IsPeak(d) && Qualifies(d) && r[d] >= r[highest] - bound[highest])
                    {
                        period = d;
                        break;
                    }
                }
            }
        }
        if (period is not int found)
        {
            return None;
        }
        // A centred moving average reproduces a straight line, so decomposing the detrended series gives the
        // same remainder and seasonal as the original, without prefix sums of large offsets.
        var strength = Strength(detrended, found);
        return new SeasonalityResult(strength >= MinimumStrength, found, strength, r[found]);
    }

    /// <summary>Nothing is left to repeat once the line is removed, bar rounding that would give a meaningless ACF.</summary>
    private static bool IsStraightLine(double[] values, double[] detrended)
    {
        var mean = values.Average();
        var total = values.Sum(v => (v - mean) * (v - mean));
        return detrended.Sum(v => v * v) <= 1e-20 * total;
    }

    /// <summary>Adjusted seasonal strength of a classical additive decomposition with the given period.</summary>
    private static double Strength(double[] values, int period)
    {
        var n = values.Length;
        var half = period / 2;
        var prefix = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            prefix[i + 1] = prefix[i] + values[i];
        }

        // Centred moving average; an even period needs the 2 x period average (half weights at both ends).
        var first = half;
        var count = n - 2 * half;
        var detrended = new double[count];
        for (var t = first; t < first + count; t++)
        {
            var trend = period % 2 == 1
                ? (prefix[t + half + 1] - prefix[t - half]) / period
                : (prefix[t + half] - prefix[t - half + 1] + 0.5 * (values[t - half] + values[t + half])) / period;
            detrended[t - first] = values[t] - trend;
        }

        var seasonal = new double[period];
        var members = new int[period];
        for (var t = first; t < first + count; t++)
        {
            seasonal[t % period] += detrended[t - first];
            members[t % period]++;
        }
        for (var j = 0; j < period; j++)
        {
            seasonal[j] /= members[j];
        }
        var seasonalMean = seasonal.Average();

        var remainder = new double[count];
        for (var t = first; t < first + count; t++)
        {
            remainder[t - first] = detrended[t - first] - (seasonal[t % period] - seasonalMean);
        }
        var detrendedSquares = CentredSquares(detrended);
        if (!(detrendedSquares > 0))
        {
            return 0;
        }
        var strength = 1 - CentredSquares(remainder) / (count - period) / (detrendedSquares / (count - 1));
        return Math.Clamp(strength, 0, 1);
    }

    private static double CentredSquares(double[] values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean));
    }
}
