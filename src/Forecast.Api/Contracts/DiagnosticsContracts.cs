using Forecast.Domain.Series;
using Forecast.Training.Diagnostics;

namespace Forecast.Api.Contracts;

/// <summary>The statistical report of a stored series; values agree with statsmodels (cross-correlations with R's ccf).</summary>
/// <param name="CrossCorrelations">Each covariate's cross-correlations with the series at lags -nlags..nlags, of the levels and of the first differences; none without covariates.</param>
public sealed record SeriesDiagnosticsResponse(
    Guid SeriesId,
    DiagnosticsSummary Summary,
    AdfResult? Adf,
    KpssResult? Kpss,
    IReadOnlyList<PortmanteauResult> LjungBox,
    IReadOnlyList<PortmanteauResult> BoxPierce,
    IReadOnlyList<CorrelogramPoint> Acf,
    IReadOnlyList<CorrelogramPoint>? Pacf,
    SeasonalityResult Seasonality,
    IReadOnlyList<CovariateCrossCorrelation> CrossCorrelations,
    IReadOnlyList<string> Interpretation);

public sealed record DiagnosticsSummary(
    int Count,
    double Mean,
    double? StandardDeviation,
    double Min,
    double FirstQuartile,
    double Median,
    double ThirdQuartile,
    double Max,
    string Start,
    string End,
    Frequency Frequency);

/// <summary>Are a model's one-step in-sample residuals white noise? (The tutorial's Ljung-Box check.)</summary>
/// <param name="ResidualCount">One-step residuals on the training and validation parts (the test tail is left out).</param>
/// <param name="WhiteNoise">True when no Ljung-Box p-value falls below alpha.</param>
/// <param name="CrossCorrelations">Each covariate's changes against the residuals at lags -20..20 (as R's ccf(changes, residuals)); none without covariates.</param>
public sealed record ResidualDiagnosticsResponse(
    Guid ModelId,
    int ResidualCount,
    double MeanResidual,
    double ResidualStandardDeviation,
    IReadOnlyList<PortmanteauResult> LjungBox,
    double Alpha,
    bool WhiteNoise,
    IReadOnlyList<ResidualCrossCorrelation> CrossCorrelations,
    string Interpretation);
