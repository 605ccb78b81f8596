using System.Runtime.CompilerServices;
using Forecast.Api.Configuration;
using Forecast.Api.Persistence;
using Forecast.Domain.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Runs;

/// <summary>
/// Follows a run as it trains by reading it from the database every <see cref="EventStreamOptions.PollInterval"/>: the
/// database is where every process records its runs' epochs and statuses, so a run trained in another process
/// (PostgreSQL scale-out) is followed as one trained here.
/// </summary>
/// <remarks>
/// Epochs are identified by their number, which a resumed run repeats with the same values (it is deterministic), so
/// a client that resumes after epoch n is sent only epochs after n, never one twice and never one lost.
/// </remarks>
public sealed class RunFollower(IDbContextFactory<ForecastDbContext> dbFactory, IOptions<EventStreamOptions> options, TimeProvider clock)
{
    /// <param name="afterEpoch">The last epoch the client has seen (its <c>Last-Event-ID</c>); 0 for all.</param>
    public async IAsyncEnumerable<RunEvent> FollowAsync(Guid runId, int afterEpoch, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (poll, heartbeat) = (options.Value.PollInterval, options.Value.HeartbeatInterval);
        var lastEpoch = afterEpoch;
        TrainingRunStatus? lastStatus = null;
        var lastSent = clock.GetUtcNow();
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var run = await db.TrainingRuns.AsNoTracking().Where(r => r.Id == runId)
                .Select(r => new { r.Status, r.Attempts, r.Hyperparameters, r.Epoch, r.TotalEpochs, r.ElapsedSeconds, r.ModelId, r.Error })
                .FirstOrDefaultAsync(cancellationToken);
            if (run is null)
            {
                // Deleted with its series or collection while followed.
                yield return new FinishedEvent(TrainingRunStatus.Cancelled, null, "The run was deleted.");
                yield break;
            }
            var sent = false;
            if (run.Status != lastStatus)
            {
                lastStatus = run.Status;
                sent = true;
                yield return new StatusEvent(run.Status, run.Attempts);
            }
            var epochs = await db.LossEntries.AsNoTracking().Where(l => l.RunId == runId && l.Epoch > lastEpoch)
                .OrderBy(l => l.Epoch).ToListAsync(cancellationToken);
            foreach (var entry in epochs)
            {
                lastEpoch = entry.Epoch;
                sent = true;
                var pace = RunPace.Of(run.Epoch, run.TotalEpochs, run.Hyperparameters, run.Status, run.ElapsedSeconds);
                yield return new EpochEvent(entry.Epoch, pace.TotalEpochs, pace.Percent(entry.Epoch),
                    entry.TrainLoss, entry.ValidationLoss, entry.Epoch == run.Epoch ? pace.EtaSeconds : null);
            }
            if (run.Status.IsFinished())
            {
                yield return new FinishedEvent(run.Status, run.ModelId, run.Error);
                yield break;
            }
            var now = clock.GetUtcNow();
            if (sent)
            {
                lastSent = now;
            }
            else if (now - lastSent >= heartbeat)
            {
                lastSent = now;
                yield return new Heartbeat();
            }
            await Task.Delay(poll, clock, cancellationToken);
        }
    }
}
