using Forecast.Domain.Runs;

namespace Forecast.Api.Runs;

/// <summary>What a client following a run is told, in the order it happened.</summary>
public abstract record RunEvent;

/// <param name="EtaSeconds">Estimated seconds left, from the mean epoch time so far, for the newest epoch; null for older ones replayed.</param>
public sealed record EpochEvent(int Epoch, int TotalEpochs, double Percent, double TrainLoss, double? ValidationLoss, double? EtaSeconds) : RunEvent;

public sealed record StatusEvent(TrainingRunStatus Status, int Attempts) : RunEvent;

/// <summary>The run finished; the stream ends after it.</summary>
public sealed record FinishedEvent(TrainingRunStatus Status, Guid? ModelId, string? Error) : RunEvent;

/// <summary>Nothing happened for a while; sent so that proxies keep the connection open.</summary>
public sealed record Heartbeat : RunEvent;
