using Forecast.Domain.Registry;
using Forecast.Domain.Runs;

namespace Forecast.Api.Contracts;

/// <param name="Epoch">Epochs finished so far.</param>
/// <param name="EtaSeconds">Estimated seconds left, from the mean epoch time so far; null before the first epoch.</param>
/// <param name="QueuePosition">For a queued run, 1 when it is next to start; null otherwise.</param>
public sealed record RunProgress(
    int Epoch,
    int TotalEpochs,
    double Percent,
    double? EtaSeconds,
    double? TrainLoss,
    double? ValidationLoss,
    int? QueuePosition);

/// <summary>How a succeeded run's training ended; its model has the transform, metrics and intervals.</summary>
/// <param name="EpochsRun">Epochs trained; fewer than asked when <paramref name="StoppedEarly"/>.</param>
/// <param name="BestEpoch">The epoch whose weights the model keeps; 0 for a warm start's own weights, which no epoch beat.</param>
public sealed record TrainingOutcome(int EpochsRun, int BestEpoch, bool StoppedEarly);

/// <param name="SeriesId">The series the run trains on; null for a collection's run.</param>
/// <param name="CollectionId">The collection whose members one global model trains on; null for a series' run.</param>
/// <param name="Attempts">Times a process started the run; above 1 after a restart or crash.</param>
/// <param name="ResumedFromEpoch">The checkpoint epoch the latest attempt continued from; null when it started afresh.</param>
/// <param name="Outcome">Set once the run has a model.</param>
/// <param name="Promotion">The alias the run moves to its model once trained, as asked.</param>
/// <param name="WarmStartFrom">The model whose weights the run started from; null for a run from random weights.</param>
/// <param name="PromotionOutcome">Whether it moved the alias and why (both models' MASE on the same points); set once the run succeeded.</param>
/// <param name="RetrainingPolicyId">The retraining policy that started the run; null for a client's run.</param>
public sealed record TrainingRunResponse(
    Guid Id,
    Guid? SeriesId,
    Guid? CollectionId,
    TrainingRunStatus Status,
    RunProgress Progress,
    Hyperparameters Hyperparameters,
    IReadOnlyList<string> Choices,
    bool CancelRequested,
    int Attempts,
    int? ResumedFromEpoch,
    Guid? ModelId,
    TrainingOutcome? Outcome,
    PromotionRequest? Promotion,
    string? PromotionOutcome,
    Guid? WarmStartFrom,
    Guid? RetrainingPolicyId,
    string? Error,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt);

public sealed record LossPoint(int Epoch, double TrainLoss, double? ValidationLoss);

/// <summary>What a training form shows: the value a run gets for every field left out, and what each numeric field accepts.</summary>
/// <param name="Defaults">
/// Each field's value when left out, resolved for this series or collection; null where nothing is fixed in advance:
/// the seed (drawn when the run is asked for), batchSize (full batch) and windowsPerEpoch (every window).
/// </param>
/// <param name="Ranges">Each numeric field's accepted range, by its name; the series or collection may allow less of lookback and testSize (a 422 says how much).</param>
/// <param name="Choices">Why the defaults are what they are, in plain words, as a run's choices say it.</param>
public sealed record HyperparameterDefaultsResponse(
    HyperparameterRequest Defaults,
    IReadOnlyDictionary<string, HyperparameterRange> Ranges,
    IReadOnlyList<string> Choices);
