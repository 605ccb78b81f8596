using Forecast.Training.Evaluation;
using Forecast.Training.Lstm;

namespace Forecast.Training;

/// <summary>A trained model ready to store: everything to rebuild it, how it scored, how training went, and why.</summary>
/// <param name="Artifact">Weights, scaler, the transform actually used and the interval calibration.</param>
/// <param name="EpochsRun">Epochs trained, fewer than asked when early stopping ended the run.</param>
/// <param name="BestEpoch">The epoch whose weights the model keeps; 0 for a warm start's own weights, which no epoch beat.</param>
/// <param name="Choices">What the service decided while training (the "auto" transform, early stopping), in plain words.</param>
/// <param name="StartValidationLoss">A warm start's validation loss before its first epoch (see <see cref="Lstm.TrainingResult"/>).</param>
public sealed record BuiltModel(
    ModelArtifact Artifact,
    ModelEvaluation Evaluation,
    int EpochsRun,
    int BestEpoch,
    bool StoppedEarly,
    IReadOnlyList<string> Choices,
    double? StartValidationLoss = null);
