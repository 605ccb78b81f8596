using Forecast.Api.Configuration;
using Forecast.Api.Persistence;
using Forecast.Api.Security;
using Forecast.Api.Telemetry;
using Forecast.Domain;
using Forecast.Training.Methods;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Models;

/// <summary>
/// Keeps up to <see cref="TrainingOptions.ModelCacheSize"/> rebuilt models in memory, a series' (<see cref="LoadedModel"/>)
/// or a collection's (<see cref="LoadedCollectionModel"/>), so a model is loaded from the database once, not per request.
/// Its data is not: a read checks the version of the series or collection whenever the database changed since the model's
/// last check (<see cref="DatabaseChanges"/>), so an append through any process is seen at once, and a newer version is
/// loaded beside the same network. The same check sees a model deleted through another process: its next read there is a 404.
/// </summary>
/// <remarks>
/// An evicted model is not disposed here: a request may still be predicting with it. TorchSharp's
/// finalizers free its native memory once no request holds it.
/// </remarks>
public sealed class ModelCache(
    IDbContextFactory<ForecastDbContext> dbFactory, DatabaseChanges changes, ICallerContext caller, IOptions<TrainingOptions> options,
    IOptions<LimitsOptions> limits, ForecastMetrics metrics)
    : IDisposable
{
    private static readonly MemoryCacheEntryOptions EntryOptions = new() { Size = 1 };

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = options.Value.ModelCacheSize });

    // A series' calendar covariates are generated as far as the longest forecast asked of any origin.
    private readonly int knownFuture = limits.Value.MaxHorizon;

    /// <summary>A cached model, its owner, and the database's stamp when its data's version was last checked.</summary>
    private sealed record Entry(object Model, Guid OwnerKeyId, long? CheckedAt);

    /// <summary>A series' model or a collection's, whichever <paramref name="modelId"/> is, over the current version of its data.</summary>
    /// <exception cref="NotFoundException">No such model, or not the caller's.</exception>
    public async Task<object> GetAnyAsync(Guid modelId, CancellationToken cancellationToken)
    {
        // Read before the version is: a write after it makes the next read check again.
        var stamp = changes.Stamp();
        if (cache.TryGetValue(modelId, out Entry? cached))
        {
            metrics.ModelCacheHit();
            // The cache serves every API key, so it answers only a caller whose own query would have found the model.
            if (!caller.SeesAll && cached!.OwnerKeyId != caller.OwnerId)
            {
                throw new NotFoundException("Model", modelId);
            }
            if (stamp is not null && stamp == cached!.CheckedAt)
            {
                return cached.Model;
            }
        }
        else
        {
            metrics.ModelCacheMiss();
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var current = cached is null
            ? await LoadSeriesModelAsync(db, modelId, cancellationToken) ?? await LoadCollectionModelAsync(db, modelId, cancellationToken)
                ?? throw new NotFoundException("Model", modelId)
            : cached.Model switch
            {
                LoadedModel model => cached with { Model = await CurrentAsync(db, model, cancellationToken) },
                _ => cached with { Model = await CurrentAsync(db, (LoadedCollectionModel)cached.Model, cancellationToken) },
            };
        return cache.Set(modelId, current with { CheckedAt = stamp }, EntryOptions).Model;
    }

    /// <exception cref="NotFoundException">No such model, or not the caller's.</exception>
    /// <exception cref="DomainValidationException">The model is a collection's.</exception>
    public async Task<LoadedModel> GetAsync(Guid modelId, CancellationToken cancellationToken) =>
        await GetAnyAsync(modelId, cancellationToken) as LoadedModel
            ?? throw new DomainValidationException(
                $"Model '{modelId}' is a collection's model: read it at /api/models/{modelId}, its members' evaluations at /api/models/{modelId}/members, and forecast with ?series={{key}} or /forecasts.",
                "id");

    /// <exception cref="NotFoundException">No such model, or not the caller's.</exception>
    /// <exception cref="DomainValidationException">The model is a series'.</exception>
    public async Task<LoadedCollectionModel> GetCollectionModelAsync(Guid modelId, CancellationToken cancellationToken) =>
        await GetAnyAsync(modelId, cancellationToken) as LoadedCollectionModel
            ?? throw new DomainValidationException(
                $"Model '{modelId}' is a series' model, not a collection's: forecast it at /api/models/{modelId}/forecast without series.", "id");

    public void Remove(Guid modelId) => cache.Remove(modelId);

    public void Dispose() => cache.Dispose();

    /// <exception cref="NotFoundException">The model or its series was deleted since, by this process or another.</exception>
    private async Task<LoadedModel> CurrentAsync(ForecastDbContext db, LoadedModel model, CancellationToken cancellationToken)
    {
        var (modelId, seriesId) = (model.Entity.Id, model.Entity.SeriesId);
        var version = await db.Series.Where(s => s.Id == seriesId && db.Models.Any(m => m.Id == modelId))
            .Select(s => (int?)s.Version).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Model", modelId);
        if (version == model.SeriesVersion)
        {
            return model;
        }
        var series = await db.Series.AsNoTracking().FirstAsync(s => s.Id == seriesId, cancellationToken);
        return model.WithSeries(series.ToDomain(), series.CovariatesToDomain(knownFuture), series.Version);
    }

    /// <exception cref="NotFoundException">The model or its collection was deleted since, by this process or another.</exception>
    private async Task<LoadedCollectionModel> CurrentAsync(ForecastDbContext db, LoadedCollectionModel model, CancellationToken cancellationToken)
    {
        var (modelId, collectionId) = (model.Entity.Id, model.Entity.CollectionId);
        var version = await db.Collections.Where(c => c.Id == collectionId && db.CollectionModels.Any(m => m.Id == modelId))
            .Select(c => (int?)c.Version).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Model", modelId);
        if (version == model.CollectionVersion)
        {
            return model;
        }
        var (members, current) = await LoadMembersAsync(db, model.Entity, cancellationToken);
        return model.WithMembers(members, current);
    }

    private async Task<Entry?> LoadSeriesModelAsync(ForecastDbContext db, Guid modelId, CancellationToken cancellationToken)
    {
        var entity = await db.Models.AsNoTracking().FirstOrDefaultAsync(m => m.Id == modelId, cancellationToken);
        if (entity is null)
        {
            return null;
        }
        var series = await db.Series.AsNoTracking().FirstAsync(s => s.Id == entity.SeriesId, cancellationToken);
        return new Entry(new LoadedModel(entity, ForecastingMethods.Restore(entity.Stored), series.ToDomain(), series.CovariatesToDomain(knownFuture), series.Version), series.OwnerKeyId, null);
    }

    private async Task<Entry?> LoadCollectionModelAsync(ForecastDbContext db, Guid modelId, CancellationToken cancellationToken)
    {
        var entity = await db.CollectionModels.AsNoTracking().FirstOrDefaultAsync(m => m.Id == modelId, cancellationToken);
        if (entity is null)
        {
            return null;
        }
        var (members, version) = await LoadMembersAsync(db, entity, cancellationToken);
        var model = await CollectionModelFits.RestoreAsync(db, entity, cancellationToken);
        return new Entry(new LoadedCollectionModel(entity, model, members, version), entity.OwnerKeyId, null);
    }

    /// <returns>
    /// The members in key order, and the collection's version, read before them: an append in between leaves newer
    /// members under an older version, which the next read loads again, never older members under a newer one.
    /// </returns>
    private async Task<(List<ModelMember> Members, int Version)> LoadMembersAsync(
        ForecastDbContext db, CollectionModelEntity entity, CancellationToken cancellationToken)
    {
        var version = await db.Collections.Where(c => c.Id == entity.CollectionId).Select(c => c.Version).FirstAsync(cancellationToken);
        var rows = await db.Series.AsNoTracking().Where(s => s.CollectionId == entity.CollectionId).OrderBy(s => s.Key).ToListAsync(cancellationToken);
        var members = rows.Select(s => new ModelMember(s.Key!, s.Id, s.ToDomain(), s.Version) { Covariates = s.CovariatesToDomain(knownFuture) }).ToList();
        return (members, version);
    }
}
