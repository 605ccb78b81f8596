using Forecast.Domain.Statistics;
using Forecast.Domain;
using MathNet.Numerics;

namespace Forecast.Training.Diagnostics;

/// <summary>
/// A Ljung-Box or Box-Pierce test up to <see cref="Lag"/>. H0: no autocorrelation up to that lag (white noise).
/// <see cref="PValue"/> is null when the degrees of freedom (lag minus model parameters) are not positive.
/// </summary>
public sealed record PortmanteauResult(int Lag, double Statistic, int DegreesOfFreedom, double? PValue);

/// <summary>Ljung-Box and Box-Pierce statistics as statsmodels 0.13.5 <c>acorr_ljungbox(x, lags, boxpierce=True, model_df)</c>.</summary>
public static class PortmanteauTests
{
    /// <summary>Q = n (n + 2) sum_{k&lt;=h} r[k]^2 / (n - k), chi-squared with h - modelDf degrees of freedom.</summary>
    public static IReadOnlyList<PortmanteauResult> LjungBox(IReadOnlyList<double> values, IReadOnlyList<int> lags, int modelDf = 0)
        => Compute(values, lags, modelDf).LjungBox;

    /// <summary>Q = n sum_{k&lt;=h} r[k]^2, chi-squared with h - modelDf degrees of freedom.</summary>
    public static IReadOnlyList<PortmanteauResult> BoxPierce(IReadOnlyList<double> values, IReadOnlyList<int> lags, int modelDf = 0)
        => Compute(values, lags, modelDf).BoxPierce;

    /// <summary>Both statistics from one autocorrelation pass.</summary>
    public static (IReadOnlyList<PortmanteauResult> LjungBox, IReadOnlyList<PortmanteauResult> BoxPierce) Compute(
        IReadOnlyList<double> values, IReadOnlyList<int> lags, int modelDf = 0)
    {
        var x = SeriesGuards.Prepare(values, 2, "The Ljung-Box test");
        SeriesGuards.RequireLags(lags, x.Length);
        if (modelDf < 0)
        {
            throw new DomainValidationException($"modelDf is {modelDf}; it cannot be negative.", "modelDf");
        }

        var n = x.Length;
        var maxLag = lags.Max();
        var r = LaggedProducts.Autocorrelations(x, maxLag);
        var ljungBoxSums = new double[maxLag + 1];
        var boxPierceSums = new double[maxLag + 1];
        for (var k = 1; k <= maxLag; k++)
        {
            ljungBoxSums[k] = ljungBoxSums[k - 1] + r[k] * r[k] / (n - k);
            boxPierceSums[k] = boxPierceSums[k - 1] + r[k] * r[k];
        }

        var ljungBox = new PortmanteauResult[lags.Count];
        var boxPierce = new PortmanteauResult[lags.Count];
        for (var i = 0; i < lags.Count; i++)
        {
            var lag = lags[i];
            var degrees = lag - modelDf;
            var q = (double)n * (n + 2) * ljungBoxSums[lag];
            var qbp = n * boxPierceSums[lag];
            ljungBox[i] = new PortmanteauResult(lag, q, degrees, ChiSquaredSurvival(q, degrees));
            boxPierce[i] = new PortmanteauResult(lag, qbp, degrees, ChiSquaredSurvival(qbp, degrees));
        }
        return (ljungBox, boxPierce);
    }

    // The upper regularized gamma function is the chi-squared survival function without the cancellation of
    // 1 - CDF, so tiny p-values (1e-170 for a strongly seasonal series) keep their digits.
    private static double? ChiSquaredSurvival(double statistic, int degrees)
        => degrees > 0 ? SpecialFunctions.GammaUpperRegularized(degrees / 2.0, statistic / 2.0) : null;
}
