using Forecast.Training.Evaluation;
using Forecast.Training.Lstm;
using Forecast.Training.Methods;

namespace Forecast.Training;

/// <summary>A fitted model ready to store: everything to rebuild it, how it scored, how training went, and why.</summary>
/// <param name="Stored">What the model store keeps to rebuild it: a network's artifact or a statistical method's fit.</param>
/// <param name="EpochsRun">Epochs trained, fewer than asked when early stopping ended the run; 1 for a statistical method's fit.</param>
/// <param name="BestEpoch">The epoch whose weights the model keeps; 0 for a warm start's own weights, which no epoch beat.</param>
/// <param name="Choices">What the service decided while training or fitting (the "auto" transform, early stopping, a form), in plain words.</param>
/// <param name="StartValidationLoss">A warm start's validation loss before its first epoch (see <see cref="Lstm.TrainingResult"/>).</param>
public sealed record BuiltModel(
    StoredForecaster Stored,
    ModelEvaluation Evaluation,
    int EpochsRun,
    int BestEpoch,
    bool StoppedEarly,
    IReadOnlyList<string> Choices,
    double? StartValidationLoss = null)
{
    /// <summary>The trained network's weights, scaler, transform and calibration; null for a statistical method.</summary>
    public ModelArtifact? Artifact => Stored.Network;
}
