namespace Forecast.Api.Persistence;

/// <summary>
/// An event stream a client key holds open in some process, on PostgreSQL, where the per-key bound is shared (see
/// <c>StreamLeases</c>). The process renews it while the stream lasts and deletes it at the end; a lease of a process
/// that died lapses once it has not been renewed for <c>StreamLeases.Lapse</c>.
/// </summary>
public sealed class StreamLeaseEntity
{
    public Guid Id { get; set; }
    public Guid KeyId { get; set; }
    public DateTime RenewedAt { get; set; }
}
