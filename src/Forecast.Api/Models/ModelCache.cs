using Forecast.Api.Configuration;
using Forecast.Api.Persistence;
using Forecast.Api.Security;
using Forecast.Domain;
using Forecast.Training.Lstm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Models;

/// <summary>
/// Keeps up to <see cref="TrainingOptions.ModelCacheSize"/> rebuilt models in memory, so a model is
/// loaded from the database once, not per request.
/// </summary>
/// <remarks>
/// An evicted model is not disposed here: a request may still be predicting with it. TorchSharp's
/// finalizers free its native memory once no request holds it.
/// </remarks>
public sealed class ModelCache(IDbContextFactory<ForecastDbContext> dbFactory, IOptions<TrainingOptions> options, ICallerContext caller)
    : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = options.Value.ModelCacheSize });

    private sealed record Entry(LoadedModel Model, Guid OwnerKeyId);

    /// <exception cref="NotFoundException">No such model, or not the caller's.</exception>
    public async Task<LoadedModel> GetAsync(Guid modelId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(modelId, out Entry? cached))
        {
            // The cache serves every API key, so it answers only a caller whose own query would have found the model.
            return caller.SeesAll || cached!.OwnerKeyId == caller.OwnerId ? cached!.Model : throw new NotFoundException("Model", modelId);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Models.AsNoTracking().FirstOrDefaultAsync(m => m.Id == modelId, cancellationToken)
            ?? throw new NotFoundException("Model", modelId);
        var series = await db.Series.AsNoTracking().FirstAsync(s => s.Id == entity.SeriesId, cancellationToken);
        var loaded = new LoadedModel(entity, new LstmModel(entity.Artifact), series.ToDomain());
        return cache.Set(modelId, new Entry(loaded, series.OwnerKeyId), new MemoryCacheEntryOptions { Size = 1 }).Model;
    }

    public void Remove(Guid modelId) => cache.Remove(modelId);

    public void Dispose() => cache.Dispose();
}
