using Forecast.Api.Configuration;
using Forecast.Api.Persistence;
using Forecast.Api.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Jobs;

/// <summary>
/// Gives runs whose training process died back to the job queue, and at start-up every queued run too: the
/// job store may have forgotten it (in-memory storage forgets everything), but the database has not. After
/// <see cref="TrainingOptions.MaxCrashes"/> deaths without progress a run is failed, so a run that kills its
/// process is not retried forever, while one that progresses survives any number of restarts. The status
/// changes themselves are <see cref="RunStore"/>'s.
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
/// </remarks>
internal sealed class RunRecovery(
    IDbContextFactory<ForecastDbContext> dbFactory,
    RunStore store,
    IOptions<TrainingOptions> options,
    DatabaseSettings database,
    WorkerIdentity self,
    TimeProvider clock,
    ILogger<RunRecovery> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await BeatAsync(cancellationToken);
        var silentSince = SilentSince();
        var (recovered, queued) = await store.RecoverAtStartAsync(!database.IsPostgreSql, silentSince, options.Value.MaxCrashes, cancellationToken);
        await ForgetSilentWorkersAsync(silentSince, cancellationToken);
        if (recovered + queued > 0)
        {
            logger.LogInformation("Recovered {Orphans} interrupted run(s); {Queued} run(s) queued again", recovered, queued);
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
                var recovered = await RecoverAsync(stoppingToken);
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
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.TrainingWorkers.Where(w => w.Id == self.Id).ExecuteDeleteAsync(cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // A host torn down while it stops (as several test hosts in one process can be) no longer reaches the
            // database; its row goes stale, and the other processes forget it after Training:WorkerTimeout.
            logger.LogWarning("Training worker {Worker} stopped without removing its row; it will be forgotten as silent", self.Name);
        }
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

    /// <returns>The runs of silent workers taken over.</returns>
    private async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var silentSince = SilentSince();
        var recovered = await store.RequeueOrphansAsync(everyRunningRun: false, silentSince, options.Value.MaxCrashes, cancellationToken);
        await ForgetSilentWorkersAsync(silentSince, cancellationToken);
        return recovered;
    }

    private DateTime SilentSince() => clock.GetUtcNow().UtcDateTime - options.Value.WorkerTimeout;

    private async Task ForgetSilentWorkersAsync(DateTime silentSince, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.TrainingWorkers.Where(w => w.Id != self.Id && w.HeartbeatAt < silentSince).ExecuteDeleteAsync(cancellationToken);
    }
}
