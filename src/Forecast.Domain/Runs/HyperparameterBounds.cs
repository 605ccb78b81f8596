namespace Forecast.Domain.Runs;

/// <summary>Upper bounds on what a client may ask of a training run.</summary>
public sealed class HyperparameterBounds
{
    public int MaxEpochs { get; init; } = 10_000;
    public int MaxHiddenSize { get; init; } = 512;
    public int MaxLayers { get; init; } = 4;
    public int MaxLookback { get; init; } = 1_000;
    public int MaxBatchSize { get; init; } = 100_000;
    public int MaxTestSize { get; init; } = 1_000;
    public int MaxSeasonalPeriod { get; init; } = 1_000;
    public int MaxEnsembleSize { get; init; } = 10;
}
