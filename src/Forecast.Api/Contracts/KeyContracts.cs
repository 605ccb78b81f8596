namespace Forecast.Api.Contracts;

/// <param name="Name">What the key is for, e.g. the client service's name (1 to 100 characters).</param>
public sealed record CreateKeyRequest(string? Name);

/// <param name="Key">The key to send in <c>X-Api-Key</c>. It is shown in this answer only: the service keeps just its hash.</param>
public sealed record CreatedKeyResponse(Guid Id, string Name, string Key, DateTime CreatedAt);

/// <summary>A key as listed: never its secret.</summary>
public sealed record KeyResponse(Guid Id, string Name, DateTime CreatedAt, DateTime? RevokedAt);
