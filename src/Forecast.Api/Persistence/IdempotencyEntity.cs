namespace Forecast.Api.Persistence;

/// <summary>The first answer to a request sent with an <c>Idempotency-Key</c>, replayed on retries.</summary>
public sealed class IdempotencyEntity
{
    /// <summary>Who asked and where: the caller and the request's method and path.</summary>
    public required string Scope { get; set; }
    public required string Key { get; set; }
    public required string RequestHash { get; set; }

    /// <summary>0 while the first request is still being handled.</summary>
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[]? Body { get; set; }
    public DateTime CreatedAt { get; set; }
}
