using Forecast.Domain.Runs;
using Forecast.Training.Lstm;

namespace Forecast.Training.Collections;

/// <summary>How a member's transformed values are divided before the network sees them.</summary>
public enum MemberScale
{
    /// <summary>
    /// A logged member not at all: its windows, less their last input, are already relative changes. Another by the mean
    /// absolute value of its transformed history, so that its windows are changes relative to its level too.
    /// </summary>
    Level,

    /// <summary>By the range of its transformed training part (a MinMax scaler).</summary>
    Range,

    /// <summary>By the mean absolute seasonal difference of its transformed training part: MASE's scale, on that scale.</summary>
    SeasonalDifferences,
}

/// <summary>How a global network trains, beyond the hyperparameters it shares with one series'.</summary>
/// <param name="Loss">What training minimises on the scale the network sees.</param>
/// <param name="Scale">How each member's windows are scaled.</param>
/// <param name="WindowsPerSeries">Windows of every member per epoch, so that members weigh alike; null to pool all windows.</param>
/// <param name="LookbackShares">
/// Per ensemble network (cycled), the share of the lookback it reads, the last inputs of the same windows; null for all.
/// </param>
/// <param name="RateDecay">What the learning rate is multiplied by after every epoch; 1 for a constant rate.</param>
/// <param name="ClipNorm">The largest norm of a batch's gradients; null not to clip.</param>
/// <param name="Refit">Whether the network validation chose is trained again on everything before the test tails, or kept as validated.</param>
public sealed record GlobalTrainingOptions(TrainingLoss Loss, MemberScale Scale, int? WindowsPerSeries, bool Refit = true, IReadOnlyList<double>? LookbackShares = null,
    double RateDecay = 1, double? ClipNorm = null)
{
    /// <summary>Per network of <paramref name="hp"/>'s ensemble, the lookback it reads; null when every one reads all.</summary>
    public IReadOnlyList<int>? MemberLookbacks(Hyperparameters hp) => LookbackShares is { Count: > 0 } shares
        ? Enumerable.Range(0, hp.EnsembleSize).Select(k => Math.Clamp((int)Math.Round(shares[k % shares.Count] * hp.Lookback), 1, hp.Lookback)).ToArray()
        : null;

    /// <summary>What the service trains with, chosen on the tourism sets' validation parts (docs/accuracy.md); a benchmark may measure others.</summary>
    public static GlobalTrainingOptions Default { get; } = new(TrainingLoss.Absolute, MemberScale.Level, WindowsPerSeries: null);
}
