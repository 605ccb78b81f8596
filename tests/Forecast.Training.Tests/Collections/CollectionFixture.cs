using Forecast.Domain.Runs;
using Forecast.Training.Collections;

namespace Forecast.Training.Tests.Collections;

/// <summary>The small collection the global model's tests train on.</summary>
internal static class CollectionFixture
{
    /// <summary>Six quarterly members of 48 points, of different levels, growth and seasonal amplitude, and one of 12, too short for the lookback.</summary>
    public static readonly GlobalMember[] Members =
    [
        .. Enumerable.Range(0, 6).Select(k => new GlobalMember($"m{k}", Enumerable.Range(0, 48)
            .Select(t => (10 + (40 * k)) * (1 + (0.01 * k * t)) * (1 + (0.2 * Math.Sin((2 * Math.PI * t / 4) + k)))).ToArray())),
        new GlobalMember("short", [5.0, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7]),
    ];

    /// <summary>A quarterly member of 48 points that repeats one year exactly: seasonal naive never errs on it, so its MASE scale is 0.</summary>
    public static readonly GlobalMember RepeatingYear = new("repeating", [.. Enumerable.Range(0, 48).Select(t => new[] { 10.0, 20, 30, 15 }[t % 4])]);

    /// <summary>A network small enough to train in well under a second: lookback 8, 8 units, a test tail of 4.</summary>
    public static Hyperparameters Tiny(int epochs = 6) => new(
        Lookback: 8, HiddenSize: 8, Layers: 1, Dropout: 0, Epochs: epochs, BatchSize: 32, LearningRate: 0.01,
        ValidationFraction: 0.2, TestSize: 4, Seed: 5, Transform: TransformChoice.Auto, EarlyStoppingPatience: 50, SeasonalPeriod: 4);
}
