using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;

namespace Forecast.Api.Contracts;

public sealed record BaselineMetrics(AccuracyMetrics Naive, AccuracyMetrics SeasonalNaive, AccuracyMetrics Drift);

/// <param name="Metrics">Multi-step accuracy on the test tail (recursive from the forecast origin).</param>
public sealed record ModelResponse(
    Guid Id,
    Guid RunId,
    Guid SeriesId,
    Hyperparameters Hyperparameters,
    string TorchSharpVersion,
    double TrainingSeconds,
    int EpochsRun,
    int BestEpoch,
    int TestSize,
    AccuracyMetrics Metrics,
    AccuracyMetrics OneStepMetrics,
    BaselineMetrics Baselines,
    int SeasonalPeriod,
    double? SkillVsSeasonalNaive,
    bool BeatsSeasonalNaive,
    DateTime CreatedAt);

public sealed record EvaluationPoint(
    DateOnly Timestamp,
    double Actual,
    double OneStep,
    double MultiStep,
    double Naive,
    double SeasonalNaive,
    double Drift);

/// <summary>The held-out test tail: actuals beside every forecast of it, and their metrics.</summary>
public sealed record EvaluationResponse(
    Guid ModelId,
    DateOnly ForecastOrigin,
    IReadOnlyList<EvaluationPoint> Points,
    AccuracyMetrics MultiStep,
    AccuracyMetrics OneStep,
    BaselineMetrics Baselines,
    int SeasonalPeriod,
    double? SkillVsSeasonalNaive,
    bool BeatsSeasonalNaive);

public sealed record ForecastPoint(DateOnly Timestamp, double Value);

public sealed record ForecastResponse(Guid ModelId, int Horizon, IReadOnlyList<ForecastPoint> Points);
