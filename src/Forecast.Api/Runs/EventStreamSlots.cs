using System.Collections.Concurrent;
using Forecast.Api.Configuration;
using Forecast.Api.Errors;
using Forecast.Api.Persistence;
using Forecast.Api.Security;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Runs;

/// <summary>
/// Bounds the event streams each client key holds open (<see cref="EventStreamOptions.MaxStreamsPerKey"/>): an open stream
/// costs a connection and a database read per poll for as long as it lasts. On SQLite (one process) the slots are counted
/// here; on PostgreSQL, across every process, by <see cref="StreamLeases"/>. The admin key is the operator's and is not
/// bounded, as for the other per-key limits.
/// </summary>
public sealed class EventStreamSlots(IOptions<EventStreamOptions> options, ICallerContext caller, DatabaseSettings database, StreamLeases leases)
{
    private readonly ConcurrentDictionary<Guid, int> open = new();

    /// <summary>Takes a slot for the caller's key; dispose the result when the stream ends.</summary>
    /// <exception cref="TooManyRequestsException">The key already holds the most streams allowed.</exception>
    public async Task<IDisposable> TakeForCallerAsync(CancellationToken cancellationToken)
    {
        if (caller.SeesAll || caller.OwnerId is not { } keyId)
        {
            return new Slot(this, keyId: null);
        }
        var max = options.Value.MaxStreamsPerKey;
        if (database.IsPostgreSql)
        {
            return await leases.TakeAsync(keyId, max, cancellationToken);
        }
        var count = open.AddOrUpdate(keyId, 1, (_, n) => n + 1);
        if (count > max)
        {
            Release(keyId);
            throw new TooManyRequestsException(
                $"This API key has {max} event streams open, the most allowed at once (Events:MaxStreamsPerKey); close one first.");
        }
        return new Slot(this, keyId);
    }

    private void Release(Guid keyId) => open.AddOrUpdate(keyId, 0, (_, n) => n - 1);

    /// <param name="keyId">Null for a stream that holds no slot.</param>
    private sealed class Slot(EventStreamSlots slots, Guid? keyId) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (keyId is { } id && Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release(id);
            }
        }
    }
}
