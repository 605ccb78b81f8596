namespace Forecast.Domain.Runs;

/// <summary>Everything that decides how a model is trained, resolved: no defaults left to apply.</summary>
/// <remarks>
/// The optional parameters' values here describe the plain tutorial model (no transform, no season);
/// the service's own defaults are applied by <see cref="HyperparameterResolver"/>.
/// </remarks>
/// <param name="EarlyStoppingPatience">Epochs without a better validation loss before training stops and the best weights are kept; null for none (the last epoch's weights are kept).</param>
/// <param name="Transform">"auto" (chosen while training, recorded on the model) or a <see cref="TransformPipeline"/> name.</param>
/// <param name="SeasonalPeriod">Lag of the seasonal difference, of seasonal naive and of the MASE scale.</param>
/// <param name="EnsembleSize">Networks trained from different seeds whose predictions are averaged.</param>
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
    int? EarlyStoppingPatience = null,
    string Transform = "none",
    int SeasonalPeriod = 1,
    int EnsembleSize = 1);

/// <summary>Hyperparameters as a client asks for them: any of them may be left out.</summary>
/// <param name="EarlyStoppingPatience">0 turns early stopping off.</param>
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
    int? EarlyStoppingPatience = null,
    string? Transform = null,
    int? SeasonalPeriod = null,
    int? EnsembleSize = null);
