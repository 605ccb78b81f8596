namespace Forecast.Training.Lstm;

/// <summary>
/// The whole state of a run after <see cref="Epoch"/> epochs, enough to continue it in another
/// process and end exactly where an uninterrupted run would have.
/// </summary>
/// <param name="Network">Every ensemble member's weights (TorchSharp Module.save), packed by <see cref="WeightBundle"/>.</param>
/// <param name="Optimizer">Every member's Adam moment estimates and step counts, packed likewise.</param>
/// <param name="BestNetwork">Weights at <paramref name="BestEpoch"/>, restored at the end when a validation part exists.</param>
/// <param name="EpochsWithoutImprovement">Epochs since the validation loss last improved, for early stopping.</param>
/// <param name="BestOptimizer">The optimisers' state at <paramref name="BestEpoch"/>, kept with the model for a warm start; null in checkpoints written before it was kept.</param>
/// <param name="Refit">
/// Set once a global network's validation has chosen its epochs and the network trains again on everything before the
/// test tails: what validation chose, which the other fields' epochs continue. Null before, and for one series.
/// </param>
public sealed record TrainingCheckpoint(
    int Epoch,
    byte[] Network,
    byte[] Optimizer,
    byte[]? BestNetwork,
    int BestEpoch,
    double? BestValidationLoss,
    int EpochsWithoutImprovement,
    byte[]? BestOptimizer = null,
    RefitCheckpoint? Refit = null);

/// <summary>What a global network's validation chose, kept while the network trains again (<see cref="Collections.GlobalTrainer"/>).</summary>
/// <param name="ValidationEpochs">Epochs the validation ran.</param>
/// <param name="Epochs">The epoch whose forecasts of the validation parts were best: the epochs trained again.</param>
/// <param name="StoppedEarly">Whether early stopping ended the validation.</param>
/// <param name="ValidatedNetwork">The networks of that epoch, whose errors on the validation parts calibrate the intervals.</param>
public sealed record RefitCheckpoint(int ValidationEpochs, int Epochs, bool StoppedEarly, byte[] ValidatedNetwork);
