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
        var r = Autocorrelations(values, period);
        if (r is null)
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

    /// <summary>
    /// r[0..maxLag] as R's <c>acf</c> computes them: mean removed, each lagged sum of products divided by the
    /// full sum of squares (not by the n - k pairs it holds). Null for a constant series, which has none.
    /// </summary>
    private static double[]? Autocorrelations(IReadOnlyList<double> values, int maxLag)
    {
        var n = values.Count;
        var mean = values.Average();
        var centred = values.Select(v => v - mean).ToArray();
        var r = new double[maxLag + 1];
        for (var k = 0; k <= maxLag; k++)
        {
            for (var t = k; t < n; t++)
            {
                r[k] += centred[t] * centred[t - k];
            }
        }
        if (!(r[0] > 0))
        {
            return null;
        }
        var squares = r[0];
        for (var k = 0; k <= maxLag; k++)
        {
            r[k] /= squares;
        }
        return r;
    }
}
