using Forecast.Api.Jobs;
using Forecast.Api.Persistence;
using Forecast.Api.Registry;
using Forecast.Api.Webhooks;
using Forecast.Domain;
using Forecast.Domain.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Forecast.Api.Runs;

/// <summary>
/// The one writer of a training run's status. Every change is a transition of <see cref="RunLifecycle"/>, applied
/// as one conditional update on the status it expects and, for a worker's own run, on that worker: a change whose
/// premise no longer holds (a run claimed twice, a run taken over while its old worker finishes an epoch) touches
/// nothing, and the caller learns so. Handlers, the training job and recovery all come here.
/// </summary>
/// <remarks>
/// The job is synchronous on purpose (it keeps a run on Hangfire's low-priority worker thread), so the methods
/// it calls are too; those of handlers and of recovery are asynchronous.
/// </remarks>
public sealed class RunStore(
    IDbContextFactory<ForecastDbContext> dbFactory, RunDispatcher queue, RunCancellations cancellations, WebhookNotifier webhooks, TimeProvider clock)
{
    /// <summary>Stores a new run as Queued and hands it to the job queue.</summary>
    public async Task QueueAsync(TrainingRunEntity run, CancellationToken cancellationToken)
    {
        run.Status = TrainingRunStatus.Queued;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        queue.Enqueue(run.Id);
    }

    /// <summary>
    /// A client's cancel: recorded on the run, so that whichever worker holds or claims it stops at its next epoch;
    /// a queued run, which nobody trains, is cancelled at once.
    /// </summary>
    /// <returns>The run as it stands after the request.</returns>
    /// <exception cref="ConflictException">The run has already finished.</exception>
    public async Task<TrainingRunEntity> CancelAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.TrainingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw new NotFoundException("Training run", runId);
        if (run.Status.IsFinished())
        {
            throw new ConflictException($"Training run '{runId}' has already finished ({run.Status}).");
        }
        await db.TrainingRuns.Where(r => r.Id == runId && RunLifecycle.Open.Contains(r.Status))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.CancelRequested, true), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var cancelledQueued = await Expecting(db, runId, TrainingRunStatus.Queued).ExecuteUpdateAsync(
            Setting(TrainingRunStatus.Queued, RunTransition.Cancel, set => set.SetProperty(r => r.FinishedAt, now)), cancellationToken);
        if (cancelledQueued == 1)
        {
            webhooks.RunFinished(runId);
        }
        cancellations.Cancel(runId);
        return await db.TrainingRuns.AsNoTracking().FirstAsync(r => r.Id == runId, cancellationToken);
    }

    /// <summary>
    /// Claims a queued run for <paramref name="workerId"/> and rewinds it to its checkpoint: the epochs recorded
    /// after it are trained again, so their old entries go, and the curve never holds an epoch twice. A statistical
    /// collection run's checkpoint is its members fitted so far, recorded with its progress: it resumes where it was.
    /// </summary>
    /// <returns>Null when the run is not queued (claimed already, finished, or unknown): there is nothing to do.</returns>
    public ClaimedRun? Claim(Guid runId, Guid workerId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using var db = dbFactory.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        var claimed = Expecting(db, runId, TrainingRunStatus.Queued).ExecuteUpdate(Setting(TrainingRunStatus.Queued, RunTransition.Claim, set => set
            .SetProperty(r => r.Attempts, r => r.Attempts + 1)
            .SetProperty(r => r.WorkerId, workerId)
            .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now)));
        if (claimed == 0)
        {
            return null;
        }
        var checkpoint = db.Checkpoints.AsNoTracking().FirstOrDefault(c => c.RunId == runId);
        var fitted = db.MemberFits.AsNoTracking().Where(f => f.RunId == runId).ToList();
        // Member fits are recorded in one transaction with the progress and time they bring the run to, so those stand.
        var resumedFrom = checkpoint?.Epoch ?? (fitted.Count > 0 ? fitted.Count : null);
        var resumeAt = resumedFrom ?? 0;
        double? elapsed = checkpoint?.ElapsedSeconds ?? (fitted.Count > 0 ? null : 0);
        db.LossEntries.Where(l => l.RunId == runId && l.Epoch > resumeAt).ExecuteDelete();
        db.TrainingRuns.Where(r => r.Id == runId).ExecuteUpdate(set => set
            .SetProperty(r => r.Epoch, resumeAt)
            .SetProperty(r => r.ResumedFromEpoch, resumedFrom)
            .SetProperty(r => r.ElapsedSeconds, r => elapsed ?? r.ElapsedSeconds));
        var run = db.TrainingRuns.AsNoTracking().First(r => r.Id == runId);
        RunSubject subject = run.CollectionId is { } collectionId
            ? new CollectionSubject(db.Series.AsNoTracking().Where(s => s.CollectionId == collectionId).OrderBy(s => s.Key).ToList(), fitted)
            : new SeriesSubject(db.Series.AsNoTracking().First(s => s.Id == run.SeriesId));
        transaction.Commit();
        return new ClaimedRun(run, subject, checkpoint);
    }

    /// <summary>An epoch's losses, and its checkpoint when there is one, in one transaction with the run's progress.</summary>
    /// <returns>Whether a client asked for the run to be cancelled.</returns>
    /// <exception cref="RunTakenOverException">The run is no longer this worker's; nothing was written.</exception>
    public bool RecordEpoch(Guid runId, Guid workerId, EpochProgress progress) =>
        RecordProgress(runId, workerId, progress, db =>
        {
            if (progress.Checkpoint is { } checkpoint)
            {
                var stored = db.Checkpoints.Find(runId);
                if (stored is null)
                {
                    db.Checkpoints.Add(checkpoint);
                }
                else
                {
                    db.Entry(stored).CurrentValues.SetValues(checkpoint);
                }
            }
        });

    /// <summary>
    /// Members of a collection a statistical method fitted, stored with the run's progress (its epoch the members fitted so
    /// far) in one transaction: the run's checkpoint, so that a run whose process dies keeps every member recorded here.
    /// </summary>
    /// <returns>Whether a client asked for the run to be cancelled.</returns>
    /// <exception cref="RunTakenOverException">The run is no longer this worker's; nothing was written.</exception>
    public bool RecordMemberFits(Guid runId, Guid workerId, IReadOnlyList<MemberFitEntity> fits, EpochProgress progress) =>
        RecordProgress(runId, workerId, progress, db => db.MemberFits.AddRange(fits));

    /// <summary>The run's progress and its loss entry, with what <paramref name="checkpoint"/> stores, together or not at all.</summary>
    private bool RecordProgress(Guid runId, Guid workerId, EpochProgress progress, Action<ForecastDbContext> checkpoint)
    {
        using var db = dbFactory.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        var mine = Expecting(db, runId, TrainingRunStatus.Running, workerId).ExecuteUpdate(set => set
            .SetProperty(r => r.Epoch, progress.Epoch)
            .SetProperty(r => r.TotalEpochs, progress.TotalEpochs)
            .SetProperty(r => r.TrainLoss, progress.TrainLoss)
            .SetProperty(r => r.ValidationLoss, progress.ValidationLoss)
            .SetProperty(r => r.ElapsedSeconds, progress.ElapsedSeconds));
        if (mine == 0)
        {
            throw new RunTakenOverException(runId);
        }
        db.LossEntries.Add(new LossEntryEntity
        {
            RunId = runId,
            Epoch = progress.Epoch,
            TrainLoss = progress.TrainLoss,
            ValidationLoss = progress.ValidationLoss,
        });
        checkpoint(db);
        db.SaveChanges();
        transaction.Commit();
        return db.TrainingRuns.Where(r => r.Id == runId).Select(r => r.CancelRequested).First();
    }

    /// <summary>The pipeline transform "auto" chose, with its reasons, kept so that a resumed run continues with it.</summary>
    /// <exception cref="RunTakenOverException">The run is no longer this worker's.</exception>
    public void RecordTransformChoice(Guid runId, Guid workerId, TransformPipeline chosen, IReadOnlyList<string> reasons)
    {
        using var db = dbFactory.CreateDbContext();
        List<string> choices = [.. ChoicesOf(db, runId), .. reasons];
        var mine = Expecting(db, runId, TrainingRunStatus.Running, workerId).ExecuteUpdate(set => set
            .SetProperty(r => r.ChosenTransform, chosen.ToString())
            .SetProperty(r => r.Choices, choices));
        if (mine == 0)
        {
            throw new RunTakenOverException(runId);
        }
    }

    /// <summary>Stores the trained model, carries out its promotion and marks its run Succeeded, together or not at all.</summary>
    /// <exception cref="RunTakenOverException">The run is no longer this worker's; the model is not stored.</exception>
    public void Succeed(Guid runId, Guid workerId, ModelEntity model, IReadOnlyList<string> choices, PlannedPromotion? promotion) =>
        Succeed(runId, workerId, model.Id, choices, promotion, db => db.Models.Add(model));

    /// <summary>
    /// Stores a collection's global model with every member's evaluation, carries out its promotion and marks its run
    /// Succeeded, together or not at all.
    /// </summary>
    /// <exception cref="RunTakenOverException">The run is no longer this worker's; the model is not stored.</exception>
    public void Succeed(Guid runId, Guid workerId, CollectionModelEntity model, IReadOnlyList<MemberEvaluationEntity> members, IReadOnlyList<string> choices,
        PlannedPromotion? promotion) =>
        Succeed(runId, workerId, model.Id, choices, promotion, db =>
        {
            db.CollectionModels.Add(model);
            db.MemberEvaluations.AddRange(members);
        });

    private void Succeed(Guid runId, Guid workerId, Guid modelId, IReadOnlyList<string> choices, PlannedPromotion? promotion, Action<ForecastDbContext> storeModel)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using var db = dbFactory.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        List<string> allChoices = [.. ChoicesOf(db, runId), .. choices];
        var moved = Expecting(db, runId, TrainingRunStatus.Running, workerId).ExecuteUpdate(
            Setting(TrainingRunStatus.Running, RunTransition.Succeed, set => set
                .SetProperty(r => r.ModelId, modelId)
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.Choices, allChoices)));
        if (moved == 0)
        {
            throw new RunTakenOverException(runId);
        }
        storeModel(db);
        db.SaveChanges();
        if (promotion is not null)
        {
            // The job is synchronous (see the remarks above); the alias store's writes serve handlers too.
            var outcome = AliasStore.PromoteAsync(db, promotion, modelId, movedBy: $"run {runId}", now, CancellationToken.None).GetAwaiter().GetResult();
            db.TrainingRuns.Where(r => r.Id == runId).ExecuteUpdate(set => set.SetProperty(r => r.PromotionOutcome, outcome));
        }
        DeleteCheckpoint(db, runId);
        transaction.Commit();
        webhooks.RunFinished(runId);
    }

    /// <summary>Training threw: the run is failed with <paramref name="error"/>, unless it is no longer this worker's.</summary>
    public bool Fail(Guid runId, Guid workerId, string error) => Finish(runId, workerId, RunTransition.Fail, error);

    /// <summary>The worker saw the client's cancel request and stopped: the run keeps its partial curve.</summary>
    public bool Cancel(Guid runId, Guid workerId) => Finish(runId, workerId, RunTransition.Cancel, error: null);

    /// <summary>
    /// The host stops: the run, checkpointed at its last epoch, goes back to the queue, where a live worker (on
    /// PostgreSQL) or this service's next start picks it up.
    /// </summary>
    public bool RequeueAtStop(Guid runId, Guid workerId)
    {
        var requeued = Finish(runId, workerId, RunTransition.RequeueAtStop, error: null);
        if (requeued)
        {
            queue.Enqueue(runId);
        }
        return requeued;
    }

    /// <summary>
    /// Runs whose process died under them go back to the queue, or are failed by the poison guard
    /// (<see cref="RunCrashes"/>): every Running run when <paramref name="everyRunningRun"/> (one SQLite process
    /// at start-up, whose previous life held them), else those whose worker has been silent since
    /// <paramref name="silentSince"/>. Each is taken over only while still Running under the dead worker, so two
    /// processes sweeping at once count one death and queue the run once.
    /// </summary>
    /// <returns>The runs taken over.</returns>
    public async Task<int> RequeueOrphansAsync(bool everyRunningRun, DateTime silentSince, int maxCrashes, CancellationToken cancellationToken)
    {
        var (takenOver, requeued) = await TakeOverOrphansAsync(everyRunningRun, silentSince, maxCrashes, cancellationToken);
        foreach (var runId in requeued)
        {
            queue.Enqueue(runId);
        }
        return takenOver;
    }

    /// <summary>
    /// At start-up: the orphans taken over as <see cref="RequeueOrphansAsync"/> does, then every queued run, orphans
    /// included, handed to the job queue once, oldest first: the job store may have forgotten them (in-memory storage
    /// forgets everything), the database has not.
    /// </summary>
    /// <returns>The runs taken over, and the runs queued.</returns>
    public async Task<(int TakenOver, int Queued)> RecoverAtStartAsync(bool everyRunningRun, DateTime silentSince, int maxCrashes, CancellationToken cancellationToken)
    {
        var (takenOver, _) = await TakeOverOrphansAsync(everyRunningRun, silentSince, maxCrashes, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var queued = await db.TrainingRuns.Where(r => r.Status == TrainingRunStatus.Queued)
            .OrderBy(r => r.CreatedAt).Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var runId in queued)
        {
            queue.Enqueue(runId);
        }
        return (takenOver, queued.Count);
    }

    /// <returns>The runs taken over, and those of them queued again (the others failed as poison).</returns>
    private async Task<(int TakenOver, List<Guid> Requeued)> TakeOverOrphansAsync(
        bool everyRunningRun, DateTime silentSince, int maxCrashes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var orphans = await db.TrainingRuns
            .Where(r => r.Status == TrainingRunStatus.Running)
            .Where(r => everyRunningRun || r.WorkerId == null
                || !db.TrainingWorkers.Any(w => w.Id == r.WorkerId && w.HeartbeatAt >= silentSince))
            .Select(r => new
            {
                r.Id,
                r.WorkerId,
                Crashes = new RunCrashes(r.Crashes, r.CrashBlame, r.CrashCheckpointEpoch),
                CheckpointEpoch = db.Checkpoints.Where(c => c.RunId == r.Id).Select(c => (int?)c.Epoch).FirstOrDefault(),
                MembersFitted = db.MemberFits.Count(f => f.RunId == r.Id),
            })
            .ToListAsync(cancellationToken);

        // The runs a dead process held share the blame for its death.
        var inFlight = orphans.CountBy(orphan => orphan.WorkerId ?? Guid.Empty).ToDictionary();
        var takenOver = 0;
        var requeued = new List<Guid>();
        foreach (var orphan in orphans)
        {
            // A statistical collection run's checkpoint advances with its members fitted, as Claim resumes it.
            var crashes = orphan.Crashes.After(
                orphan.CheckpointEpoch ?? (orphan.MembersFitted > 0 ? orphan.MembersFitted : null), inFlight[orphan.WorkerId ?? Guid.Empty]);
            var poison = crashes.IsPoison(maxCrashes);
            var moved = await Expecting(db, orphan.Id, TrainingRunStatus.Running, orphan.WorkerId).ExecuteUpdateAsync(
                Setting(TrainingRunStatus.Running, poison ? RunTransition.FailPoison : RunTransition.RequeueOrphan, set =>
                {
                    set.SetProperty(r => r.Crashes, crashes.WithoutProgress).SetProperty(r => r.CrashBlame, crashes.Blame)
                        .SetProperty(r => r.CrashCheckpointEpoch, crashes.CheckpointEpoch);
                    if (poison)
                    {
                        set.SetProperty(r => r.Error, crashes.Reason).SetProperty(r => r.FinishedAt, now);
                    }
                }), cancellationToken);
            if (moved == 0)
            {
                continue;
            }
            takenOver++;
            if (poison)
            {
                await db.Checkpoints.Where(c => c.RunId == orphan.Id).ExecuteDeleteAsync(cancellationToken);
                await db.MemberFits.Where(f => f.RunId == orphan.Id).ExecuteDeleteAsync(cancellationToken);
                webhooks.RunFinished(orphan.Id);
            }
            else
            {
                requeued.Add(orphan.Id);
            }
        }
        return (takenOver, requeued);
    }

    private bool Finish(Guid runId, Guid workerId, RunTransition transition, string? error)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var finished = RunLifecycle.To(transition).IsFinished();
        using var db = dbFactory.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        var moved = Expecting(db, runId, TrainingRunStatus.Running, workerId).ExecuteUpdate(
            Setting(TrainingRunStatus.Running, transition, set =>
            {
                set.SetProperty(r => r.Error, error);
                if (finished)
                {
                    set.SetProperty(r => r.FinishedAt, now);
                }
            }));
        if (moved == 1 && finished)
        {
            // A finished run is never resumed; its checkpoint is only weight.
            DeleteCheckpoint(db, runId);
        }
        transaction.Commit();
        if (moved == 1 && finished)
        {
            webhooks.RunFinished(runId);
        }
        return moved == 1;
    }

    /// <summary>A network's checkpoint, or a statistical collection run's members fitted so far.</summary>
    private static void DeleteCheckpoint(ForecastDbContext db, Guid runId)
    {
        db.Checkpoints.Where(c => c.RunId == runId).ExecuteDelete();
        db.MemberFits.Where(f => f.RunId == runId).ExecuteDelete();
    }

    private static List<string> ChoicesOf(ForecastDbContext db, Guid runId) =>
        db.TrainingRuns.Where(r => r.Id == runId).Select(r => r.Choices).First();

    /// <summary>The run, if it still has the status a transition expects.</summary>
    private static IQueryable<TrainingRunEntity> Expecting(ForecastDbContext db, Guid runId, TrainingRunStatus expected) =>
        db.TrainingRuns.Where(r => r.Id == runId && r.Status == expected);

    /// <summary>The run, if it still has the expected status and is still claimed by <paramref name="workerId"/>.</summary>
    private static IQueryable<TrainingRunEntity> Expecting(ForecastDbContext db, Guid runId, TrainingRunStatus expected, Guid? workerId) =>
        Expecting(db, runId, expected).Where(r => r.WorkerId == workerId);

    /// <summary>The new status of <paramref name="transition"/> from <paramref name="expected"/>, and whatever else it sets.</summary>
    /// <exception cref="IllegalRunTransitionException">The state machine has no such transition: a bug here, not a race.</exception>
    private static Action<UpdateSettersBuilder<TrainingRunEntity>> Setting(
        TrainingRunStatus expected, RunTransition transition, Action<UpdateSettersBuilder<TrainingRunEntity>> alsoSet)
    {
        var status = RunLifecycle.Apply(expected, transition);
        return set =>
        {
            set.SetProperty(r => r.Status, status);
            alsoSet(set);
        };
    }
}
