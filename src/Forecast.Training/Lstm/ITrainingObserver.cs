namespace Forecast.Training.Lstm;

/// <summary>Watches a run epoch by epoch, on the training thread.</summary>
public interface ITrainingObserver
{
    /// <summary>
    /// Called after every epoch. <paramref name="checkpoint"/> serialises the run's state when
    /// called, so an observer pays for a checkpoint only when it wants one. Throwing
    /// <see cref="OperationCanceledException"/> stops the run.
    /// </summary>
    void OnEpoch(EpochReport report, Func<TrainingCheckpoint> checkpoint);
}
