using Forecast.Domain;

namespace Forecast.Training.Diagnostics;

/// <summary>What the caller may tune in a model's residual check; every member has a default.</summary>
/// <remarks>
/// Alpha is checked as it is set, so a caller can refuse a bad one before it pays for rebuilding the
/// network whose residuals it would test.
/// </remarks>
public sealed record ResidualDiagnosticsOptions
{
    /// <summary>Ljung-Box lags; null for those of <see cref="DiagnosticsOptions.DefaultLags"/> below the residual count.</summary>
    public IReadOnlyList<int>? Lags { get; init; }

    /// <summary>Significance level below which a Ljung-Box p-value counts as autocorrelation.</summary>
    /// <exception cref="DomainValidationException">Not strictly between 0 and 1.</exception>
    public double Alpha
    {
        get;
        init => field = value > 0 && value < 1
            ? value
            : throw new DomainValidationException("alpha must lie strictly between 0 and 1.", "alpha");
    } = 0.05;
}
