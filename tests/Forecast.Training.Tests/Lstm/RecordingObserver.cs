using Forecast.Training.Collections;
using Forecast.Training.Lstm;

namespace Forecast.Training.Tests.Lstm;

/// <summary>Keeps every epoch report and takes a checkpoint at a chosen epoch; keeps every report of members fitted too.</summary>
public sealed class RecordingObserver(int checkpointAt = 0) : ITrainingObserver
{
    public List<EpochReport> Reports { get; } = [];

    public TrainingCheckpoint? Checkpoint { get; private set; }

    public List<MemberFitReport> MemberReports { get; } = [];

    public void OnMembersFitted(MemberFitReport report) => MemberReports.Add(report);

    public void OnEpoch(EpochReport report, Func<TrainingCheckpoint> checkpoint)
    {
        Reports.Add(report);
        if (report.Epoch == checkpointAt)
        {
            Checkpoint = checkpoint();
        }
    }
}
