using Forecast.Api.Errors;
using Forecast.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Runs;

/// <summary>
/// Event-stream slots counted in the PostgreSQL database that every process shares, so that a key's bound holds across a
/// scale-out: a slot is a lease row, taken under a per-key advisory lock (two processes cannot both take the last one),
/// renewed every <see cref="Renewal"/> while its stream lasts, and deleted when it ends. A process killed mid-stream
/// cannot delete its leases; they lapse after <see cref="Lapse"/>.
/// </summary>
public sealed class StreamLeases(IDbContextFactory<ForecastDbContext> dbFactory, TimeProvider clock, ILogger<StreamLeases> logger)
{
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Lapse = TimeSpan.FromSeconds(30);

    /// <exception cref="TooManyRequestsException">The key holds <paramref name="max"/> live leases.</exception>
    public async Task<IDisposable> TakeAsync(Guid keyId, int max, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({keyId.ToString()}, 0))", cancellationToken);
        await db.StreamLeases.Where(l => l.KeyId == keyId && l.RenewedAt < now - Lapse).ExecuteDeleteAsync(cancellationToken);
        if (await db.StreamLeases.CountAsync(l => l.KeyId == keyId, cancellationToken) >= max)
        {
            throw new TooManyRequestsException(
                $"This API key has {max} event streams open, the most allowed at once (Events:MaxStreamsPerKey); close one first.");
        }
        var lease = new StreamLeaseEntity { Id = Guid.CreateVersion7(), KeyId = keyId, RenewedAt = now };
        db.StreamLeases.Add(lease);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Held(this, lease.Id);
    }

    private ITimer RenewEvery(Guid leaseId) => clock.CreateTimer(_ => _ = QuietlyAsync(RenewAsync(leaseId), leaseId), null, Renewal, Renewal);

    private void Release(Guid leaseId) => _ = QuietlyAsync(ReleaseAsync(leaseId), leaseId);

    private async Task RenewAsync(Guid leaseId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.StreamLeases.Where(l => l.Id == leaseId).ExecuteUpdateAsync(set => set.SetProperty(l => l.RenewedAt, now));
    }

    private async Task ReleaseAsync(Guid leaseId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.StreamLeases.Where(l => l.Id == leaseId).ExecuteDeleteAsync();
    }

    // A renewal or release that fails is logged, and the lease lapses on its own.
    private async Task QuietlyAsync(Task write, Guid leaseId)
    {
        try
        {
            await write;
        }
        catch (Exception error) when (error is DbUpdateException or InvalidOperationException or Npgsql.NpgsqlException or TimeoutException)
        {
            logger.LogWarning(error, "Could not write event-stream lease {LeaseId}; it lapses on its own", leaseId);
        }
    }

    /// <summary>A lease renewed on a timer until disposed.</summary>
    private sealed class Held(StreamLeases leases, Guid id) : IDisposable
    {
        private readonly ITimer renewal = leases.RenewEvery(id);

        public void Dispose()
        {
            renewal.Dispose();
            leases.Release(id);
        }
    }
}
