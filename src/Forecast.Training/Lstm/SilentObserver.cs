namespace Forecast.Training.Lstm;

/// <summary>Watches nothing: for the trainings that are not a run's own (transform candidates, backtest refits).</summary>
public sealed class SilentObserver : ITrainingObserver
{
    public static readonly SilentObserver Instance = new();

    public void OnEpoch(EpochReport report, Func<TrainingCheckpoint> checkpoint)
    {
    }
}
