using Forecast.Api.Configuration;
using Forecast.Api.Persistence;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Jobs;

/// <summary>
/// Trains one run. It receives only the run id; the database is the source of truth, and only a
/// Queued run can be claimed, so a job executed twice, or for a finished run, does nothing.
/// </summary>
public sealed class TrainingJob(
    IDbContextFactory<ForecastDbContext> dbFactory,
    RunCancellations cancellations,
    WorkerIdentity self,
    IOptions<TrainingOptions> options,
    TimeProvider clock,
    ILogger<TrainingJob> logger)
{
    public const string Queue = "training";

    // Failures are recorded on the run; Hangfire's retries would only repeat a deterministic failure.
    // Synchronous on purpose: the whole run stays on Hangfire's dedicated worker thread, whose
    // priority is lowered, instead of hopping to thread-pool threads that serve HTTP requests.
    [Queue(Queue)]
    [AutomaticRetry(Attempts = 0)]
    public void Run(Guid runId, CancellationToken hostStopping)
    {
        TrainingThreadPriority.Lower();
        var claim = Claim(runId);
        if (claim is null)
        {
            return;
        }
        var (run, series, checkpoint) = claim.Value;
        using var source = cancellations.Register(runId, hostStopping);
        var recorder = new RunRecorder(dbFactory, runId, self.Id, checkpoint?.ElapsedSeconds ?? 0, options.Value.CheckpointInterval,
            source, clock, hostStopping);
        try
        {
            var hp = TransformPipeline.IsAuto(run.Hyperparameters.Transform)
                ? run.Hyperparameters with { Transform = run.ChosenTransform ?? ChooseTransform(run, series, source.Token) }
                : run.Hyperparameters;
            var built = ForecastModelBuilder.Build(series.Values, hp, recorder, source.Token,
                checkpoint is null ? null : RunRecorder.ToCheckpoint(checkpoint));
            Succeed(run, built, recorder.ElapsedSeconds);
        }
        catch (RunTakenOverException e)
        {
            logger.LogWarning("{Message} This attempt stops without touching it.", e.Message);
        }
        catch (OperationCanceledException) when (hostStopping.IsCancellationRequested)
        {
            Finish(runId, TrainingRunStatus.Queued, error: null);
            logger.LogInformation("Training run {RunId} stopped with the host; it resumes from its checkpoint at the next start", runId);
        }
        catch (OperationCanceledException)
        {
            Finish(runId, TrainingRunStatus.Cancelled, error: null);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Training run {RunId} failed", runId);
            Finish(runId, TrainingRunStatus.Failed, $"Training failed: {e.Message}");
        }
        finally
        {
            cancellations.Unregister(runId);
        }
    }

    private (TrainingRunEntity Run, RegularSeries Series, CheckpointEntity? Checkpoint)? Claim(Guid runId)
    {
        using var db = dbFactory.CreateDbContext();
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = db.TrainingRuns
            .Where(r => r.Id == runId && r.Status == TrainingRunStatus.Queued && !r.CancelRequested)
            .ExecuteUpdate(set => set
                .SetProperty(r => r.Status, TrainingRunStatus.Running)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1)
                .SetProperty(r => r.WorkerId, self.Id)
                .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now));
        if (claimed == 0)
        {
            return null;
        }
        var run = db.TrainingRuns.AsNoTracking().First(r => r.Id == runId);
        var series = db.Series.AsNoTracking().First(s => s.Id == run.SeriesId);
        var checkpoint = db.Checkpoints.AsNoTracking().FirstOrDefault(c => c.RunId == runId);
        // Epochs after the checkpoint are trained again; their old entries would appear twice.
        var resumeAt = checkpoint?.Epoch ?? 0;
        db.LossEntries.Where(l => l.RunId == runId && l.Epoch > resumeAt).ExecuteDelete();
        db.TrainingRuns.Where(r => r.Id == runId).ExecuteUpdate(set => set
            .SetProperty(r => r.Epoch, resumeAt)
            .SetProperty(r => r.ResumedFromEpoch, checkpoint == null ? null : checkpoint.Epoch)
            .SetProperty(r => r.ElapsedSeconds, checkpoint == null ? 0 : checkpoint.ElapsedSeconds));
        return (run, series.ToDomain(), checkpoint);
    }

    /// <summary>
    /// Resolves transform "auto" and stores the choice with its reasons before the final training writes any
    /// checkpoint, so that a resumed run continues with it (and a client sees it while the run trains).
    /// </summary>
    private string ChooseTransform(TrainingRunEntity run, RegularSeries series, CancellationToken cancellation)
    {
        var choices = new List<string>();
        var chosen = ForecastModelBuilder.ChooseTransform(series.Values, run.Hyperparameters, choices, cancellation).ToString();
        using var db = dbFactory.CreateDbContext();
        var stored = db.TrainingRuns.First(r => r.Id == run.Id);
        stored.ChosenTransform = chosen;
        stored.Choices = [.. stored.Choices, .. choices];
        db.SaveChanges();
        return chosen;
    }

    private void Succeed(TrainingRunEntity run, BuiltModel built, double elapsedSeconds)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using var db = dbFactory.CreateDbContext();
        var stored = db.TrainingRuns.First(r => r.Id == run.Id);
        if (stored.WorkerId != self.Id)
        {
            throw new RunTakenOverException(run.Id);
        }
        var entity = new ModelEntity
        {
            Id = Guid.CreateVersion7(),
            RunId = run.Id,
            SeriesId = run.SeriesId,
            Artifact = built.Artifact,
            Hyperparameters = run.Hyperparameters,
            Evaluation = built.Evaluation,
            EpochsRun = built.EpochsRun,
            BestEpoch = built.BestEpoch,
            TrainingSeconds = elapsedSeconds,
            CreatedAt = now,
        };
        db.Models.Add(entity);
        stored.Status = TrainingRunStatus.Succeeded;
        stored.ModelId = entity.Id;
        stored.FinishedAt = now;
        // A new list, so that EF Core sees the change to the JSON column.
        stored.Choices = [.. stored.Choices, .. built.Choices];
        db.Checkpoints.Where(c => c.RunId == run.Id).ExecuteDelete();
        db.SaveChanges();
    }

    private void Finish(Guid runId, TrainingRunStatus status, string? error)
    {
        using var db = dbFactory.CreateDbContext();
        var run = db.TrainingRuns.First(r => r.Id == runId);
        if (run.WorkerId != self.Id)
        {
            // Taken over by another worker, whose run it now is.
            return;
        }
        run.Status = status;
        run.Error = error;
        if (status.IsFinished())
        {
            run.FinishedAt = clock.GetUtcNow().UtcDateTime;
            db.Checkpoints.Where(c => c.RunId == runId).ExecuteDelete();
        }
        db.SaveChanges();
    }
}
