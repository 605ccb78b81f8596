using Forecast.Api.Configuration;
using Forecast.Api.Persistence;
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
/// Its data is not: every read checks the version of the series or collection, so an append through any process is
/// seen at once, and a newer version is loaded beside the same network.
/// </summary>
/// <remarks>
/// An evicted model is not disposed here: a request may still be predicting with it. TorchSharp's
/// finalizers free its native memory once no request holds it.
/// </remarks>
public sealed class ModelCache(IDbContextFactory<ForecastDbContext> dbFactory, IOptions<TrainingOptions> options, ForecastMetrics metrics)
    : IDisposable
{
    private static readonly MemoryCacheEntryOptions EntryOptions = new() { Size = 1 };

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = options.Value.ModelCacheSize });

    /// <summary>A series' model or a collection's, whichever <paramref name="modelId"/> is, over the current version of its data.</summary>
    /// <exception cref="NotFoundException">No such model, or not the caller's.</exception>
    public async Task<object> GetAnyAsync(Guid modelId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The cache serves every API key; the version is read through the caller's filtered context, so another key's model is not found.
        if (cache.TryGetValue(modelId, out object? cached))
        {
            metrics.ModelCacheHit();
            return cached switch
            {
                LoadedModel model => await CurrentAsync(db, model, cancellationToken),
                _ => await CurrentAsync(db, (LoadedCollectionModel)cached!, cancellationToken),
            };
        }
        metrics.ModelCacheMiss();
        var loaded = (object?)await LoadSeriesModelAsync(db, modelId, cancellationToken)
            ?? await LoadCollectionModelAsync(db, modelId, cancellationToken)
            ?? throw new NotFoundException("Model", modelId);
        return cache.Set(modelId, loaded, EntryOptions);
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

    private async Task<LoadedModel> CurrentAsync(ForecastDbContext db, LoadedModel model, CancellationToken cancellationToken)
    {
        var seriesId = model.Entity.SeriesId;
        var version = await db.Series.Where(s => s.Id == seriesId).Select(s => (int?)s.Version).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Model", model.Entity.Id);
        if (version == model.SeriesVersion)
        {
            return model;
        }
        var series = await db.Series.AsNoTracking().FirstAsync(s => s.Id == seriesId, cancellationToken);
        return cache.Set(model.Entity.Id, model.WithSeries(series.ToDomain(), series.Version), EntryOptions);
    }

    private async Task<LoadedCollectionModel> CurrentAsync(ForecastDbContext db, LoadedCollectionModel model, CancellationToken cancellationToken)
    {
        var collectionId = model.Entity.CollectionId;
        var version = await db.Collections.Where(c => c.Id == collectionId).Select(c => (int?)c.Version).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Model", model.Entity.Id);
        if (version == model.CollectionVersion)
        {
            return model;
        }
        var (members, current) = await LoadMembersAsync(db, model.Entity, cancellationToken);
        return cache.Set(model.Entity.Id, model.WithMembers(members, current), EntryOptions);
    }

    private static async Task<LoadedModel?> LoadSeriesModelAsync(ForecastDbContext db, Guid modelId, CancellationToken cancellationToken)
    {
        var entity = await db.Models.AsNoTracking().FirstOrDefaultAsync(m => m.Id == modelId, cancellationToken);
        if (entity is null)
        {
            return null;
        }
        var series = await db.Series.AsNoTracking().FirstAsync(s => s.Id == entity.SeriesId, cancellationToken);
        return new LoadedModel(entity, new LstmModel(entity.Artifact), series.ToDomain(), series.Version);
    }

    private static async Task<LoadedCollectionModel?> LoadCollectionModelAsync(ForecastDbContext db, Guid modelId, CancellationToken cancellationToken)
    {
        var entity = await db.CollectionModels.AsNoTracking().FirstOrDefaultAsync(m => m.Id == modelId, cancellationToken);
        if (entity is null)
        {
            return null;
        }
        var (members, version) = await LoadMembersAsync(db, entity, cancellationToken);
        return new LoadedCollectionModel(entity, new GlobalModel(entity.Artifact), members, version);
    }

    /// <returns>
    /// The members in key order, and the collection's version, read before them: an append in between leaves newer
    /// members under an older version, which the next read loads again, never older members under a newer one.
    /// </returns>
    private static async Task<(List<ModelMember> Members, int Version)> LoadMembersAsync(
        ForecastDbContext db, CollectionModelEntity entity, CancellationToken cancellationToken)
    {
        var period = entity.Artifact.SeasonalPeriod;
        var version = await db.Collections.Where(c => c.Id == entity.CollectionId).Select(c => c.Version).FirstAsync(cancellationToken);
        var rows = await db.Series.AsNoTracking().Where(s => s.CollectionId == entity.CollectionId).OrderBy(s => s.Key).ToListAsync(cancellationToken);
        var members = rows.Select(s =>
        {
            var series = s.ToDomain();
            return new ModelMember(s.Key!, s.Id, series, s.Version, PooledCalibration.ScaleAt(series.Values, period));
        }).ToList();
        return (members, version);
    }
}
