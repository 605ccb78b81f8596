namespace Forecast.Domain.Runs;

/// <summary>Applies defaults and bounds to a <see cref="HyperparameterRequest"/> for a series of a given length.</summary>
public sealed class HyperparameterResolver(HyperparameterBounds bounds)
{
    public const int DefaultLookback = 120;

    /// <summary>A run needs at least this many training windows to learn anything.</summary>
    public const int MinimumTrainingWindows = 2;

    public Hyperparameters Resolve(HyperparameterRequest request, int seriesLength, Func<int> randomSeed)
    {
        var epochs = Check(request.Epochs ?? 100, 1, bounds.MaxEpochs, "epochs");
        var hidden = Check(request.HiddenSize ?? 64, 1, bounds.MaxHiddenSize, "hiddenSize");
        var layers = Check(request.Layers ?? 1, 1, bounds.MaxLayers, "layers");
        var dropout = Check(request.Dropout ?? 0.0, 0.0, 0.9, "dropout");
        var learningRate = Check(request.LearningRate ?? 0.001, 1e-6, 1.0, "learningRate");
        var validationFraction = Check(request.ValidationFraction ?? 0.2, 0.0, 0.5, "validationFraction");
        var testSize = Check(request.TestSize ?? 10, 1, bounds.MaxTestSize, "testSize");
        var seed = Check(request.Seed ?? randomSeed(), 0, int.MaxValue, "seed");
        int? batchSize = request.BatchSize is { } b ? Check(b, 1, bounds.MaxBatchSize, "batchSize") : null;
        int? patience = request.EarlyStoppingPatience is { } p ? Check(p, 1, bounds.MaxEpochs, "earlyStoppingPatience") : null;
        if (patience is not null && validationFraction == 0)
        {
            throw new DomainValidationException("earlyStoppingPatience needs a validation part: set validationFraction above 0.", "earlyStoppingPatience");
        }
        if (request.Lookback is { } requested)
        {
            Check(requested, 1, bounds.MaxLookback, "lookback");
        }

        if (testSize > seriesLength / 2)
        {
            throw new UnprocessableException(
                $"testSize {testSize} leaves too little to train on: the series has {seriesLength} points, so testSize may be at most {seriesLength / 2}.",
                "testSize");
        }
        var split = DataSplit.For(seriesLength, testSize, validationFraction);
        var maxLookback = split.TrainCount - MinimumTrainingWindows;
        if (maxLookback < 1)
        {
            throw new UnprocessableException(
                $"The series has {seriesLength} points; after the test tail ({testSize}) and validation part ({split.ValidationCount}) only {split.TrainCount} remain to train on, too few for any lookback.",
                "lookback");
        }
        if (request.Lookback is { } lookback && lookback > maxLookback)
        {
            throw new UnprocessableException(
                $"lookback {lookback} is longer than the series allows: {split.TrainCount} training points leave room for a lookback of at most {maxLookback}.",
                "lookback");
        }
        // Left to us, the lookback keeps at least half of the training part as targets.
        var resolvedLookback = request.Lookback ?? Math.Max(1, Math.Min(DefaultLookback, split.TrainCount / 2));

        return new Hyperparameters(resolvedLookback, hidden, layers, dropout, epochs, batchSize, learningRate,
            validationFraction, testSize, seed, patience);
    }

    private static T Check<T>(T value, T min, T max, string field) where T : IComparable<T>
    {
        if (value is double d && !double.IsFinite(d))
        {
            throw new DomainValidationException($"{field} must be a finite number.", field);
        }
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            throw new DomainValidationException($"{field} must be between {min} and {max}; got {value}.", field);
        }
        return value;
    }
}
