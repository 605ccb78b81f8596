using Forecast.Api.Contracts;
using Forecast.Api.Persistence;
using Forecast.Api.Security;
using Forecast.Domain;
using Forecast.Domain.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Forecast.Api.Runs;

/// <summary>A run as its status read shows it: the run, its place in the queue, and how training ended.</summary>
public sealed record RunView(TrainingRunEntity Run, int? QueuePosition, TrainingOutcome? Outcome);

/// <summary>A run's loss curve, with the tag that changes whenever the curve does.</summary>
public sealed record LossCurveView(string Tag, IReadOnlyList<LossPoint> Points);

/// <summary>
/// The reads clients poll while a run trains, its status and its loss curve, answered from memory until the database
/// changes (<see cref="DatabaseChanges"/>): polling clients then cost a lookup, not a query, between the writes of
/// epochs. Every answer is what a query at that moment would have given, since any write, by any process, is a change.
/// </summary>
public sealed class RunReads(IDbContextFactory<ForecastDbContext> dbFactory, DatabaseChanges changes, ICallerContext caller) : IDisposable
{
    private const int MaxCached = 10_000;

    private static readonly MemoryCacheEntryOptions EntryOptions = new() { Size = 1 };

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxCached });

    private sealed record Cached(object View, Guid OwnerKeyId, long? Stamp);

    /// <exception cref="NotFoundException">No such run, or not the caller's.</exception>
    public Task<RunView> StatusAsync(Guid runId, CancellationToken cancellationToken) =>
        ReadAsync<RunView>(("status", runId), runId, async db =>
        {
            var run = await db.TrainingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
            if (run is null)
            {
                return null;
            }
            var outcome = run.CollectionId is null
                ? await db.Models.Where(m => m.Id == run.ModelId)
                    .Select(m => new TrainingOutcome(m.EpochsRun, m.BestEpoch, m.StoppedEarly)).FirstOrDefaultAsync(cancellationToken)
                : await db.CollectionModels.Where(m => m.Id == run.ModelId)
                    .Select(m => new TrainingOutcome(m.EpochsRun, m.BestEpoch, m.StoppedEarly)).FirstOrDefaultAsync(cancellationToken);
            return (new RunView(run, await QueuePositionAsync(db, run, cancellationToken), outcome), run.OwnerKeyId);
        }, cancellationToken);

    /// <exception cref="NotFoundException">No such run, or not the caller's.</exception>
    public Task<LossCurveView> LossCurveAsync(Guid runId, CancellationToken cancellationToken) =>
        ReadAsync<LossCurveView>(("loss-curve", runId), runId, async db =>
        {
            var run = await db.TrainingRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => new { r.OwnerKeyId, r.Attempts, r.Epoch, r.Status })
                .FirstOrDefaultAsync(cancellationToken);
            if (run is null)
            {
                return null;
            }
            var points = await db.LossEntries.AsNoTracking().Where(l => l.RunId == runId).OrderBy(l => l.Epoch)
                .Select(l => new LossPoint(l.Epoch, l.TrainLoss, l.ValidationLoss)).ToListAsync(cancellationToken);
            // The curve grows with the epoch and is rewound only when an attempt resumes from a checkpoint.
            return (new LossCurveView($"loss-curve:{runId}:{run.Attempts}:{run.Epoch}:{run.Status}", points), run.OwnerKeyId);
        }, cancellationToken);

    /// <summary>The run's place in the queue when it is queued: the queue is shared, so other keys' runs ahead count too (only their number is revealed).</summary>
    public static async Task<int?> QueuePositionAsync(ForecastDbContext db, TrainingRunEntity run, CancellationToken cancellationToken) =>
        run.Status == TrainingRunStatus.Queued
            ? 1 + await db.TrainingRuns.IgnoreQueryFilters().CountAsync(r => r.Status == TrainingRunStatus.Queued && r.CreatedAt < run.CreatedAt, cancellationToken)
            : null;

    public void Dispose() => cache.Dispose();

    private async Task<T> ReadAsync<T>(object key, Guid runId, Func<ForecastDbContext, Task<(T View, Guid OwnerKeyId)?>> load, CancellationToken cancellationToken)
        where T : class
    {
        // Read before the query: a write after it makes the next read query again.
        var stamp = changes.Stamp();
        if (stamp is not null && cache.TryGetValue(key, out Cached? cached) && cached!.Stamp == stamp)
        {
            // The cache serves every API key, so it answers only a caller whose own query would have found the run.
            return caller.SeesAll || cached.OwnerKeyId == caller.OwnerId ? (T)cached.View : throw new NotFoundException("Training run", runId);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (view, owner) = await load(db) ?? throw new NotFoundException("Training run", runId);
        cache.Set(key, new Cached(view, owner, stamp), EntryOptions);
        return view;
    }
}
