using System.Diagnostics;
using Forecast.Api.Configuration;
using Forecast.Api.Persistence;
using Forecast.Api.Runs;
using Forecast.Api.Telemetry;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training;
using Forecast.Training.Collections;
using Forecast.Training.Evaluation;
using Forecast.Training.Lstm;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Jobs;

/// <summary>
/// Trains one run, on a series or on a collection's members. It receives only the run id; the database is the source of truth, and every change of the
/// run's status goes through <see cref="RunStore"/>, so a job executed twice, or for a finished run, does nothing.
/// </summary>
public sealed class TrainingJob(
    RunStore store,
    RunCancellations cancellations,
    WorkerIdentity self,
    FaultInjection faults,
    RunPromotion promotion,
    IDbContextFactory<ForecastDbContext> dbFactory,
    ForecastMetrics metrics,
    IOptions<TrainingOptions> options,
    IOptions<LimitsOptions> limits,
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
        TrainingThreadPriority.Lower(options.Value.Niceness);
        // One span per attempt, the parent of its database commands. Hangfire hands over only the run id, so the
        // span starts a trace of its own rather than continuing the request that queued the run.
        using var span = ForecastTelemetry.ActivitySource.StartActivity(ForecastTelemetry.TrainingSpan);
        span?.SetTag(ForecastTelemetry.RunIdAttribute, runId.ToString());
        if (store.Claim(runId, self.Id) is not { } claim)
        {
            span?.SetTag(ForecastTelemetry.OutcomeAttribute, "not claimed");
            return;
        }
        faults.OnClaimed(claim);
        var (run, checkpoint) = (claim.Run, claim.Checkpoint);
        var subject = claim.Subject is CollectionSubject ? "collection" : "series";
        span?.SetTag(ForecastTelemetry.SubjectAttribute, subject).SetTag(ForecastTelemetry.AttemptAttribute, run.Attempts);
        using var source = cancellations.Register(runId, hostStopping);
        // The claim rewound the run's time to its checkpoint's.
        var recorder = new RunRecorder(store, runId, self.Id, run.ElapsedSeconds, options.Value.CheckpointInterval,
            source, clock, duration => metrics.EpochTrained(subject, duration), faults, hostStopping);
        try
        {
            var resumeFrom = checkpoint is null ? null : RunRecorder.ToCheckpoint(checkpoint);
            switch (claim.Subject)
            {
                case SeriesSubject { Series: var series }:
                    TrainSeries(run, series.ToDomain(), series.CovariatesToDomain(limits.Value.MaxHorizon), recorder, resumeFrom, source.Token);
                    break;
                case CollectionSubject { Members: var members, Fitted: var fitted }:
                    TrainCollection(run, members, fitted, recorder, resumeFrom, source.Token);
                    break;
            }
            span?.SetTag(ForecastTelemetry.OutcomeAttribute, "succeeded");
        }
        catch (RunTakenOverException e)
        {
            span?.SetTag(ForecastTelemetry.OutcomeAttribute, "taken over");
            logger.LogWarning("{Message} This attempt stops without touching it.", e.Message);
        }
        catch (OperationCanceledException) when (hostStopping.IsCancellationRequested)
        {
            span?.SetTag(ForecastTelemetry.OutcomeAttribute, "requeued");
            store.RequeueAtStop(runId, self.Id);
            logger.LogInformation("Training run {RunId} stopped with the host; it resumes from its checkpoint", runId);
        }
        catch (OperationCanceledException)
        {
            span?.SetTag(ForecastTelemetry.OutcomeAttribute, "cancelled");
            store.Cancel(runId, self.Id);
        }
        catch (Exception e)
        {
            span?.SetTag(ForecastTelemetry.OutcomeAttribute, "failed").SetStatus(ActivityStatusCode.Error, e.Message).AddException(e);
            logger.LogError(e, "Training run {RunId} failed", runId);
            store.Fail(runId, self.Id, $"Training failed: {e.Message}");
        }
        finally
        {
            cancellations.Unregister(runId);
        }
    }

    private void TrainSeries(TrainingRunEntity run, RegularSeries series, Covariates covariates, RunRecorder recorder, TrainingCheckpoint? resumeFrom, CancellationToken cancellation)
    {
        var hp = run.Hyperparameters.Transform.IsAuto
            ? run.Hyperparameters with { Transform = TransformChoice.Of(ChosenBefore(run) ?? ChooseTransform(run, series, covariates, cancellation)) }
            : run.Hyperparameters;
        var built = ForecastModelBuilder.Build(series.Values, hp, recorder, cancellation, resumeFrom, WarmStartOf(run), covariates);
        var backtest = run.Backtest is { } asked ? Backtesting.Run(built, series.Values, covariates, hp, asked, cancellation) : null;
        var model = ToModel(run, built, recorder.ElapsedSeconds, backtest);
        store.Succeed(run.Id, self.Id, model, built.Choices, promotion.PlanForSeries(run, model, series, covariates));
    }

    // A resumed warm start continues from its checkpoint's weights, but through its model's scalers still, which it trained on.
    private WarmStart? WarmStartOf(TrainingRunEntity run) => StartOf(run, WarmStarts.StartOf);

    private GlobalWarmStart? CollectionWarmStartOf(TrainingRunEntity run) => StartOf(run, WarmStarts.CollectionStartOf);

    private T? StartOf<T>(TrainingRunEntity run, Func<ForecastDbContext, Guid, T> read) where T : class
    {
        if (run.WarmStartFrom is not { } modelId)
        {
            return null;
        }
        using var db = dbFactory.CreateDbContext();
        return read(db, modelId);
    }

    // Transform "auto" is chosen per member by a rule, so a resumed run chooses as its first attempt did: nothing to keep
    // (a warm start's members keep its model's choices). A statistical method keeps the members it fitted before.
    private void TrainCollection(TrainingRunEntity run, IReadOnlyList<SeriesEntity> members, IReadOnlyList<MemberFitEntity> fitted, RunRecorder recorder,
        TrainingCheckpoint? resumeFrom, CancellationToken cancellation)
    {
        var global = members.Select(m => new GlobalMember(m.Key!, ValueCodec.Decode(m.Values)) { Covariates = m.CovariatesToDomain(limits.Value.MaxHorizon) }).ToList();
        var built = CollectionModelBuilder.Build(global, run.Hyperparameters, recorder, cancellation, resumeFrom, warmStart: CollectionWarmStartOf(run),
            fitted: fitted.Select(f => new MemberFit(f.Key, f.State)).ToList());
        var backtest = run.Backtest is { } asked ? CollectionBacktesting.Run(built, global, run.Hyperparameters, asked, cancellation) : null;
        var model = new CollectionModelEntity
        {
            Id = Guid.CreateVersion7(),
            RunId = run.Id,
            CollectionId = run.CollectionId!.Value,
            OwnerKeyId = run.OwnerKeyId,
            Method = built.Stored.Method,
            Artifact = built.Artifact,
            Hyperparameters = run.Hyperparameters,
            Accuracy = built.Evaluation.Accuracy,
            Coverage = [.. built.Evaluation.Coverage],
            EpochsRun = built.EpochsRun,
            BestEpoch = built.BestEpoch,
            StoppedEarly = built.StoppedEarly,
            TrainingWindows = built.TrainingWindows,
            TrainingSeconds = recorder.ElapsedSeconds,
            Backtest = backtest,
            Validation = built.Validation?.ToList(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var evaluations = members.Select((member, i) => new MemberEvaluationEntity
        {
            ModelId = model.Id,
            Key = member.Key!,
            SeriesId = member.Id,
            ForecastOrigin = member.Count - run.Hyperparameters.TestSize,
            Mase = built.Evaluation.Members[i].Score.Model.Mase,
            Smape = built.Evaluation.Members[i].Score.Model.Smape,
            Evaluation = built.Evaluation.Members[i],
            Fit = built.Stored.Fits?[i].State,
        }).ToList();
        store.Succeed(run.Id, self.Id, model, evaluations, built.Choices, promotion.PlanForCollection(run, model, global));
    }

    /// <summary>
    /// Resolves transform "auto" and stores the choice with its reasons before the final training writes any
    /// checkpoint, so that a resumed run continues with it (and a client sees it while the run trains).
    /// </summary>
    private TransformPipeline ChooseTransform(TrainingRunEntity run, RegularSeries series, Covariates covariates, CancellationToken cancellation)
    {
        var reasons = new List<string>();
        var chosen = ForecastModelBuilder.ChooseTransform(series.Values, covariates, run.Hyperparameters, reasons, cancellation);
        store.RecordTransformChoice(run.Id, self.Id, chosen, reasons);
        return chosen;
    }

    /// <summary>The pipeline an earlier attempt of this run chose, which its checkpoint was trained with.</summary>
    private static TransformPipeline? ChosenBefore(TrainingRunEntity run) =>
        run.ChosenTransform is { } name ? TransformPipeline.Parse(name) : null;

    private ModelEntity ToModel(TrainingRunEntity run, BuiltModel built, double elapsedSeconds, Backtest? backtest) => new()
    {
        Id = Guid.CreateVersion7(),
        RunId = run.Id,
        SeriesId = run.SeriesId!.Value,
        Method = built.Stored.Method,
        Artifact = built.Artifact,
        Fit = built.Stored.Fit,
        Hyperparameters = run.Hyperparameters,
        Evaluation = built.Evaluation,
        EpochsRun = built.EpochsRun,
        BestEpoch = built.BestEpoch,
        StoppedEarly = built.StoppedEarly,
        TrainingSeconds = elapsedSeconds,
        Backtest = backtest,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
    };
}
