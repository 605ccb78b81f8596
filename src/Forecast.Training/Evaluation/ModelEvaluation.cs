using Forecast.Domain.Evaluation;

namespace Forecast.Training.Evaluation;

/// <summary>Forecasts for the test tail and how accurate they were.</summary>
public sealed record ScoredForecast(IReadOnlyList<double> Predicted, AccuracyMetrics Metrics);

public sealed record BaselineScores(ScoredForecast Naive, ScoredForecast SeasonalNaive, ScoredForecast Drift);

/// <summary>
/// A model judged on the held-out test tail, two ways: <see cref="MultiStep"/> forecasts the whole
/// tail recursively from the forecast origin (comparable with R's forecast()), <see cref="OneStep"/>
/// predicts each point from the actual values before it (the tutorial's way). Baselines are
/// multi-step forecasts from the same origin, so <see cref="SkillVsSeasonalNaive"/> compares like with like.
/// </summary>
/// <param name="ForecastOrigin">Index of the first test point in the series.</param>
/// <param name="SkillVsSeasonalNaive">1 - MAE(model) / MAE(seasonal naive), multi-step; null when seasonal naive is exact.</param>
public sealed record ModelEvaluation(
    int ForecastOrigin,
    int SeasonalPeriod,
    IReadOnlyList<double> Actual,
    ScoredForecast OneStep,
    ScoredForecast MultiStep,
    BaselineScores Baselines,
    double? SkillVsSeasonalNaive,
    bool BeatsSeasonalNaive);
