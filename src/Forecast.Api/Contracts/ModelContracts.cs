using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training.Evaluation;
using Forecast.Training.Intervals;

namespace Forecast.Api.Contracts;

public sealed record BaselineMetrics(AccuracyMetrics Naive, AccuracyMetrics SeasonalNaive, AccuracyMetrics Drift);

/// <param name="Method">The forecasting method: "lstm", or a statistical method such as "ets"; the run's choices say what it chose.</param>
/// <param name="Transform">The input transform the network was trained on ("auto" in the hyperparameters is resolved here); null for a statistical method.</param>
/// <param name="TorchSharpVersion">The TorchSharp version that wrote the network; null for a statistical method.</param>
/// <param name="EpochsRun">Epochs trained; fewer than the hyperparameters' epochs when <paramref name="StoppedEarly"/>.</param>
/// <param name="BestEpoch">The epoch whose weights the model keeps (lowest validation loss when early stopping is on); 0 for a warm start's own weights, which no epoch beat.</param>
/// <param name="Metrics">Multi-step accuracy on the test tail (recursive from the forecast origin).</param>
/// <param name="IntervalCoverage">Share of the test tail inside the multi-step forecast's 80 % and 95 % intervals; empty without a validation part.</param>
/// <param name="Backtest">The latest rolling-origin backtest (asked for on the run, or by POST /api/models/{id}/backtests); null for none.</param>
public sealed record ModelResponse(
    Guid Id,
    Guid RunId,
    Guid SeriesId,
    string Method,
    Hyperparameters Hyperparameters,
    string? Transform,
    string? TorchSharpVersion,
    double TrainingSeconds,
    int EpochsRun,
    int BestEpoch,
    bool StoppedEarly,
    int TestSize,
    AccuracyMetrics Metrics,
    AccuracyMetrics OneStepMetrics,
    BaselineMetrics Baselines,
    int SeasonalPeriod,
    double? SkillVsSeasonalNaive,
    bool BeatsSeasonalNaive,
    IReadOnlyList<IntervalCoverage> IntervalCoverage,
    Backtest? Backtest,
    DateTime CreatedAt);

/// <param name="Intervals">The multi-step forecast's 80 % and 95 % intervals; empty without a validation part.</param>
public sealed record EvaluationPoint(
    string Timestamp,
    double Actual,
    double OneStep,
    double MultiStep,
    double Naive,
    double SeasonalNaive,
    double Drift,
    IReadOnlyList<PredictionInterval> Intervals);

/// <summary>The held-out test tail: actuals beside every forecast of it, and their metrics.</summary>
public sealed record EvaluationResponse(
    Guid ModelId,
    string ForecastOrigin,
    IReadOnlyList<EvaluationPoint> Points,
    AccuracyMetrics MultiStep,
    AccuracyMetrics OneStep,
    BaselineMetrics Baselines,
    int SeasonalPeriod,
    double? SkillVsSeasonalNaive,
    bool BeatsSeasonalNaive,
    IReadOnlyList<IntervalCoverage> IntervalCoverage,
    Backtest? Backtest);

/// <param name="Timestamp">At the series' resolution, as every timestamp in answers: a date (2024-01-31) for a daily or coarser series, an ISO 8601 UTC date-time (2024-01-31T13:00:00Z) for an hourly or minute one.</param>
/// <param name="Intervals">One per requested <c>level</c>, in the order asked; null when no level was asked for.</param>
public sealed record ForecastPoint(string Timestamp, double Value, IReadOnlyList<PredictionInterval>? Intervals = null);

/// <summary>A forecast of a series' model with covariate values given for it alone.</summary>
/// <param name="Horizon">Periods to forecast after the end of the series (default 12).</param>
/// <param name="Level">Prediction interval levels in percent, each in 50..99.9.</param>
/// <param name="Origin">The first period to forecast, as <c>origin=</c> of the GET; default the period after the series' newest observation.</param>
/// <param name="Covariates">
/// Future values of covariates the model was fitted with, by name: the first for the period after the series' newest
/// observation, in place of the values stored with the series from there; a covariate left out keeps its stored ones.
/// At most Limits:MaxHorizon values each.
/// </param>
public sealed record ForecastRequest(int? Horizon = null, double[]? Level = null, string? Origin = null, Dictionary<string, double[]>? Covariates = null);

/// <param name="Origin">The first period forecast: the forecast saw only the observations before it.</param>
/// <param name="SeriesVersion">The version of the series (or member) it was made from; it grows as observations are appended.</param>
/// <param name="Series">The member's key when a collection's model forecast one member; null for a series' model.</param>
public sealed record ForecastResponse(Guid ModelId, int Horizon, string Origin, int SeriesVersion, IReadOnlyList<ForecastPoint> Points, string? Series = null);

/// <summary>The model's scores from one origin on the actuals there are so far.</summary>
/// <param name="Origin">The origin's first forecast period.</param>
/// <param name="Points">Actuals scored: the horizon, or fewer at the newest origins.</param>
public sealed record LiveAccuracyOrigin(string Origin, int Points, AccuracyMetrics Model, AccuracyMetrics SeasonalNaive);

/// <summary>
/// A model on the data as it grows: its recursive forecast from every origin since its test tail began, scored on the
/// actuals that have arrived, beside seasonal naive's; per origin (so a user sees it degrade) and per horizon step.
/// </summary>
/// <param name="FirstOrigin">The first origin scored: the test tail's, whose scores are the evaluation's multi-step ones.</param>
/// <param name="Steps">Per horizon step: mean absolute error in MASE units and mean sMAPE over the origins reaching that far.</param>
/// <param name="Series">The member's key for a collection's global model; null for a series' model.</param>
public sealed record LiveAccuracyResponse(
    Guid ModelId,
    int SeriesVersion,
    int Horizon,
    string FirstOrigin,
    IReadOnlyList<LiveAccuracyOrigin> Origins,
    IReadOnlyList<LiveStep> Steps,
    double? MeanMase,
    double? MeanSeasonalNaiveMase,
    double? MeanSmape,
    double? MeanSeasonalNaiveSmape,
    string? Series = null);

/// <param name="Score">Distance from the one-step forecast over the distance to the interval's bound on that side: above 1 above the interval, below -1 below it.</param>
public sealed record AnomalyPoint(string Timestamp, double Actual, double Predicted, double Lower, double Upper, double Score)
{
    public static AnomalyPoint Of(Anomaly anomaly, RegularSeries series) =>
        new(series.Format(series.TimestampAt(anomaly.Index)), anomaly.Actual, anomaly.Predicted, anomaly.Interval.Lower, anomaly.Interval.Upper, anomaly.Score);
}

/// <summary>The observations outside a model's one-step interval at <paramref name="Level"/> percent, oldest first.</summary>
/// <param name="CheckedFrom">The first observation checked: the model's test tail's origin (or the newest 10,000).</param>
public sealed record AnomaliesResponse(Guid SeriesId, Guid ModelId, int SeriesVersion, double Level, string CheckedFrom, IReadOnlyList<AnomalyPoint> Anomalies);
