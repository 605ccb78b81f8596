namespace Forecast.Domain.Runs;

/// <summary>
/// The state machine of a training run: the one place that says which status changes exist. The store applies
/// each as a conditional update on <see cref="From"/>, so a change whose premise no longer holds (a run claimed
/// twice, a run cancelled while a worker finishes it) touches nothing.
/// </summary>
public static class RunLifecycle
{
    private static readonly Dictionary<RunTransition, (TrainingRunStatus[] From, TrainingRunStatus To)> Transitions = new()
    {
        [RunTransition.Claim] = ([TrainingRunStatus.Queued], TrainingRunStatus.Running),
        [RunTransition.Succeed] = ([TrainingRunStatus.Running], TrainingRunStatus.Succeeded),
        [RunTransition.Fail] = ([TrainingRunStatus.Running], TrainingRunStatus.Failed),
        [RunTransition.Cancel] = ([TrainingRunStatus.Queued, TrainingRunStatus.Running], TrainingRunStatus.Cancelled),
        [RunTransition.RequeueAtStop] = ([TrainingRunStatus.Running], TrainingRunStatus.Queued),
        [RunTransition.RequeueOrphan] = ([TrainingRunStatus.Running], TrainingRunStatus.Queued),
        [RunTransition.FailPoison] = ([TrainingRunStatus.Running], TrainingRunStatus.Failed),
    };

    /// <summary>The statuses a transition may start from.</summary>
    public static IReadOnlyList<TrainingRunStatus> From(RunTransition transition) => Transitions[transition].From;

    /// <summary>The status a transition ends in.</summary>
    public static TrainingRunStatus To(RunTransition transition) => Transitions[transition].To;

    public static bool Allows(TrainingRunStatus current, RunTransition transition) => From(transition).Contains(current);

    /// <summary>The status after <paramref name="transition"/>.</summary>
    /// <exception cref="IllegalRunTransitionException">The transition does not start from <paramref name="current"/>.</exception>
    public static TrainingRunStatus Apply(TrainingRunStatus current, RunTransition transition) =>
        Allows(current, transition) ? To(transition) : throw new IllegalRunTransitionException(current, transition);

    /// <summary>Queued or Running: the run still holds a place in the queue, a worker, or both.</summary>
    public static bool IsOpen(this TrainingRunStatus status) => status is TrainingRunStatus.Queued or TrainingRunStatus.Running;

    /// <summary>Succeeded, Failed or Cancelled: no transition starts here.</summary>
    public static bool IsFinished(this TrainingRunStatus status) => !status.IsOpen();

    /// <summary>The open statuses, for queries.</summary>
    public static IReadOnlyList<TrainingRunStatus> Open { get; } = [TrainingRunStatus.Queued, TrainingRunStatus.Running];
}

/// <summary>A status change the run state machine does not have.</summary>
public sealed class IllegalRunTransitionException(TrainingRunStatus current, RunTransition transition)
    : InvalidOperationException($"A {current} run cannot {transition}: that transition starts from {string.Join(" or ", RunLifecycle.From(transition))}.")
{
    public TrainingRunStatus Current { get; } = current;

    public RunTransition Transition { get; } = transition;
}
