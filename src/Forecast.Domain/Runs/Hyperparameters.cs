namespace Forecast.Domain.Runs;

/// <summary>Everything that decides how a model is trained, resolved: no defaults left to apply.</summary>
public sealed record Hyperparameters(
    int Lookback,
    int HiddenSize,
    int Layers,
    double Dropout,
    int Epochs,
    int? BatchSize,
    double LearningRate,
    double ValidationFraction,
    int TestSize,
    int Seed,
    int? EarlyStoppingPatience = null);

/// <summary>Hyperparameters as a client asks for them: any of them may be left out.</summary>
public sealed record HyperparameterRequest(
    int? Lookback = null,
    int? HiddenSize = null,
    int? Layers = null,
    double? Dropout = null,
    int? Epochs = null,
    int? BatchSize = null,
    double? LearningRate = null,
    double? ValidationFraction = null,
    int? TestSize = null,
    int? Seed = null,
    int? EarlyStoppingPatience = null);
