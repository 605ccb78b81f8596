namespace Forecast.Training.Diagnostics;

/// <summary>
/// Everything the diagnostics endpoint reports about a series. A test that cannot run on this particular
/// series (its regression is singular, say) is null, and <see cref="Interpretation"/> says why.
/// </summary>
public sealed record DiagnosticsReport(
    SummaryStatistics Summary,
    AdfResult? Adf,
    KpssResult? Kpss,
    IReadOnlyList<PortmanteauResult> LjungBox,
    IReadOnlyList<PortmanteauResult> BoxPierce,
    IReadOnlyList<CorrelogramPoint> Acf,
    IReadOnlyList<CorrelogramPoint>? Pacf,
    SeasonalityResult Seasonality,
    IReadOnlyList<CovariateCrossCorrelation> CrossCorrelations,
    IReadOnlyList<string> Interpretation);
