using System.Globalization;
using Forecast.Domain;
using Forecast.Domain.Series;
using Forecast.Domain.Statistics;
using MathNet.Numerics.Distributions;

namespace Forecast.Training.Diagnostics;

/// <summary>One lag of a cross-correlogram: the estimate of cor(covariate[t + Lag], target[t]).</summary>
public sealed record CrossCorrelationPoint(int Lag, double Value);

/// <summary>A covariate's sample cross-correlations with the target at lags -k..k, as R's <c>ccf(covariate, target)</c>.</summary>
/// <param name="Count">The pairs of values used: n.</param>
/// <param name="Bound">
/// z(1 - alpha / 2) / sqrt(n), 1.96 / sqrt(n) at alpha 0.05: the band R's ccf plot draws, outside which a lag's
/// correlation is significant were the two series independent white noise.
/// </param>
public sealed record Crosscorrelogram(int Count, double Bound, IReadOnlyList<CrossCorrelationPoint> Points);

/// <summary>
/// A covariate against the target over the series' history. Negative lags pair the target with the covariate's earlier
/// values (a covariate that leads), positive lags with its later ones.
/// </summary>
/// <param name="Levels">The series as stored; null where either is constant and has no correlation.</param>
/// <param name="Differences">
/// The first differences of both; null where either is constant. Two trending series correlate near 1 at every lag
/// whatever their relation, so the levels' correlogram alone says little about them; their differences show how the
/// changes move together, which is what a regression with differenced ARIMA errors fits.
/// </param>
public sealed record CovariateCrossCorrelation(string Covariate, Crosscorrelogram? Levels, Crosscorrelogram? Differences);

/// <summary>A covariate's changes against a model's one-step residuals.</summary>
/// <param name="Changes">Null where the covariate's changes are constant.</param>
public sealed record ResidualCrossCorrelation(string Covariate, Crosscorrelogram? Changes);

/// <summary>Cross-correlations of covariates with the target, matching R's <c>ccf</c> (stats, <c>acf</c> of both with demean).</summary>
public static class CrossCorrelation
{
    /// <summary>Each covariate against <paramref name="target"/>, over the target's periods (the known future is left out).</summary>
    /// <param name="nlags">The most lags either way, capped at the length less one (of the differences: less two).</param>
    /// <param name="notes">Where a correlogram that cannot be computed is said why.</param>
    public static IReadOnlyList<CovariateCrossCorrelation> Of(
        IReadOnlyList<double> target, Covariates covariates, int nlags, double alpha, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        ArgumentNullException.ThrowIfNull(notes);
        var history = covariates.Require(covariates.Names, target.Count);
        double[] targetChanges = Differences(target);
        List<CovariateCrossCorrelation> correlations = [.. covariates.Names.Select((name, i) =>
        {
            var covariate = history[i].Take(target.Count).ToArray();
            return new CovariateCrossCorrelation(name,
                SeriesDiagnostics.Attempt(() => Ccf(covariate, target, nlags, alpha), $"Cross-correlation of '{name}' with the series", notes),
                SeriesDiagnostics.Attempt(() => Ccf(Differences(covariate), targetChanges, nlags, alpha), $"Cross-correlation of '{name}' with the series, differenced", notes));
        })];
        foreach (var correlation in correlations)
        {
            if (Describe(correlation) is { } finding)
            {
                notes.Add(finding);
            }
        }
        return correlations;
    }

