using Forecast.Api.Configuration;
using Forecast.Api.Persistence;
using Forecast.Domain.Runs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Jobs;

/// <summary>
/// At start-up, gives every unfinished run back to the job queue: the job store may have forgotten
/// it (in-memory storage forgets everything), but the database has not. A run found Running was
/// orphaned by a process that died; after <see cref="TrainingOptions.MaxCrashes"/> such deaths it is
/// failed, so a run that kills its process is not retried forever.
/// </summary>
/// <remarks>Assumes one training process per database, the embedded default.</remarks>
internal sealed class RunRecovery(
    IDbContextFactory<ForecastDbContext> dbFactory,
    IBackgroundJobClient jobs,
    IOptions<TrainingOptions> options,
    TimeProvider clock,
    ILogger<RunRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var orphans = await db.TrainingRuns.Where(r => r.Status == TrainingRunStatus.Running).ToListAsync(cancellationToken);
        foreach (var run in orphans)
        {
            run.Crashes++;
            if (run.Crashes >= options.Value.MaxCrashes)
            {
                run.Status = TrainingRunStatus.Failed;
                run.Error = $"The training process stopped unexpectedly {run.Crashes} times during this run; it will not be retried.";
                run.FinishedAt = clock.GetUtcNow().UtcDateTime;
            }
            else
            {
                run.Status = TrainingRunStatus.Queued;
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        var queued = await db.TrainingRuns.Where(r => r.Status == TrainingRunStatus.Queued)
            .OrderBy(r => r.CreatedAt).Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var runId in queued)
        {
            jobs.Enqueue<TrainingJob>(job => job.Run(runId, CancellationToken.None));
        }
        if (orphans.Count + queued.Count > 0)
        {
            logger.LogInformation("Recovered {Orphans} interrupted run(s); {Queued} run(s) queued again", orphans.Count, queued.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
