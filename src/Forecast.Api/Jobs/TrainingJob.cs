using Forecast.Api.Configuration;
using Forecast.Api.Persistence;
using Forecast.Api.Runs;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Jobs;

/// <summary>
/// Trains one run. It receives only the run id; the database is the source of truth, and every change of the
/// run's status goes through <see cref="RunStore"/>, so a job executed twice, or for a finished run, does nothing.
/// </summary>
public sealed class TrainingJob(
    RunStore store,
    RunCancellations cancellations,
    WorkerIdentity self,
    FaultInjection faults,
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
        // A job fetched while the host stops stays in Hangfire's queue instead of claiming the run.
        hostStopping.ThrowIfCancellationRequested();
        TrainingThreadPriority.Lower();
        if (store.Claim(runId, self.Id) is not { } claim)
        {
            return;
        }
        faults.OnClaimed(claim);
        var (run, checkpoint) = (claim.Run, claim.Checkpoint);
        using var source = cancellations.Register(runId, hostStopping);
        var recorder = new RunRecorder(store, runId, self.Id, checkpoint?.ElapsedSeconds ?? 0, options.Value.CheckpointInterval,
            source, clock, hostStopping);
        try
        {
            var series = claim.Series.ToDomain();
            var hp = run.Hyperparameters.Transform.IsAuto
                ? run.Hyperparameters with { Transform = TransformChoice.Of(ChosenBefore(run) ?? ChooseTransform(run, series, source.Token)) }
                : run.Hyperparameters;
            var built = ForecastModelBuilder.Build(series.Values, hp, recorder, source.Token,
                checkpoint is null ? null : RunRecorder.ToCheckpoint(checkpoint));
            store.Succeed(runId, self.Id, ToModel(run, built, recorder.ElapsedSeconds), built.Choices);
        }
        catch (RunTakenOverException e)
        {
            logger.LogWarning("{Message} This attempt stops without touching it.", e.Message);
        }
        catch (OperationCanceledException) when (hostStopping.IsCancellationRequested)
        {
            store.RequeueAtStop(runId, self.Id);
            logger.LogInformation("Training run {RunId} stopped with the host; it resumes from its checkpoint", runId);
        }
        catch (OperationCanceledException)
        {
            store.Cancel(runId, self.Id);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Training run {RunId} failed", runId);
            store.Fail(runId, self.Id, $"Training failed: {e.Message}");
        }
        finally
        {
            cancellations.Unregister(runId);
        }
    }

    /// <summary>
    /// Resolves transform "auto" and stores the choice with its reasons before the final training writes any
    /// checkpoint, so that a resumed run continues with it (and a client sees it while the run trains).
    /// </summary>
    private TransformPipeline ChooseTransform(TrainingRunEntity run, RegularSeries series, CancellationToken cancellation)
    {
        var reasons = new List<string>();
        var chosen = ForecastModelBuilder.ChooseTransform(series.Values, run.Hyperparameters, reasons, cancellation);
        store.RecordTransformChoice(run.Id, self.Id, chosen, reasons);
        return chosen;
    }

    /// <summary>The pipeline an earlier attempt of this run chose, which its checkpoint was trained with.</summary>
    private static TransformPipeline? ChosenBefore(TrainingRunEntity run) =>
        run.ChosenTransform is { } name ? TransformPipeline.Parse(name) : null;

    private ModelEntity ToModel(TrainingRunEntity run, BuiltModel built, double elapsedSeconds) => new()
    {
        Id = Guid.CreateVersion7(),
        RunId = run.Id,
        SeriesId = run.SeriesId,
        Artifact = built.Artifact,
        Hyperparameters = run.Hyperparameters,
        Evaluation = built.Evaluation,
        EpochsRun = built.EpochsRun,
        BestEpoch = built.BestEpoch,
        StoppedEarly = built.StoppedEarly,
        TrainingSeconds = elapsedSeconds,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
    };
}