    /// <summary>
    /// Each covariate's changes against a model's one-step residuals at the same periods: a lag beyond the band is an
    /// effect of the covariate that the model leaves unexplained. Changes rather than levels, because residuals have no
    /// trend, and a trending covariate's levels would correlate with any slow drift in them.
    /// </summary>
    /// <param name="first">The series' period of the first residual.</param>
    /// <param name="findings">Where a covariate whose changes correlate with the residuals beyond the band is named.</param>
    public static IReadOnlyList<ResidualCrossCorrelation> OfResiduals(
        IReadOnlyList<double> residuals, int first, Covariates covariates, double alpha, ICollection<string> findings)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        ArgumentNullException.ThrowIfNull(findings);
        // The series' first period has no change.
        var skip = first == 0 ? 1 : 0;
        var paired = residuals.Skip(skip).ToArray();
        var history = covariates.Require(covariates.Names, first + residuals.Count);
        var nlags = Math.Max(0, Math.Min(DiagnosticsOptions.DefaultNlags, paired.Length / 2 - 1));
        return [.. covariates.Names.Select((name, i) =>
        {
            var values = history[i];
            double[] changes = [.. Enumerable.Range(first + skip, paired.Length).Select(t => values[t] - values[t - 1])];
            var correlogram = SeriesDiagnostics.Attempt(() => Ccf(changes, paired, nlags, alpha), $"Cross-correlation of '{name}' with the residuals", findings);
            if (correlogram?.Points.MaxBy(p => Math.Abs(p.Value)) is { } strongest && Math.Abs(strongest.Value) > correlogram.Bound)
            {
                findings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"'{name}': its changes correlate with the residuals at lag {strongest.Lag} (r = {strongest.Value:0.00}, band ±{correlogram.Bound:0.00}): the model leaves an effect of it unexplained."));
            }
            return new ResidualCrossCorrelation(name, correlogram);
        })];
    }

    /// <summary>The strongest lag in plain words: of the differences, which say more than trending levels, where there are any.</summary>
    /// <returns>Null where neither could be computed, which a note already says.</returns>
    private static string? Describe(CovariateCrossCorrelation correlation)
    {
        var (what, correlogram) = correlation.Differences is { } changes ? ("changes", changes) : ("values", correlation.Levels);
        if (correlogram is null)
        {
            return null;
        }
        var strongest = correlogram.Points.MaxBy(p => Math.Abs(p.Value))!;
        var r = string.Create(CultureInfo.InvariantCulture, $"r = {strongest.Value:0.00}, band ±{correlogram.Bound:0.00}");
        return Math.Abs(strongest.Value) > correlogram.Bound
            ? $"'{correlation.Covariate}': its {what} correlate most with the series' at lag {strongest.Lag} ({r}){Lead(strongest.Lag)}"
            : $"'{correlation.Covariate}': no lag of its {what} correlates with the series' beyond the band ({r} at lag {strongest.Lag})";
    }

    private static string Lead(int lag) => lag switch
    {
        < 0 => $": the covariate leads by {-lag} period(s)",
        > 0 => $": the covariate lags by {lag} period(s)",
        _ => "",
    };

    /// <summary>R's <c>ccf(x, y, lag.max = nlags)</c>: lag k is sum_t (x[t+k] - mean x)(y[t] - mean y) / n over the product of the standard deviations (1/n).</summary>
    /// <exception cref="UnprocessableException">Either series constant, or fewer than two values.</exception>
    public static Crosscorrelogram Ccf(IReadOnlyList<double> x, IReadOnlyList<double> y, int nlags, double alpha)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"The series have {x.Count} and {y.Count} values; a cross-correlation pairs them.", nameof(y));
        }
        var cx = LaggedProducts.Centered(SeriesGuards.Prepare(x, 2, "A cross-correlation", "covariates"));
        var cy = LaggedProducts.Centered(SeriesGuards.Prepare(y, 2, "A cross-correlation"));
        var n = cx.Length;
        var lags = Math.Min(nlags, n - 1);
        var scale = Math.Sqrt(LaggedProducts.Dot(cx, cx) * LaggedProducts.Dot(cy, cy));
        var sums = LaggedProducts.CrossSums(cx, cy, lags);
        var bound = Normal.InvCDF(0, 1, 1 - alpha / 2) / Math.Sqrt(n);
        return new Crosscorrelogram(n, bound, [.. sums.Select((sum, i) => new CrossCorrelationPoint(i - lags, sum / scale))]);
    }

    private static double[] Differences(IReadOnlyList<double> values) => [.. values.Skip(1).Select((v, t) => v - values[t])];
}
