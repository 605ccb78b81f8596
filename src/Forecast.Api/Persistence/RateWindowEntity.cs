namespace Forecast.Api.Persistence;

/// <summary>
/// One client key's current rate-limit window for one policy, shared by every process on PostgreSQL (see
/// <c>SharedWindowLimiter</c>); one row per key and policy, rewritten as windows pass.
/// </summary>
public sealed class RateWindowEntity
{
    public Guid KeyId { get; set; }
    public required string Policy { get; set; }

    /// <summary>When the window opened: the first request after the previous window had passed.</summary>
    public DateTime WindowStart { get; set; }

    /// <summary>Requests let through in this window.</summary>
    public int Count { get; set; }
}
