namespace Forecast.Domain.Runs;

/// <summary>The values a numeric hyperparameter accepts, both ends included.</summary>
public sealed record HyperparameterRange(double Min, double Max);

public sealed partial class HyperparameterResolver
{
    /// <summary>Every field of a network's run by its name in a request: each numeric one has a range, and the transform and the seasons.</summary>
    public static IReadOnlyList<string> AllFields { get; } =
    [
        "lookback", "hiddenSize", "layers", "dropout", "epochs", "batchSize", "learningRate", "validationFraction", "testSize", "seed",
        "earlyStoppingPatience", "transform", "seasonalPeriod", "seasonalPeriods", "ensembleSize", "windowsPerEpoch",
    ];

    /// <summary>
    /// Every numeric field's range by its name in a request: the operator's bounds and the fixed ones. The resolver
    /// checks requests against exactly these, and a form shows them; a series or collection may allow less of lookback
    /// and testSize, which it refuses as unprocessable, naming what it allows.
    /// </summary>
    public IReadOnlyDictionary<string, HyperparameterRange> Ranges { get; } = new Dictionary<string, HyperparameterRange>
    {
        ["lookback"] = new(1, bounds.MaxLookback),
        ["hiddenSize"] = new(1, bounds.MaxHiddenSize),
        ["layers"] = new(1, bounds.MaxLayers),
        ["dropout"] = new(0, 0.9),
        ["epochs"] = new(1, bounds.MaxEpochs),
        ["batchSize"] = new(1, bounds.MaxBatchSize),
        ["learningRate"] = new(1e-6, 1),
        ["validationFraction"] = new(0, 0.5),
        ["testSize"] = new(1, bounds.MaxTestSize),
        ["seed"] = new(0, int.MaxValue),
        ["earlyStoppingPatience"] = new(0, bounds.MaxEpochs),
        ["seasonalPeriod"] = new(1, bounds.MaxSeasonalPeriod),
        ["ensembleSize"] = new(1, bounds.MaxEnsembleSize),
        ["windowsPerEpoch"] = new(1, bounds.MaxBatchSize),
    };
}
