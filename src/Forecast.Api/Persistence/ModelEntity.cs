using System.Text.Json;
using Forecast.Domain.Runs;
using Forecast.Training.Evaluation;
using Forecast.Training.Lstm;
using Forecast.Training.Methods;

namespace Forecast.Api.Persistence;

/// <summary>A fitted model of one series: everything needed to rebuild it in another process, and how it scored.</summary>
/// <remarks>
/// The artifact, fit and evaluation are value objects read and written whole, stored as JSON. A network keeps its
/// <see cref="Artifact"/>, a statistical method its <see cref="Fit"/>; <see cref="Method"/> says which.
/// </remarks>
public sealed class ModelEntity
{
    public Guid Id { get; set; }
    public Guid RunId { get; set; }
    public Guid SeriesId { get; set; }
    /// <summary>The method's registered name (<see cref="ForecastingMethods"/>); "lstm" for models stored before methods.</summary>
    public string Method { get; set; } = Hyperparameters.NetworkMethod;

    /// <summary>The trained network; null for a statistical method.</summary>
    public ModelArtifact? Artifact { get; set; }

    /// <summary>A statistical method's fitted state; null for a network.</summary>
    public JsonElement? Fit { get; set; }
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

    /// <summary>What the methods' registry rebuilds the fitted model from.</summary>
    public StoredForecaster Stored => new(Method, Artifact, Fit, Evaluation.SeasonalPeriod);
}
