using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Training.Collections;
using Forecast.Training.Evaluation;
using Forecast.Training.Intervals;

namespace Forecast.Api.Contracts;

/// <summary>A collection's model: how it was trained or fitted and how the collection scored on its members' test tails.</summary>
/// <param name="Method">The forecasting method: "lstm", one global network over every member, a statistical method such as "theta" fitted to each member on its own, or "ensemble", the median of the network, ets, arima and theta.</param>
/// <param name="TorchSharpVersion">The TorchSharp version that wrote the network (the ensemble's too); null for a statistical method.</param>
/// <param name="EpochsRun">Epochs the network trained; for a statistical method, the members fitted.</param>
/// <param name="TrainingWindows">Windows of all members the network trained on; 0 for a statistical method.</param>
/// <param name="Fallbacks">Members too short for the lookback, forecast by the Theta method (listed with a fallback in /members; in the ensemble, Theta stands in for their network component); 0 for a statistical method, which fits every member.</param>
/// <param name="Accuracy">Mean and median MASE and sMAPE over members, sMAPE per step, shares beating seasonal naive and Theta, and each baseline's means.</param>
/// <param name="IntervalCoverage">Share of every member's test points inside the multi-step forecast's 80 % and 95 % intervals, pooled.</param>
/// <param name="Backtest">The latest rolling-origin backtest (asked for on the run, or by POST /api/models/{id}/backtests); null for none.</param>
/// <param name="Validation">
/// The ensemble's mean MASE on every member's validation part (its testSize points before its test tail), which no
/// component saw when fitted or trained: lstm's, ets', arima's and theta's, then the ensemble's (their median per step);
/// null for any other method.
/// </param>
public sealed record CollectionModelResponse(
    Guid Id,
    Guid RunId,
    Guid CollectionId,
    string Method,
    Hyperparameters Hyperparameters,
    string? TorchSharpVersion,
    double TrainingSeconds,
    int EpochsRun,
    int BestEpoch,
    bool StoppedEarly,
    int TrainingWindows,
    int Members,
    int Fallbacks,
    CollectionAccuracy Accuracy,
    IReadOnlyList<IntervalCoverage> IntervalCoverage,
    CollectionBacktest? Backtest,
    IReadOnlyList<ValidationScore>? Validation,
    DateTime CreatedAt);

/// <summary>One row of a global model's member table.</summary>
/// <param name="Mase">The model's multi-step MASE on the member's test tail; null when undefined.</param>
/// <param name="Fallback">Why the Theta method forecast this member instead of the model's method; null when the method did.</param>
/// <param name="Method">
/// The method that forecast the member: the model's, the one <c>auto</c> picked for it, or theta for a fallback; null for
/// a model scored before members' methods were kept.
/// </param>
public sealed record MemberScoreItem(
    string Key, Guid SeriesId, double? Mase, double? Smape, double? SeasonalNaiveMase, double? ThetaMase, string? Fallback, string? Method);

/// <summary>One test point of a member: the actual beside the model's multi-step forecast and each baseline's.</summary>
public sealed record MemberEvaluationPoint(
    string Timestamp, double Actual, double Forecast, IReadOnlyList<PredictionInterval> Intervals);

/// <summary>One member's test tail under a global model, with its metrics and its baselines'.</summary>
public sealed record MemberEvaluationResponse(
    Guid ModelId,
    string Key,
    Guid SeriesId,
    string ForecastOrigin,
    IReadOnlyList<MemberEvaluationPoint> Points,
    AccuracyMetrics Metrics,
    MemberBaselineMetrics Baselines,
    string? Fallback);

public sealed record MemberBaselineMetrics(AccuracyMetrics Naive, AccuracyMetrics SeasonalNaive, AccuracyMetrics Naive2, AccuracyMetrics Theta);

/// <summary>One member's forecast from the end of its series.</summary>
public sealed record MemberForecast(string Key, Guid SeriesId, IReadOnlyList<ForecastPoint> Points);

public sealed record CollectionForecastResponse(Guid ModelId, int Horizon, IReadOnlyList<MemberForecast> Members);
