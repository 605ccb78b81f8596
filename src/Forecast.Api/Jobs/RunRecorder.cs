using Forecast.Api.Persistence;
using Forecast.Training.Lstm;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Jobs;

/// <summary>
/// Writes a run's progress as it trains: each epoch's losses, and from time to time a checkpoint,
/// in one short transaction so the stored curve never runs ahead of what a resumed run repeats.
/// </summary>
/// <remarks>
/// A worker that was silent too long (a paused machine) may find its run taken over by another; the epoch
/// it records then is not written, and <see cref="RunTakenOverException"/> ends its attempt.
/// </remarks>
internal sealed class RunRecorder(
    IDbContextFactory<ForecastDbContext> dbFactory,
    Guid runId,
    Guid workerId,
    double elapsedBefore,
    TimeSpan checkpointInterval,
    CancellationTokenSource cancel,
    TimeProvider clock,
    CancellationToken hostStopping) : ITrainingObserver
{
    private DateTimeOffset lastCheckpoint = clock.GetUtcNow();

    /// <summary>Training time of the run over all its attempts, up to the last epoch.</summary>
    public double ElapsedSeconds { get; private set; }

    public void OnEpoch(EpochReport report, Func<TrainingCheckpoint> checkpoint)
    {
        var now = clock.GetUtcNow();
        ElapsedSeconds = elapsedBefore + report.Elapsed.TotalSeconds;
        var stopping = hostStopping.IsCancellationRequested;
        var finalEpoch = report.Epoch == report.TotalEpochs;

        using var db = dbFactory.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        db.LossEntries.Add(new LossEntryEntity
        {
            RunId = runId,
            Epoch = report.Epoch,
            TrainLoss = report.TrainLoss,
            ValidationLoss = report.ValidationLoss,
        });
        var run = db.TrainingRuns.First(r => r.Id == runId);
        if (run.WorkerId != workerId)
        {
            throw new RunTakenOverException(runId);
        }
        run.Epoch = report.Epoch;
        run.TrainLoss = report.TrainLoss;
        run.ValidationLoss = report.ValidationLoss;
        run.ElapsedSeconds = ElapsedSeconds;
        if (!finalEpoch && (stopping || now - lastCheckpoint >= checkpointInterval))
        {
            Save(db, checkpoint(), now);
            lastCheckpoint = now;
        }
        db.SaveChanges();
        transaction.Commit();

        if (run.CancelRequested)
        {
            cancel.Cancel();
        }
        // The checkpoint above holds this epoch; the run continues from it in the next process.
        if (stopping && !finalEpoch)
        {
            throw new OperationCanceledException(hostStopping);
        }
    }

    private void Save(ForecastDbContext db, TrainingCheckpoint state, DateTimeOffset now)
    {
        var entity = db.Checkpoints.Find(runId);
        if (entity is null)
        {
            entity = new CheckpointEntity { RunId = runId, Network = state.Network, Optimizer = state.Optimizer };
            db.Checkpoints.Add(entity);
        }
        entity.Epoch = state.Epoch;
        entity.Network = state.Network;
        entity.Optimizer = state.Optimizer;
        entity.BestNetwork = state.BestNetwork;
        entity.BestEpoch = state.BestEpoch;
        entity.BestValidationLoss = state.BestValidationLoss;
        entity.EpochsWithoutImprovement = state.EpochsWithoutImprovement;
        entity.ElapsedSeconds = ElapsedSeconds;
        entity.SavedAt = now.UtcDateTime;
    }

    public static TrainingCheckpoint ToCheckpoint(CheckpointEntity entity) => new(
        entity.Epoch, entity.Network, entity.Optimizer, entity.BestNetwork, entity.BestEpoch,
        entity.BestValidationLoss, entity.EpochsWithoutImprovement);
}

/// <summary>Another worker has taken the run over; this attempt stops and leaves the run to it.</summary>
internal sealed class RunTakenOverException(Guid runId)
    : Exception($"Training run {runId} was taken over by another worker after this one fell silent.");
