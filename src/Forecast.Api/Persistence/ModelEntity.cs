using Forecast.Domain.Runs;
using Forecast.Training.Evaluation;
using Forecast.Training.Lstm;

namespace Forecast.Api.Persistence;

/// <summary>A trained model: everything needed to rebuild it in another process, and how it scored.</summary>
/// <remarks>The artifact and evaluation are value objects read and written whole, stored as JSON.</remarks>
public sealed class ModelEntity
{
    public Guid Id { get; set; }
    public Guid RunId { get; set; }
    public Guid SeriesId { get; set; }
    public required ModelArtifact Artifact { get; set; }
    public required Hyperparameters Hyperparameters { get; set; }
    public required ModelEvaluation Evaluation { get; set; }
    public int EpochsRun { get; set; }
    public int BestEpoch { get; set; }

    /// <summary>Whether early stopping ended training before its last epoch, as the trainer reported it.</summary>
    public bool StoppedEarly { get; set; }
    public double TrainingSeconds { get; set; }

    /// <summary>The latest rolling-origin backtest: asked for on the run, or later without refitting; null for none.</summary>
    public Backtest? Backtest { get; set; }
    public DateTime CreatedAt { get; set; }
}
