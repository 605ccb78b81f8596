using Forecast.Training.Diagnostics;
using MathNet.Numerics.Distributions;

namespace Forecast.Training.Transforms;

/// <summary>
/// Additive seasonal indices (index t has phase t mod period) fitted by least squares together with a
/// linear trend, x_t = a + b t + s_(t mod period) with the s summing to zero, and whether they explain
/// more than noise would.
/// </summary>
/// <remarks>
/// <para>
/// Fitting the trend and the season jointly keeps each out of the other: a line fitted first would take up
/// the part of a season that happens to correlate with time in a finite window, and the classical centred
/// moving average loses half a season at each end, which with the 29 training months of a four-year monthly
/// series would leave some months a single value. The fit has a closed form: the slope is the one within
/// phases, b = sum (t - mean t of its phase)(x_t - mean x of its phase) / sum (t - mean t of its phase)^2,
/// and s_p = mean x of phase p - b * mean t of phase p, centred.
/// </para>
/// <para>
/// Subtracting the indices keeps the series' level and trend for the network and takes away the part that
/// repeats, so a short series whose network cannot learn a season from two or three repetitions still
/// forecasts one: the average season, which for a noisy series such as monthly rainfall is steadier than
/// seasonal naive's single last season.
/// </para>
/// </remarks>
public static class SeasonalIndices
{
    /// <summary>The indices of the first <paramref name="count"/> values, element p for phase p.</summary>
    /// <exception cref="ArgumentException">Fewer than two seasons: a phase seen once has no mean to speak of.</exception>
    public static double[] Estimate(IReadOnlyList<double> values, int count, int period)
    {
        var fit = Fit(values, count, period);
        var indices = fit.PhaseValueMeans.Select((mean, p) => mean - fit.Slope * fit.PhaseTimeMeans[p]).ToArray();
        var centre = indices.Average();
        return indices.Select(s => s - centre).ToArray();
    }

    /// <summary>
    /// The p-value of the F test of the seasonal indices against a trend line alone: small when the phases
    /// differ by more than the noise around the fit explains.
    /// </summary>
    /// <remarks>The F test assumes independent errors; autocorrelated series make it reject too often.</remarks>
    public static double PhasesDifferPValue(IReadOnlyList<double> values, int period)
    {
        var n = values.Count;
        var fit = Fit(values, n, period);
        var withSeason = 0.0;
        for (var t = 0; t < n; t++)
        {
            var p = t % period;
            var residual = values[t] - fit.PhaseValueMeans[p] - fit.Slope * (t - fit.PhaseTimeMeans[p]);
            withSeason += residual * residual;
        }
        var lineOnly = LinearTrend.Remove(values, n).Sum(r => r * r);
        var seasonFreedom = period - 1;
        var errorFreedom = n - period - 1;
        if (!(withSeason > 0))
        {
            return lineOnly > 0 ? 0 : 1;
        }
        var f = Math.Max(lineOnly - withSeason, 0) / seasonFreedom / (withSeason / errorFreedom);
        return 1 - FisherSnedecor.CDF(seasonFreedom, errorFreedom, f);
    }

    private sealed record TrendAndPhases(double Slope, double[] PhaseTimeMeans, double[] PhaseValueMeans);

    private static TrendAndPhases Fit(IReadOnlyList<double> values, int count, int period)
    {
        if (period < 2 || count < 2 * period)
        {
            throw new ArgumentException($"Seasonal indices of period {period} need at least two seasons ({2 * period} values); got {count}.", nameof(values));
        }
        var times = new double[period];
        var sums = new double[period];
        var counts = new int[period];
        for (var t = 0; t < count; t++)
        {
            times[t % period] += t;
            sums[t % period] += values[t];
            counts[t % period]++;
        }
        for (var p = 0; p < period; p++)
        {
            times[p] /= counts[p];
            sums[p] /= counts[p];
        }
        double covariance = 0, variance = 0;
        for (var t = 0; t < count; t++)
        {
            var dt = t - times[t % period];
            covariance += dt * (values[t] - sums[t % period]);
            variance += dt * dt;
        }
        return new TrendAndPhases(covariance / variance, times, sums);
    }
}
