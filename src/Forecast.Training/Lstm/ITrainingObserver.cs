using Forecast.Training.Collections;

namespace Forecast.Training.Lstm;

/// <summary>Watches a run as it trains, on the training thread: a network epoch by epoch, a collection's statistical fits batch by batch.</summary>
public interface ITrainingObserver
{
    /// <summary>
    /// Called after every epoch. <paramref name="checkpoint"/> serialises the run's state when
    /// called, so an observer pays for a checkpoint only when it wants one. Throwing
    /// <see cref="OperationCanceledException"/> stops the run.
    /// </summary>
    void OnEpoch(EpochReport report, Func<TrainingCheckpoint> checkpoint);

    /// <summary>
    /// Called after each batch of a collection's members that a statistical method fitted: the fits are the run's
    /// checkpoint, which a resumed run keeps. Throwing <see cref="OperationCanceledException"/> stops the run. Observers
    /// of networks alone need not implement it.
    /// </summary>
    void OnMembersFitted(MemberFitReport report)
    {
    }
}
