using Forecast.Api.Persistence;

namespace Forecast.Api.Runs;

/// <summary>What a run records at the end of an epoch: its losses, its training time, and now and then a checkpoint.</summary>
public sealed record EpochProgress(int Epoch, int TotalEpochs, double TrainLoss, double? ValidationLoss, double ElapsedSeconds, CheckpointEntity? Checkpoint);
