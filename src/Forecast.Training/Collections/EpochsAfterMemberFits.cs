using Forecast.Training.Lstm;

namespace Forecast.Training.Collections;

/// <summary>
/// Numbers a network's epochs after the members an ensemble fitted before it, so that a run's progress and loss curve
/// count the members fitted (epochs 1 to the members, as a statistical method's do) and then the network's epochs, and
/// never hold one number twice. Its checkpoints are numbered so too, and <see cref="Continuing"/> numbers one back. The
/// members' fits count the network's epochs asked in their total, so that the run's progress only grows.
/// </summary>
internal sealed class EpochsAfterMemberFits(ITrainingObserver inner, int members, int networkEpochs) : ITrainingObserver
{
    public void OnEpoch(EpochReport report, Func<TrainingCheckpoint> checkpoint) =>
        inner.OnEpoch(report with { Epoch = members + report.Epoch, TotalEpochs = members + report.TotalEpochs }, () =>
        {
            var taken = checkpoint();
            return taken with { Epoch = members + taken.Epoch };
        });

    public void OnMembersFitted(MemberFitReport report) => inner.OnMembersFitted(report with { Total = members + networkEpochs });

    /// <summary>A checkpoint this observer numbered, numbered as the network's training counts its epochs.</summary>
    public TrainingCheckpoint? Continuing(TrainingCheckpoint? numbered) => numbered is null ? null : numbered with { Epoch = numbered.Epoch - members };
}
