using Forecast.Api.Configuration;
using Forecast.Api.Persistence;
using Forecast.Api.Security;
using Forecast.Api.Telemetry;
using Forecast.Domain;
using Forecast.Training.Collections;
using Forecast.Training.Lstm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Models;

/// <summary>
/// Keeps up to <see cref="TrainingOptions.ModelCacheSize"/> rebuilt models in memory, a series' (<see cref="LoadedModel"/>)
/// or a collection's (<see cref="LoadedCollectionModel"/>), so a model is loaded from the database once, not per request.
/// </summary>
/// <remarks>
/// An evicted model is not disposed here: a request may still be predicting with it. TorchSharp's
/// finalizers free its native memory once no request holds it.
/// </remarks>
public sealed class ModelCache(
    IDbContextFactory<ForecastDbContext> dbFactory, IOptions<TrainingOptions> options, ICallerContext caller, ForecastMetrics metrics)
    : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = options.Value.ModelCacheSize });

    private sealed record Entry(object Model, Guid OwnerKeyId);

    /// <summary>A series' model or a collection's, whichever <paramref name="modelId"/> is.</summary>
    /// <exception cref="NotFoundException">No such model, or not the caller's.</exception>
    public async Task<object> GetAnyAsync(Guid modelId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(modelId, out Entry? cached))
        {
            metrics.ModelCacheHit();
            // The cache serves every API key, so it answers only a caller whose own query would have found the model.
            return caller.SeesAll || cached!.OwnerKeyId == caller.OwnerId ? cached!.Model : throw new NotFoundException("Model", modelId);
        }
        metrics.ModelCacheMiss();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entry = await LoadSeriesModelAsync(db, modelId, cancellationToken)
            ?? await LoadCollectionModelAsync(db, modelId, cancellationToken)
            ?? throw new NotFoundException("Model", modelId);
        return cache.Set(modelId, entry, new MemoryCacheEntryOptions { Size = 1 }).Model;
    }

    /// <exception cref="NotFoundException">No such model, or not the caller's.</exception>
    /// <exception cref="DomainValidationException">The model is a collection's.</exception>
    public async Task<LoadedModel> GetAsync(Guid modelId, CancellationToken cancellationToken) =>
        await GetAnyAsync(modelId, cancellationToken) as LoadedModel
            ?? throw new DomainValidationException(
                $"Model '{modelId}' is a collection's global model: read it at /api/models/{modelId}, its members' evaluations at /api/models/{modelId}/members, and forecast with ?series={{key}} or /forecasts.",
                "id");

    /// <exception cref="NotFoundException">No such model, or not the caller's.</exception>
    /// <exception cref="DomainValidationException">The model is a series'.</exception>
    public async Task<LoadedCollectionModel> GetCollectionModelAsync(Guid modelId, CancellationToken cancellationToken) =>
        await GetAnyAsync(modelId, cancellationToken) as LoadedCollectionModel
            ?? throw new DomainValidationException(
                $"Model '{modelId}' is a series' model, not a collection's: forecast it at /api/models/{modelId}/forecast without series.", "id");

    public void Remove(Guid modelId) => cache.Remove(modelId);

    public void Dispose() => cache.Dispose();

    private static async Task<Entry?> LoadSeriesModelAsync(ForecastDbContext db, Guid modelId, CancellationToken cancellationToken)
    {
        var entity = await db.Models.AsNoTracking().FirstOrDefaultAsync(m => m.Id == modelId, cancellationToken);
        if (entity is null)
        {
            return null;
        }
        var series = await db.Series.AsNoTracking().FirstAsync(s => s.Id == entity.SeriesId, cancellationToken);
        return new Entry(new LoadedModel(entity, new LstmModel(entity.Artifact), series.ToDomain()), series.OwnerKeyId);
    }

    private static async Task<Entry?> LoadCollectionModelAsync(ForecastDbContext db, Guid modelId, CancellationToken cancellationToken)
    {
        var entity = await db.CollectionModels.AsNoTracking().FirstOrDefaultAsync(m => m.Id == modelId, cancellationToken);
        if (entity is null)
        {
            return null;
        }
        var period = entity.Artifact.SeasonalPeriod;
        var members = await db.Series.AsNoTracking().Where(s => s.CollectionId == entity.CollectionId).OrderBy(s => s.Key).ToListAsync(cancellationToken);
        var loaded = members.Select(s =>
        {
            var series = s.ToDomain();
            return new ModelMember(s.Key!, s.Id, series, PooledCalibration.ScaleAt(series.Values, period));
        }).ToList();
        return new Entry(new LoadedCollectionModel(entity, new GlobalModel(entity.Artifact), loaded), entity.OwnerKeyId);
    }
}
