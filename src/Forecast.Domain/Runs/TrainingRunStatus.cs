namespace Forecast.Domain.Runs;

public enum TrainingRunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

public static class TrainingRunStatusExtensions
{
    public static bool IsFinished(this TrainingRunStatus status) =>
        status is TrainingRunStatus.Succeeded or TrainingRunStatus.Failed or TrainingRunStatus.Cancelled;
}
