using Forecast.Api.Persistence;
using Forecast.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Security;

/// <summary>A client key as authentication needs it: the hash of its secret and whether it was revoked; null for an unknown id.</summary>
public sealed record StoredClientKey(byte[] SecretHash, bool Revoked);

/// <summary>
/// Client keys as the authentication of every request reads them: from memory for up to
/// <see cref="AuthOptions.KeyCacheDuration"/>, so that a client key costs no database query per request. Revoking a
/// key here evicts it at once in this process; another process sees the revocation within that duration.
/// </summary>
/// <remarks>
/// Unknown ids are remembered as unknown for as long as known ones, so a cache hit says nothing about whether an id
/// exists; the secret is checked in constant time against the hash whichever way it came. The cache is bounded
/// (<see cref="AuthOptions.KeyCacheSize"/> entries), so ids sprayed at the service cannot grow it without limit.
/// </remarks>
public sealed class ClientKeys(IDbContextFactory<ForecastDbContext> dbFactory, IOptions<AuthOptions> auth, TimeProvider clock) : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = auth.Value.KeyCacheSize });

    public async Task<StoredClientKey?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(id, out StoredClientKey? cached))
        {
            return cached;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.ApiKeys.AsNoTracking().Where(k => k.Id == id)
            .Select(k => new StoredClientKey(k.SecretHash, k.RevokedAt != null))
            .FirstOrDefaultAsync(cancellationToken);
        cache.Set(id, stored, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = auth.Value.KeyCacheDuration });
        return stored;
    }

    /// <summary>Revokes a key: from now on in this process, within <see cref="AuthOptions.KeyCacheDuration"/> in every other.</summary>
    /// <remarks>Revoking a revoked key again changes nothing.</remarks>
    /// <exception cref="NotFoundException">No key has that id.</exception>
    public async Task RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken)
            ?? throw new NotFoundException("API key", id);
        key.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(id);
    }

    public void Dispose() => cache.Dispose();
}
