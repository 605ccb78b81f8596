namespace Forecast.Training.Lstm;

/// <summary>What the trainer reports after each epoch. Losses are mean squared errors on the scaled series.</summary>
/// <param name="Elapsed">Training time of this process so far; a resumed run counts from its resumption.</param>
public sealed record EpochReport(int Epoch, int TotalEpochs, double TrainLoss, double? ValidationLoss, TimeSpan Elapsed);
