namespace Forecast.Training.Diagnostics;

/// <summary>Are a model's one-step in-sample residuals white noise? (The tutorial's Ljung-Box check.)</summary>
/// <param name="Residuals">
/// Actual minus one-step prediction for the training and validation parts from the model's first predictable
/// point on; the test tail is left out, so the check never looks at what the evaluation scores.
/// </param>
/// <param name="StandardDeviation">The sample standard deviation (n - 1).</param>
/// <param name="WhiteNoise">True when no Ljung-Box p-value falls below <paramref name="Alpha"/>.</param>
/// <param name="Interpretation">The finding in plain words, naming the first rejecting lag if any.</param>
public sealed record ResidualDiagnosticsReport(
    IReadOnlyList<double> Residuals,
    double Mean,
    double StandardDeviation,
    IReadOnlyList<PortmanteauResult> LjungBox,
    double Alpha,
    bool WhiteNoise,
    string Interpretation)
{
    /// <summary>Each covariate of the series' changes against the residuals (<see cref="CrossCorrelation.OfResiduals"/>); none without covariates.</summary>
    public IReadOnlyList<ResidualCrossCorrelation> CrossCorrelations { get; init; } = [];
}
