namespace Forecast.Domain.Runs;

/// <summary>
/// The poison guard: how many times in a row a run's process died under it without the run getting anywhere.
/// A restarted host (a deploy, a node drain, an OOM kill elsewhere) kills runs that progress between deaths;
/// a poison run kills its process before it checkpoints anything new. Only the second is failed for it.
/// </summary>
/// <param name="WithoutProgress">Deaths since the run's checkpoint last advanced, this one included.</param>
/// <param name="CheckpointEpoch">The checkpoint's epoch at the last death; null when the run had none.</param>
public sealed record RunCrashes(int WithoutProgress, int? CheckpointEpoch)
{
    public static RunCrashes None { get; } = new(0, null);

    /// <summary>The count after another death, the run's checkpoint then at <paramref name="checkpointEpoch"/> (null: none yet).</summary>
    public RunCrashes After(int? checkpointEpoch) =>
        checkpointEpoch is { } now && (CheckpointEpoch is not { } before || now > before)
            ? new RunCrashes(1, checkpointEpoch)
            : new RunCrashes(WithoutProgress + 1, checkpointEpoch);

    /// <summary>Whether the run is taken to be what brings its process down.</summary>
    public bool IsPoison(int maxCrashes) => WithoutProgress >= maxCrashes;

    public string Reason => CheckpointEpoch is null
        ? $"The training process stopped unexpectedly {WithoutProgress} times during this run before its first checkpoint; it will not be retried."
        : $"The training process stopped unexpectedly {WithoutProgress} times during this run without its checkpoint advancing past epoch {CheckpointEpoch}; it will not be retried.";
}
