namespace Forecast.Domain.Runs;

/// <summary>
/// The poison guard: how many times in a row a run's process died under it without the run getting anywhere, and how
/// much of that the run is to blame for. A restarted host (a deploy, a node drain, an OOM kill elsewhere) kills runs
/// that progress between deaths; a poison run kills its process before it checkpoints anything new. Only the second is
/// failed for it. A death with several runs in flight in the process is shared among them: any one of them may have
/// brought it down, so each takes 1/n of it, and a run is failed once its blame reaches the limit (a poison run beside
/// healthy ones still gets there, as they finish or progress and it does not).
/// </summary>
/// <param name="WithoutProgress">Deaths since the run's checkpoint last advanced, this one included.</param>
/// <param name="Blame">Those deaths, each counted as the run's share of it: 1 when it was alone in its process.</param>
/// <param name="CheckpointEpoch">The checkpoint's epoch at the last death; null when the run had none.</param>
public sealed record RunCrashes(int WithoutProgress, double Blame, int? CheckpointEpoch)
{
    // Shares of a third add up to 2.9999999999999996.
    private const double Rounding = 1e-9;

    public static RunCrashes None { get; } = new(0, 0, null);

    /// <summary>
    /// The count after another death, the run's checkpoint then at <paramref name="checkpointEpoch"/> (null: none yet),
    /// with <paramref name="runsInFlight"/> runs, this one included, training in the process that died.
    /// </summary>
    public RunCrashes After(int? checkpointEpoch, int runsInFlight = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runsInFlight, 1);
        var share = 1.0 / runsInFlight;
        return checkpointEpoch is { } now && (CheckpointEpoch is not { } before || now > before)
            ? new RunCrashes(1, share, checkpointEpoch)
            : new RunCrashes(WithoutProgress + 1, Blame + share, checkpointEpoch);
    }

    /// <summary>Whether the run is taken to be what brings its process down.</summary>
    public bool IsPoison(int maxCrashes) => Blame >= maxCrashes - Rounding;

    public string Reason => CheckpointEpoch is null
        ? $"The training process stopped unexpectedly {WithoutProgress} times during this run before its first checkpoint; it will not be retried."
        : $"The training process stopped unexpectedly {WithoutProgress} times during this run without its checkpoint advancing past epoch {CheckpointEpoch}; it will not be retried.";
}
