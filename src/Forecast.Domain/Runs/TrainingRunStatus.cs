namespace Forecast.Domain.Runs;

/// <summary>Where a training run is in its life; <see cref="RunLifecycle"/> says how it may move on.</summary>
public enum TrainingRunStatus
{
    /// <summary>Waiting for a training process: new, or given back after a stop or a crash.</summary>
    Queued,

    /// <summary>Claimed by one training process, which records its epochs and checkpoints.</summary>
    Running,

    /// <summary>Trained; its model is stored.</summary>
    Succeeded,

    /// <summary>Ended without a model: training threw, or the run kept bringing its process down.</summary>
    Failed,

    /// <summary>Ended at a client's request; a run cancelled while running keeps its partial loss curve.</summary>
    Cancelled,
}
