using Forecast.Api.Models;
using Forecast.Api.Persistence;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training.Evaluation;
using Forecast.Training.Lstm;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Jobs;

/// <summary>
/// Trains one run. It receives only the run id; the database is the source of truth for the run's
/// state, so a job executed again for a finished run does nothing.
/// </summary>
public sealed class TrainingJob(
    IDbContextFactory<ForecastDbContext> dbFactory,
    RunCancellations cancellations,
    TimeProvider clock,
    ILogger<TrainingJob> logger)
{
    public const string Queue = "training";

    // Failures are recorded on the run; Hangfire's retries would only repeat a deterministic failure.
    [Queue(Queue)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid runId, CancellationToken hostStopping)
    {
        var (run, series) = await StartAsync(runId);
        if (run is null || series is null)
        {
            return;
        }
        var source = cancellations.Register(runId, hostStopping);
        try
        {
            var result = LstmTrainer.Train(series.Values, run.Hyperparameters, report => RecordEpoch(runId, report, source), source.Token);
            await SucceedAsync(run, series, result);
        }
        catch (OperationCanceledException) when (source.IsCancellationRequested && !hostStopping.IsCancellationRequested)
        {
            await FinishAsync(runId, TrainingRunStatus.Cancelled, error: null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Training run {RunId} failed", runId);
            await FinishAsync(runId, TrainingRunStatus.Failed, $"Training failed: {e.Message}");
        }
        finally
        {
            cancellations.Unregister(runId);
        }
    }

    private async Task<(TrainingRunEntity? Run, RegularSeries? Series)> StartAsync(Guid runId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var run = await db.TrainingRuns.FirstOrDefaultAsync(r => r.Id == runId);
        if (run is null || run.Status.IsFinished())
        {
            return (null, null);
        }
        if (run.CancelRequested)
        {
            run.Status = TrainingRunStatus.Cancelled;
            run.FinishedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
            return (null, null);
        }
        var series = await db.Series.AsNoTracking().FirstAsync(s => s.Id == run.SeriesId);
        // A run started again without a checkpoint starts from epoch 1; its old curve would be counted twice.
        await db.LossEntries.Where(l => l.RunId == runId).ExecuteDeleteAsync();
        run.Status = TrainingRunStatus.Running;
        run.Epoch = 0;
        run.StartedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return (run, series.ToDomain());
    }

    private void RecordEpoch(Guid runId, EpochReport report, CancellationTokenSource source)
    {
        using var db = dbFactory.CreateDbContext();
        db.LossEntries.Add(new LossEntryEntity
        {
            RunId = runId,
            Epoch = report.Epoch,
            TrainLoss = report.TrainLoss,
            ValidationLoss = report.ValidationLoss,
        });
        var run = db.TrainingRuns.First(r => r.Id == runId);
        run.Epoch = report.Epoch;
        run.TrainLoss = report.TrainLoss;
        run.ValidationLoss = report.ValidationLoss;
        run.ElapsedSeconds = report.Elapsed.TotalSeconds;
        db.SaveChanges();
        if (run.CancelRequested)
        {
            source.Cancel();
        }
    }

    private async Task SucceedAsync(TrainingRunEntity run, RegularSeries series, TrainingResult result)
    {
        var hp = run.Hyperparameters;
        using var model = new LstmModel(result.Artifact);
        var split = DataSplit.For(series.Count, hp.TestSize, hp.ValidationFraction);
        var evaluation = ModelEvaluator.Evaluate(model, series.Values, split, series.Frequency.SeasonalPeriod());

        await using var db = await dbFactory.CreateDbContextAsync();
        var stored = await db.TrainingRuns.FirstAsync(r => r.Id == run.Id);
        var entity = ModelMapping.ToEntity(result.Artifact, stored, evaluation, clock.GetUtcNow().UtcDateTime);
        db.Models.Add(entity);
        stored.Status = TrainingRunStatus.Succeeded;
        stored.ModelId = entity.Id;
        stored.FinishedAt = entity.CreatedAt;
        await db.SaveChangesAsync();
    }

    private async Task FinishAsync(Guid runId, TrainingRunStatus status, string? error)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var run = await db.TrainingRuns.FirstAsync(r => r.Id == runId);
        run.Status = status;
        run.Error = error;
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
    }
}
