using Forecast.Training.Lstm;

namespace Forecast.Training.Tests.Lstm;

/// <summary>Keeps every epoch report and takes a checkpoint at a chosen epoch.</summary>
public sealed class RecordingObserver(int checkpointAt = 0) : ITrainingObserver
{
    public List<EpochReport> Reports { get; } = [];

    public TrainingCheckpoint? Checkpoint { get; private set; }

    public void OnEpoch(EpochReport report, Func<TrainingCheckpoint> checkpoint)
    {
        Reports.Add(report);
        if (report.Epoch == checkpointAt)
        {
            Checkpoint = checkpoint();
        }
    }
}
