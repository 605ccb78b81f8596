using Forecast.Domain;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training.Intervals;
using Forecast.Training.Methods;

namespace Forecast.Training.Diagnostics;

/// <summary>
/// The tutorial's check of a trained model: Ljung-Box on its one-step in-sample residuals. Autocorrelated
/// residuals mean the model left structure it could have learnt; residuals that correlate with a covariate's changes,
/// an effect of the covariate it left.
/// </summary>
public static class ResidualDiagnostics
{
    /// <summary>Checks <paramref name="model"/>'s residuals on the part of <paramref name="series"/> it was trained and validated on.</summary>
    /// <param name="hp">The hyperparameters the model was trained with: their split tells where the test tail starts.</param>
    /// <exception cref="UnprocessableException">Fewer than two residuals, or constant residuals.</exception>
    /// <exception cref="DomainValidationException">Lags out of range for the residual count.</exception>
    /// <param name="covariates">The series' covariates, which a model fitted with them predicts with; none by default.</param>
    public static ResidualDiagnosticsReport Compute(
        IFittedForecaster model, IReadOnlyList<double> series, Hyperparameters hp, ResidualDiagnosticsOptions options, Covariates? covariates = null)
    {
        var split = DataSplit.For(series.Count, hp.TestSize, hp.ValidationFraction);
        var first = model.FirstPredictable;
        var predicted = model.OneStepAhead(series, covariates ?? Covariates.None, first, split.ValidationEnd, IntervalLevels.None);
        var report = Of(predicted.Select((p, i) => series[first + i] - p.Value).ToArray(), options);
        List<string> findings = [report.Interpretation];
        var crossCorrelations = CrossCorrelation.OfResiduals(report.Residuals, first, covariates ?? Covariates.None, options.Alpha, findings);
        return report with { Interpretation = string.Join(" ", findings), CrossCorrelations = crossCorrelations };
    }

    /// <summary>Checks residuals however they were obtained.</summary>
    /// <exception cref="UnprocessableException">Fewer than two residuals, or constant residuals.</exception>
    /// <exception cref="DomainValidationException">A non-finite residual, or lags out of range for the residual count.</exception>
    public static ResidualDiagnosticsReport Of(IReadOnlyList<double> residuals, ResidualDiagnosticsOptions options)
    {
        var ljungBox = SeriesDiagnostics.LjungBox(residuals, options.Lags);
        var mean = residuals.Average();
        var sd = Math.Sqrt(residuals.Sum(r => (r - mean) * (r - mean)) / Math.Max(1, residuals.Count - 1));
        var alpha = options.Alpha;
        var rejected = ljungBox.Where(t => t.PValue < alpha).ToList();
        var interpretation = rejected.Count == 0
            ? $"Residuals look like white noise (no Ljung-Box p-value below {alpha}): the model leaves no autocorrelation unexplained."
            : $"Residuals are autocorrelated (Ljung-Box lag {rejected[0].Lag}, p = {rejected[0].PValue:G3}): the model leaves structure unexplained.";
        return new ResidualDiagnosticsReport(residuals, mean, sd, ljungBox, alpha, rejected.Count == 0, interpretation);
    }
}
