using Forecast.Domain.Runs;
using Forecast.Training.Evaluation;

namespace Forecast.Api.Persistence;

/// <summary>A trained model: weights plus everything needed to rebuild and judge it.</summary>
public sealed class ModelEntity
{
    public Guid Id { get; set; }
    public Guid RunId { get; set; }
    public Guid SeriesId { get; set; }
    public required byte[] Weights { get; set; }
    public double ScalerMin { get; set; }
    public double ScalerMax { get; set; }
    public required string TorchSharpVersion { get; set; }
    public required Hyperparameters Hyperparameters { get; set; }
    public required ModelEvaluation Evaluation { get; set; }
    public double TrainingSeconds { get; set; }
    public DateTime CreatedAt { get; set; }
}
