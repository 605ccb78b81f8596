namespace Forecast.Client;

/// <summary>What a run's event stream (<c>GET /api/training-runs/{id}/events</c>) tells, in the order it happened.</summary>
public abstract record RunEvent;

/// <summary>An epoch trained; its number is the event's id, which <see cref="ForecastApiClient.FollowRunAsync"/> resumes after.</summary>
/// <param name="EtaSeconds">Estimated seconds left, for the newest epoch; null for older ones replayed.</param>
public sealed record RunEpochEvent(int Epoch, int TotalEpochs, double Percent, double TrainLoss, double? ValidationLoss, double? EtaSeconds) : RunEvent;

/// <summary>The run's status, first as it stands, then at every change.</summary>
public sealed record RunStatusEvent(TrainingRunStatus Status, int Attempts) : RunEvent;

/// <summary>The run finished; the stream ends after it.</summary>
public sealed record RunFinishedEvent(TrainingRunStatus Status, Guid? ModelId, string? Error) : RunEvent;
