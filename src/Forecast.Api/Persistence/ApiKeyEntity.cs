namespace Forecast.Api.Persistence;

/// <summary>A client API key. The secret itself is never stored, only its SHA-256.</summary>
public sealed class ApiKeyEntity
{
    public const int MaxNameLength = 100;

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required byte[] SecretHash { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Set when the key is revoked; the row stays so that what the key made keeps a known owner.</summary>
    public DateTime? RevokedAt { get; set; }
}
