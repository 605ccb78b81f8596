using System.Threading.RateLimiting;
using Forecast.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.RateLimiting;

/// <summary>
/// A fixed window of <paramref name="permits"/> requests per <paramref name="window"/> for one client key and policy,
/// counted in the PostgreSQL database that every process of a scale-out shares, so that N processes give a client its
/// limit once, not N times. Each request costs one statement: an upsert that opens a new window when the last one has
/// passed and otherwise counts the request only while the window has permits left. As with the in-process limiter, the
/// window opens at the first request, not on the clock's minute.
/// </summary>
public sealed class SharedWindowLimiter(
    IDbContextFactory<ForecastDbContext> dbFactory, TimeProvider clock, Guid keyId, string policy, int permits, TimeSpan window) : RateLimiter
{
    // Holds no state in memory, so the partitioned limiter may drop it whenever it likes and make another.
    public override TimeSpan? IdleDuration => TimeSpan.MaxValue;

    public override RateLimiterStatistics? GetStatistics() => null;

    // The count is in the database, which a synchronous attempt does not reach: the middleware then acquires asynchronously.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Undecided;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var passed = now - window;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var opened = await db.Database.SqlQuery<DateTime>($"""
            INSERT INTO "RateWindows" ("KeyId", "Policy", "WindowStart", "Count") VALUES ({keyId}, {policy}, {now}, 1)
            ON CONFLICT ("KeyId", "Policy") DO UPDATE SET
                "WindowStart" = CASE WHEN "RateWindows"."WindowStart" <= {passed} THEN {now} ELSE "RateWindows"."WindowStart" END,
                "Count" = CASE WHEN "RateWindows"."WindowStart" <= {passed} THEN 1 ELSE "RateWindows"."Count" + 1 END
            WHERE "RateWindows"."WindowStart" <= {passed} OR "RateWindows"."Count" < {permits}
            RETURNING "WindowStart" AS "Value"
            """).ToListAsync(cancellationToken);
        if (opened.Count == 1)
        {
            return Lease.Acquired;
        }
        var start = await db.RateWindows.Where(w => w.KeyId == keyId && w.Policy == policy).Select(w => w.WindowStart).SingleAsync(cancellationToken);
        return Lease.Refused(start + window - now);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);
        public static readonly Lease Undecided = new(false, null);

        public static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
