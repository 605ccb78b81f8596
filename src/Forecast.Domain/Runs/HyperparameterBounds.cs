using System.ComponentModel.DataAnnotations;

namespace Forecast.Domain.Runs;

/// <summary>Upper bounds on what a client may ask of a training run; an operator sets them, within the ranges below.</summary>
public sealed class HyperparameterBounds
{
    [Range(1, 1_000_000)]
    public int MaxEpochs { get; init; } = 10_000;

    [Range(1, 4096)]
    public int MaxHiddenSize { get; init; } = 512;

    [Range(1, 16)]
    public int MaxLayers { get; init; } = 4;

    [Range(1, 100_000)]
    public int MaxLookback { get; init; } = 1_000;

    [Range(1, 10_000_000)]
    public int MaxBatchSize { get; init; } = 100_000;

    [Range(1, 100_000)]
    public int MaxTestSize { get; init; } = 1_000;

    [Range(1, 100_000)]
    public int MaxSeasonalPeriod { get; init; } = 1_000;

    [Range(1, 100)]
    public int MaxEnsembleSize { get; init; } = 10;
}
