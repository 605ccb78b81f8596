namespace Forecast.Training.Lstm;

/// <summary>
/// What the trainer reports after each epoch. The training loss is the network's own, on the scale it sees (a series'
/// mean squared error, a global network's mean absolute error); the validation loss is what early stopping judges by: a
/// series' one-step mean squared error on its scaled validation part, a collection's mean MASE of every member's forecast
/// of its validation part.
/// </summary>
/// <param name="Elapsed">Training time of this process so far; a resumed run counts from its resumption.</param>
public sealed record EpochReport(int Epoch, int TotalEpochs, double TrainLoss, double? ValidationLoss, TimeSpan Elapsed);
