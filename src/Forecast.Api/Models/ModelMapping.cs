using Forecast.Api.Persistence;
using Forecast.Training;
using Forecast.Training.Evaluation;
using Forecast.Training.Lstm;

namespace Forecast.Api.Models;

/// <summary>Between a stored <see cref="ModelEntity"/> and the <see cref="ModelArtifact"/> that rebuilds the network.</summary>
public static class ModelMapping
{
    public static ModelEntity ToEntity(ModelArtifact artifact, TrainingRunEntity run, ModelEvaluation evaluation, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        RunId = run.Id,
        SeriesId = run.SeriesId,
        Weights = artifact.Weights,
        ScalerMin = artifact.Scaler.Min,
        ScalerMax = artifact.Scaler.Max,
        TorchSharpVersion = artifact.TorchSharpVersion,
        Hyperparameters = run.Hyperparameters,
        Evaluation = evaluation,
        TrainingSeconds = run.ElapsedSeconds,
        CreatedAt = now,
    };

    public static ModelArtifact ToArtifact(ModelEntity entity) => new(
        entity.Weights,
        new MinMaxScaler(entity.ScalerMin, entity.ScalerMax),
        entity.Hyperparameters.Lookback,
        entity.Hyperparameters.HiddenSize,
        entity.Hyperparameters.Layers,
        entity.TorchSharpVersion);
}
