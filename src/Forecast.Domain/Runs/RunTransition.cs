namespace Forecast.Domain.Runs;

/// <summary>Every way a training run's status may change; <see cref="RunLifecycle"/> holds where each may start and where it ends.</summary>
public enum RunTransition
{
    /// <summary>Queued to Running: a training process takes the run. Only a queued run can be claimed, so a job executed twice does nothing.</summary>
    Claim,

    /// <summary>Running to Succeeded: training ended and its model is stored with it.</summary>
    Succeed,

    /// <summary>Running to Failed: training threw; repeating a deterministic failure would only fail again.</summary>
    Fail,

    /// <summary>
    /// Queued or Running to Cancelled: a queued run is cancelled at once, since nothing trains it; a running one
    /// when its process sees the request at the end of an epoch, so that its curve and checkpoint stay consistent.
    /// </summary>
    Cancel,

    /// <summary>Running to Queued: the host is stopping; the job checkpointed its last epoch and the run resumes from it.</summary>
    RequeueAtStop,

    /// <summary>
    /// Running to Queued: the run's process died under it (a restart found it Running, or its worker fell
    /// silent), so another attempt resumes it from its checkpoint.
    /// </summary>
    RequeueOrphan,

    /// <summary>
    /// Running to Failed: the run's process died under it too often without its checkpoint advancing, so the run
    /// itself is taken to be what brings the process down (<see cref="RunCrashes"/>).
    /// </summary>
    FailPoison,
}
