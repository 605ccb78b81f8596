using Forecast.Domain.Statistics;

namespace Forecast.Domain.Evaluation;

/// <summary>
/// Whether a series has a season worth taking out before Naive2 or Theta: the 90 % autocorrelation test of
/// the M4 competition's Naive2 benchmark (its <c>SeasonalityTest</c>) and of R's <c>forecast::thetaf</c>.
/// The lag-m autocorrelation must exceed <see cref="CriticalValue"/> times its standard error under the
/// hypothesis that the autocorrelations from lag m on are zero (Bartlett's formula), so a trend, whose
/// autocorrelations decay slowly through every lag, is not taken for a season.
/// </summary>
public static class SeasonalityTest
{
    /// <summary>
    /// The 95 % normal quantile as M4 writes it; thetaf uses <c>qnorm(0.95)</c> = 1.64485..., which decides
    /// differently only for a statistic within 0.00015 of the bound.
    /// </summary>
    public const double CriticalValue = 1.645;

    /// <summary>
    /// Seasons the series must span, as M4's test requires: with fewer, the lag-m autocorrelation rests on
    /// too few pairs (and the classical decomposition on too few ratios per phase) to be trusted.
    /// </summary>
    public const int MinimumSeasons = 3;

    /// <param name="values">The series, oldest first.</param>
    /// <param name="period">The seasonal period m (12 monthly, 4 quarterly); 1 or less means no season.</param>
    public static bool IsSeasonal(IReadOnlyList<double> values, int period)
    {
        var n = values.Count;
        if (period <= 1 || n < MinimumSeasons * period)
        {
            return false;
        }
        var r = LaggedProducts.Autocorrelations([.. values], period);
        // A constant series has no autocorrelation (0 / 0), and no season.
        if (!double.IsFinite(r[period]))
        {
            return false;
        }
        var shorterLagSquares = 0.0;
        for (var k = 1; k < period; k++)
        {
            shorterLagSquares += r[k] * r[k];
        }
        return Math.Abs(r[period]) > CriticalValue * Math.Sqrt((1 + 2 * shorterLagSquares) / n);
    }
}
