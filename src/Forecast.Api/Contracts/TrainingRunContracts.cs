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
/// <param name="BestEpoch">The epoch whose weights the model keeps.</param>
public sealed record TrainingOutcome(int EpochsRun, int BestEpoch, bool StoppedEarly);

/// <param name="SeriesId">The series the run trains on; null for a collection's run.</param>
/// <param name="CollectionId">The collection whose members one global model trains on; null for a series' run.</param>
/// <param name="Attempts">Times a process started the run; above 1 after a restart or crash.</param>
/// <param name="ResumedFromEpoch">The checkpoint epoch the latest attempt continued from; null when it started afresh.</param>
/// <param name="Outcome">Set once the run has a model.</param>
/// <param name="Promotion">The alias the run moves to its model once trained, as asked.</param>
/// <param name="PromotionOutcome">Whether it moved the alias and why (both models' MASE on the same points); set once the run succeeded.</param>
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
    string? Error,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt);

public sealed record LossPoint(int Epoch, double TrainLoss, double? ValidationLoss);
