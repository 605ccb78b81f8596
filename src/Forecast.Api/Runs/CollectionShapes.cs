using Forecast.Api.Persistence;
using Forecast.Domain;
using Forecast.Domain.Runs;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Runs;

/// <summary>A collection as its runs are resolved against: its members' lengths and its shape.</summary>
public static class CollectionShapes
{
    /// <summary>The collection, its members' lengths and the shape its runs are resolved against.</summary>
    /// <exception cref="NotFoundException">No such collection, or not the caller's.</exception>
    public static async Task<(CollectionEntity Collection, List<int> Lengths, CollectionShape Shape)> LoadAsync(
        ForecastDbContext db, Guid collectionId, CancellationToken cancellationToken)
    {
        var collection = await db.Collections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == collectionId, cancellationToken)
            ?? throw new NotFoundException("Collection", collectionId);
        var lengths = await db.Series.Where(s => s.CollectionId == collectionId)
            .Select(s => new { Key = s.Key!, s.Count }).ToListAsync(cancellationToken);
        var shortest = lengths.MinBy(m => m.Count)!;
        var shape = new CollectionShape(collection.Frequency, lengths.Count, shortest.Key, shortest.Count, lengths.Max(m => m.Count));
        return (collection, lengths.Select(m => m.Count).ToList(), shape);
    }
}
