using Forecast.Api.Configuration;
using Forecast.Api.Persistence;
using Forecast.Domain.Runs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Jobs;

/// <summary>
/// Gives runs whose training process died back to the job queue, and at start-up every queued run too: the
/// job store may have forgotten it (in-memory storage forgets everything), but the database has not. After
/// <see cref="TrainingOptions.MaxCrashes"/> deaths a run is failed, so a run that kills its process is not
/// retried forever.
/// </summary>
/// <remarks>
/// <para>
/// Which runs are orphans depends on the store. A SQLite file has one training process (this one), so at
/// start-up every run still Running was orphaned by this process's previous life. On PostgreSQL several
/// training processes share the database: each registers in <c>TrainingWorkers</c>, beats every
/// <see cref="TrainingOptions.HeartbeatInterval"/>, and every beat looks for Running runs whose worker has
/// been silent for <see cref="TrainingOptions.WorkerTimeout"/>. A restarted worker therefore resumes its
/// runs only once its previous life has been silent that long.
/// </para>
/// <para>
/// Each orphan is taken over by a conditional update (still Running, still claimed by the dead worker), so
/// two workers sweeping at once count one death and queue the run once.
/// </para>
/// </remarks>
internal sealed class RunRecovery(
    IDbContextFactory<ForecastDbContext> dbFactory,
    IBackgroundJobClient jobs,
    IOptions<TrainingOptions> options,
    DatabaseSettings database,
    WorkerIdentity self,
    TimeProvider clock,
    ILogger<RunRecovery> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await BeatAsync(cancellationToken);
        var recovered = await RecoverAsync(everyRunningRun: !database.IsPostgreSql, cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var queued = await db.TrainingRuns.Where(r => r.Status == TrainingRunStatus.Queued)
            .OrderBy(r => r.CreatedAt).Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var runId in queued)
        {
            jobs.Enqueue<TrainingJob>(job => job.Run(runId, CancellationToken.None));
        }
        if (recovered + queued.Count > 0)
        {
            logger.LogInformation("Recovered {Orphans} interrupted run(s); {Queued} run(s) queued again", recovered, queued.Count);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.IsPostgreSql)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, clock);
        while (await NextBeatAsync(timer, stoppingToken))
        {
            try
            {
                await BeatAsync(stoppingToken);
                var recovered = await RecoverAsync(everyRunningRun: false, stoppingToken);
                if (recovered > 0)
                {
                    logger.LogInformation("Took over {Orphans} run(s) of silent training processes", recovered);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is briefly unreachable must not end the heartbeats for good.
                logger.LogWarning(e, "Heartbeat of training worker {Worker} failed; retrying", self.Name);
            }
        }
    }

    /// <returns>False once the host stops.</returns>
    private static async Task<bool> NextBeatAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.TrainingWorkers.Where(w => w.Id == self.Id).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var beaten = await db.TrainingWorkers.Where(w => w.Id == self.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.HeartbeatAt, now), cancellationToken);
        if (beaten == 0)
        {
            db.TrainingWorkers.Add(new TrainingWorkerEntity { Id = self.Id, Name = self.Name, StartedAt = now, HeartbeatAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <returns>The runs taken over.</returns>
    private async Task<int> RecoverAsync(bool everyRunningRun, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var silentSince = now - options.Value.WorkerTimeout;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var orphans = await db.TrainingRuns
            .Where(r => r.Status == TrainingRunStatus.Running)
            .Where(r => everyRunningRun || r.WorkerId == null
                || !db.TrainingWorkers.Any(w => w.Id == r.WorkerId && w.HeartbeatAt >= silentSince))
            .Select(r => new { r.Id, r.WorkerId, r.Crashes })
            .ToListAsync(cancellationToken);

        var recovered = 0;
        foreach (var orphan in orphans)
        {
            var fails = orphan.Crashes + 1 >= options.Value.MaxCrashes;
            var error = fails ? $"The training process stopped unexpectedly {orphan.Crashes + 1} times during this run; it will not be retried." : null;
            var takenOver = await db.TrainingRuns
                .Where(r => r.Id == orphan.Id && r.Status == TrainingRunStatus.Running && r.WorkerId == orphan.WorkerId)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.Crashes, r => r.Crashes + 1)
                    .SetProperty(r => r.Status, fails ? TrainingRunStatus.Failed : TrainingRunStatus.Queued)
                    .SetProperty(r => r.Error, error)
                    .SetProperty(r => r.FinishedAt, fails ? now : null), cancellationToken);
            if (takenOver == 1)
            {
                recovered++;
                if (!fails)
                {
                    var runId = orphan.Id;
                    jobs.Enqueue<TrainingJob>(job => job.Run(runId, CancellationToken.None));
                }
            }
        }
        await db.TrainingWorkers.Where(w => w.Id != self.Id && w.HeartbeatAt < silentSince).ExecuteDeleteAsync(cancellationToken);
        return recovered;
    }
}
