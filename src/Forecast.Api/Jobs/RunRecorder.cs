using Forecast.Api.Persistence;
using Forecast.Api.Runs;
using Forecast.Training.Collections;
using Forecast.Training.Lstm;

namespace Forecast.Api.Jobs;

/// <summary>
/// Records a run's progress as it trains: each epoch's losses, and a checkpoint after the first epoch of each attempt
/// and then from time to time, in one short
/// transaction (<see cref="RunStore.RecordEpoch"/>) so the stored curve never runs ahead of what a resumed run
/// repeats; for a statistical method on a collection, each batch of members fitted with their fits, which are its
/// checkpoint (<see cref="RunStore.RecordMemberFits"/>). It also turns a client's cancel request and the host's stop into
/// the end of the training loop.
/// </summary>
/// <remarks>
/// A worker that was silent too long (a paused machine) may find its run taken over by another; the epoch it
/// records then is not written, and <see cref="RunTakenOverException"/> ends its attempt.
/// </remarks>
internal sealed class RunRecorder(
    RunStore store,
    Guid runId,
    Guid workerId,
    double elapsedBefore,
    TimeSpan checkpointInterval,
    CancellationTokenSource cancel,
    TimeProvider clock,
    Action<TimeSpan> epochTrained,
    FaultInjection faults,
    CancellationToken hostStopping) : ITrainingObserver
{
    private DateTimeOffset? lastCheckpoint;
    private TimeSpan elapsedAtLastEpoch;

    /// <summary>Training time of the run over all its attempts, up to the last epoch.</summary>
    public double ElapsedSeconds { get; private set; }

    public void OnEpoch(EpochReport report, Func<TrainingCheckpoint> checkpoint)
    {
        faults.BeforeRecordingEpoch(report.Epoch, hostStopping);
        var now = clock.GetUtcNow();
        ElapsedSeconds = elapsedBefore + report.Elapsed.TotalSeconds;
        var stopping = hostStopping.IsCancellationRequested;
        var finalEpoch = report.Epoch == report.TotalEpochs;
        // The first epoch of every attempt is kept at once: a process that is killed every few seconds (a host that
        // restarts) then still moves the run on, and the poison guard sees the progress.
        var saveCheckpoint = !finalEpoch && (stopping || lastCheckpoint is not { } last || now - last >= checkpointInterval);

        var cancelRequested = store.RecordEpoch(runId, workerId, new EpochProgress(
            report.Epoch, report.TotalEpochs, report.TrainLoss, report.ValidationLoss, ElapsedSeconds,
            saveCheckpoint ? ToEntity(checkpoint(), now) : null));
        if (saveCheckpoint)
        {
            lastCheckpoint = now;
        }
        Recorded(cancelRequested, report.Elapsed);
        // The checkpoint above holds this epoch; the run continues from it in the next process.
        if (stopping && !finalEpoch)
        {
            throw new OperationCanceledException(hostStopping);
        }
    }

    public void OnMembersFitted(MemberFitReport report)
    {
        ElapsedSeconds = elapsedBefore + report.Elapsed.TotalSeconds;
        var fits = report.Batch.Select(fit => new MemberFitEntity { RunId = runId, Key = fit.Key, State = fit.State }).ToList();
        var cancelRequested = store.RecordMemberFits(runId, workerId, fits,
            new EpochProgress(report.Fitted, report.Total, report.Loss, ValidationLoss: null, ElapsedSeconds, Checkpoint: null));
        faults.OnMembersRecorded(report.Fitted);
        Recorded(cancelRequested, report.Elapsed);
        // Every member fitted so far is stored; the run fits the others in the next process.
        if (hostStopping.IsCancellationRequested && report.Fitted < report.Total)
        {
            throw new OperationCanceledException(hostStopping);
        }
    }

    /// <param name="elapsed">The report's time, which runs from the start of this attempt's training.</param>
    private void Recorded(bool cancelRequested, TimeSpan elapsed)
    {
        if (cancelRequested)
        {
            cancel.Cancel();
        }
        epochTrained(elapsed - elapsedAtLastEpoch);
        elapsedAtLastEpoch = elapsed;
    }

    private CheckpointEntity ToEntity(TrainingCheckpoint state, DateTimeOffset now) => new()
    {
        RunId = runId,
        Epoch = state.Epoch,
        Network = state.Network,
        Optimizer = state.Optimizer,
        BestNetwork = state.BestNetwork,
        BestOptimizer = state.BestOptimizer,
        BestEpoch = state.BestEpoch,
        BestValidationLoss = state.BestValidationLoss,
        EpochsWithoutImprovement = state.EpochsWithoutImprovement,
        Refit = state.Refit,
        ElapsedSeconds = ElapsedSeconds,
        SavedAt = now.UtcDateTime,
    };

    public static TrainingCheckpoint ToCheckpoint(CheckpointEntity entity) => new(
        entity.Epoch, entity.Network, entity.Optimizer, entity.BestNetwork, entity.BestEpoch,
        entity.BestValidationLoss, entity.EpochsWithoutImprovement, entity.BestOptimizer, entity.Refit);
}
