using Forecast.Domain.Series;

namespace Forecast.Api.Persistence;

/// <summary>A stored collection: its members are series (<see cref="SeriesEntity.CollectionId"/>) and go with it when it is deleted.</summary>
public sealed class CollectionEntity
{
    public Guid Id { get; set; }

    /// <summary>The API key that uploaded it; its members belong to the same key.</summary>
    public Guid OwnerKeyId { get; set; }
    public required string Name { get; set; }
    public Frequency Frequency { get; set; }
    public GapFillPolicy FillPolicy { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>1 at upload, one more with every append that changed a member: a global model's forecasts are memoised per version.</summary>
    public int Version { get; set; } = 1;
}
