using Forecast.Api.Persistence;
using Forecast.Domain.Runs;

namespace Forecast.Api.Runs;

/// <summary>How far a run has come and how long it may take yet, from what its training reported.</summary>
/// <param name="TotalEpochs">The epochs the run expects in all: as its training last reported them, else the epochs asked.</param>
public sealed record RunPace(int Epoch, int TotalEpochs, TrainingRunStatus Status, double ElapsedSeconds)
{
    public static RunPace Of(TrainingRunEntity run) => Of(run.Epoch, run.TotalEpochs, run.Hyperparameters, run.Status, run.ElapsedSeconds);

    /// <param name="reportedTotal">The total the training last reported; null before its first epoch.</param>
    public static RunPace Of(int epoch, int? reportedTotal, Hyperparameters asked, TrainingRunStatus status, double elapsedSeconds) =>
        new(epoch, reportedTotal ?? asked.Epochs, status, elapsedSeconds);

    /// <summary>The share of <see cref="TotalEpochs"/> that <paramref name="epoch"/> is, in percent.</summary>
    public double Percent(int epoch) => Math.Round(100.0 * epoch / TotalEpochs, 2);

    /// <summary>The seconds left at the pace of the epochs so far, while the run trains; null otherwise.</summary>
    public double? EtaSeconds => Epoch > 0 && Status == TrainingRunStatus.Running ? ElapsedSeconds / Epoch * (TotalEpochs - Epoch) : null;
}
