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
/// <param name="EvolvingSeasons">
/// Whether a seasonal member's season is taken out as STL's, which changes slowly over the years, rather than as fixed
/// phase indices (<see cref="ModelArtifact.EvolvingSeason"/>).
/// </param>
public sealed record GlobalTrainingOptions(TrainingLoss Loss, MemberScale Scale, int? WindowsPerSeries, bool EvolvingSeasons)
{
    /// <summary>What the service trains with, chosen on the tourism sets' validation parts (docs/accuracy.md); a benchmark may measure others.</summary>
    public static GlobalTrainingOptions Default { get; } = new(TrainingLoss.Absolute, MemberScale.Level, WindowsPerSeries: null, EvolvingSeasons: true);
}
