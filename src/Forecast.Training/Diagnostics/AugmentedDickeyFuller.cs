using Forecast.Domain;

namespace Forecast.Training.Diagnostics;

/// <summary>MacKinnon (2010) critical values of the ADF statistic for the regression's sample size.</summary>
public sealed record AdfCriticalValues(double OnePercent, double FivePercent, double TenPercent);

/// <summary>
/// Augmented Dickey-Fuller test with a constant. H0: a unit root (not stationary). A small p-value
/// (statistic below the critical value) rejects it.
/// </summary>
/// <param name="UsedLag">Lagged differences in the final regression, chosen by AIC.</param>
/// <param name="MaxLag">The largest lag the AIC search considered.</param>
/// <param name="Observations">Rows of the final regression; the critical values are for this sample size.</param>
public sealed record AdfResult(
    double Statistic,
    double PValue,
    int UsedLag,
    int MaxLag,
    int Observations,
    AdfCriticalValues CriticalValues);

/// <summary>The augmented Dickey-Fuller test exactly as statsmodels 0.13.5 <c>adfuller(x, autolag="AIC", regression="c")</c>.</summary>
public static class AugmentedDickeyFuller
{
    /// <summary>The fewest observations statsmodels accepts: below it the lag cap n / 2 - 2 turns negative.</summary>
    public const int MinimumLength = 4;

    /// <exception cref="UnprocessableException">The series is too short, constant, or fitted exactly by the regression.</exception>
    /// <exception cref="DomainValidationException">A value is not finite.</exception>
    public static AdfResult Test(IReadOnlyList<double> values)
    {
        var x = SeriesGuards.Prepare(values, MinimumLength, "The ADF test");
        var n = x.Length;

        // Schwert's rule of thumb, capped (as statsmodels does) so that the lags leave at least half the sample.
        var maxLag = Math.Min(n / 2 - 2, (int)Math.Ceiling(12.0 * Math.Pow(n / 100.0, 0.25)));

        var mean = x.Average();
        var level = x.Select(v => v - mean).ToArray();
        var difference = new double[n - 1];
        for (var t = 0; t < n - 1; t++)
        {
            difference[t] = level[t + 1] - level[t];
        }
        var differenceMean = difference.Average();
        for (var t = 0; t < difference.Length; t++)
        {
            difference[t] -= differenceMean;
        }

        // Every candidate lag is judged on the same rows (those maxLag leaves) so the AICs are comparable;
        // ties go to the smaller lag, as Python's min over (aic, lag) pairs does. A lag whose regression is
        // singular or fits exactly has no finite AIC and is skipped (statsmodels' pinv would report -inf there).
        var search = AdfRegression.Build(level, difference, maxLag);
        var usedLag = -1;
        var bestAic = double.PositiveInfinity;
        for (var lag = 0; lag <= maxLag; lag++)
        {
            if (search.Fit(lag) is { } fit && fit.Aic < bestAic)
            {
                bestAic = fit.Aic;
                usedLag = lag;
            }
        }

        // Then the chosen lag is refitted on every row it allows.
        var final = usedLag < 0 ? null : AdfRegression.Build(level, difference, usedLag);
        if (final?.Fit(usedLag) is not { } result)
        {
            throw new UnprocessableException(
                "The ADF regression has no residual variance or collinear regressors (the series is an exact trend " +
                "or repeating pattern), so its statistic is undefined.", "values");
        }
        return new AdfResult(
            result.TStatistic,
            MacKinnon.PValue(result.TStatistic),
            usedLag,
            maxLag,
            final.Observations,
            MacKinnon.CriticalValues(final.Observations));
    }
}
