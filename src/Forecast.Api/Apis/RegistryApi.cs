using Forecast.Api.Configuration;
using Forecast.Api.Contracts;
using Forecast.Api.Persistence;
using Forecast.Domain;
using Forecast.Domain.Runs;
using Forecast.Training.Methods;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Apis;

/// <summary>Every run and model a key has, listed newest first: all of them, or those of one series or collection.</summary>
public static class RegistryApi
{
    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var registry = app.MapGroup("/api").WithTags("Registry");
        registry.MapGet("/training-runs", ListTrainingRuns).WithName(nameof(ListTrainingRuns))
            .WithSummary("The caller's training runs, newest first, filtered by status if asked").ProducesProblem(StatusCodes.Status400BadRequest);
        registry.MapGet("/models", ListModels).WithName(nameof(ListModels))
            .WithSummary("The caller's models, of series and of collections, newest first").ProducesProblem(StatusCodes.Status400BadRequest);
        registry.MapGet("/series/{id:guid}/training-runs", ListSeriesTrainingRuns).WithName(nameof(ListSeriesTrainingRuns))
            .WithSummary("A series' training runs, newest first").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        registry.MapGet("/series/{id:guid}/models", ListSeriesModels).WithName(nameof(ListSeriesModels))
            .WithSummary("A series' models, newest first").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        registry.MapGet("/collections/{id:guid}/training-runs", ListCollectionTrainingRuns).WithName(nameof(ListCollectionTrainingRuns))
            .WithSummary("A collection's global training runs, newest first").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        registry.MapGet("/collections/{id:guid}/models", ListCollectionModels).WithName(nameof(ListCollectionModels))
            .WithSummary("A collection's global models, newest first").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <param name="status">queued, running, succeeded, failed or cancelled; all when left out.</param>
    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="pageSize">Items per page, 1 to Limits:MaxPageSize (default 20).</param>
    public static async Task<Ok<PagedList<TrainingRunListItem>>> ListTrainingRuns(
        IDbContextFactory<ForecastDbContext> dbFactory, IOptions<LimitsOptions> limits, CancellationToken cancellationToken,
        int page = 1, int pageSize = 20, string? status = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return TypedResults.Ok(await PageOfRunsAsync(db.TrainingRuns, page, pageSize, status, limits.Value, cancellationToken));
    }

    /// <param name="status">queued, running, succeeded, failed or cancelled; all when left out.</param>
    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="pageSize">Items per page, 1 to Limits:MaxPageSize (default 20).</param>
    public static async Task<Ok<PagedList<TrainingRunListItem>>> ListSeriesTrainingRuns(
        Guid id, IDbContextFactory<ForecastDbContext> dbFactory, IOptions<LimitsOptions> limits, CancellationToken cancellationToken,
        int page = 1, int pageSize = 20, string? status = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureSeriesAsync(db, id, cancellationToken);
        return TypedResults.Ok(await PageOfRunsAsync(db.TrainingRuns.Where(r => r.SeriesId == id), page, pageSize, status, limits.Value, cancellationToken));
    }

    /// <param name="status">queued, running, succeeded, failed or cancelled; all when left out.</param>
    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="pageSize">Items per page, 1 to Limits:MaxPageSize (default 20).</param>
    public static async Task<Ok<PagedList<TrainingRunListItem>>> ListCollectionTrainingRuns(
        Guid id, IDbContextFactory<ForecastDbContext> dbFactory, IOptions<LimitsOptions> limits, CancellationToken cancellationToken,
        int page = 1, int pageSize = 20, string? status = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureCollectionAsync(db, id, cancellationToken);
        return TypedResults.Ok(await PageOfRunsAsync(db.TrainingRuns.Where(r => r.CollectionId == id), page, pageSize, status, limits.Value, cancellationToken));
    }

    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="pageSize">Items per page, 1 to Limits:MaxPageSize (default 20).</param>
    /// <param name="method">Only the models of this method ("lstm", "ets", ...); every method's when left out.</param>
    public static async Task<Ok<PagedList<ModelListItem>>> ListModels(
        IDbContextFactory<ForecastDbContext> dbFactory, IOptions<LimitsOptions> limits, CancellationToken cancellationToken,
        int page = 1, int pageSize = 20, string? method = null)
    {
        Paging.Check(page, pageSize, limits.Value.MaxPageSize);
        var only = method is null ? null : ForecastingMethods.Find(method).Name;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Both kinds in one order: the page's ids first, over both tables, then each row read whole.
        var ids = db.Models.Where(m => only == null || m.Method == only).Select(m => new { m.Id, m.CreatedAt })
            .Concat(db.CollectionModels.Where(m => only == null || m.Method == only).Select(m => new { m.Id, m.CreatedAt }));
        var total = await ids.CountAsync(cancellationToken);
        var pageIds = await ids.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).Select(m => m.Id).ToListAsync(cancellationToken);
        var items = (await SeriesModelItemsAsync(db.Models.Where(m => pageIds.Contains(m.Id)), cancellationToken))
            .Concat(await CollectionModelItemsAsync(db.CollectionModels.Where(m => pageIds.Contains(m.Id)), cancellationToken))
            .OrderBy(m => pageIds.IndexOf(m.Id)).ToList();
        return TypedResults.Ok(new PagedList<ModelListItem>(items, page, pageSize, total));
    }

    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="pageSize">Items per page, 1 to Limits:MaxPageSize (default 20).</param>
    public static async Task<Ok<PagedList<ModelListItem>>> ListSeriesModels(
        Guid id, IDbContextFactory<ForecastDbContext> dbFactory, IOptions<LimitsOptions> limits, CancellationToken cancellationToken,
        int page = 1, int pageSize = 20)
    {
        Paging.Check(page, pageSize, limits.Value.MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureSeriesAsync(db, id, cancellationToken);
        var models = db.Models.Where(m => m.SeriesId == id);
        var items = await SeriesModelItemsAsync(Newest(models, m => m.CreatedAt, m => m.Id, page, pageSize), cancellationToken);
        return TypedResults.Ok(new PagedList<ModelListItem>(items, page, pageSize, await models.CountAsync(cancellationToken)));
    }

    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="pageSize">Items per page, 1 to Limits:MaxPageSize (default 20).</param>
    public static async Task<Ok<PagedList<ModelListItem>>> ListCollectionModels(
        Guid id, IDbContextFactory<ForecastDbContext> dbFactory, IOptions<LimitsOptions> limits, CancellationToken cancellationToken,
        int page = 1, int pageSize = 20)
    {
        Paging.Check(page, pageSize, limits.Value.MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureCollectionAsync(db, id, cancellationToken);
        var models = db.CollectionModels.Where(m => m.CollectionId == id);
        var items = await CollectionModelItemsAsync(Newest(models, m => m.CreatedAt, m => m.Id, page, pageSize), cancellationToken);
        return TypedResults.Ok(new PagedList<ModelListItem>(items, page, pageSize, await models.CountAsync(cancellationToken)));
    }

    private static async Task<PagedList<TrainingRunListItem>> PageOfRunsAsync(
        IQueryable<TrainingRunEntity> runs, int page, int pageSize, string? status, LimitsOptions limits, CancellationToken cancellationToken)
    {
        Paging.Check(page, pageSize, limits.MaxPageSize);
        if (status is not null)
        {
            var wanted = ParseStatus(status);
            runs = runs.Where(r => r.Status == wanted);
        }
        var rows = await Newest(runs, r => r.CreatedAt, r => r.Id, page, pageSize).AsNoTracking().ToListAsync(cancellationToken);
        var items = rows.Select(r => new TrainingRunListItem(r.Id, r.SeriesId, r.CollectionId, r.Status, r.Epoch, Runs.RunPace.Of(r).TotalEpochs,
            r.ModelId, r.CreatedAt, r.FinishedAt)).ToList();
        return new PagedList<TrainingRunListItem>(items, page, pageSize, await runs.CountAsync(cancellationToken));
    }

    private static IQueryable<T> Newest<T>(IQueryable<T> rows, System.Linq.Expressions.Expression<Func<T, DateTime>> createdAt,
        System.Linq.Expressions.Expression<Func<T, Guid>> id, int page, int pageSize) =>
        rows.OrderByDescending(createdAt).ThenByDescending(id).Skip((page - 1) * pageSize).Take(pageSize);

    private static async Task<List<ModelListItem>> SeriesModelItemsAsync(IQueryable<ModelEntity> models, CancellationToken cancellationToken) =>
        // The weights are left in the database: a list needs the evaluation only.
        (await models.AsNoTracking().Select(m => new { m.Id, m.RunId, m.SeriesId, m.Method, m.Hyperparameters, m.Evaluation, m.CreatedAt }).ToListAsync(cancellationToken))
            .Select(m => new ModelListItem(m.Id, m.RunId, m.SeriesId, null, m.Method, m.Hyperparameters.TestSize, m.Evaluation.MultiStep.Metrics.Mase, m.CreatedAt))
            .ToList();

    private static async Task<List<ModelListItem>> CollectionModelItemsAsync(IQueryable<CollectionModelEntity> models, CancellationToken cancellationToken) =>
        (await models.AsNoTracking().Select(m => new { m.Id, m.RunId, m.CollectionId, m.Method, m.Hyperparameters, m.Accuracy, m.CreatedAt }).ToListAsync(cancellationToken))
            .Select(m => new ModelListItem(m.Id, m.RunId, null, m.CollectionId, m.Method, m.Hyperparameters.TestSize, m.Accuracy.Model.Mase, m.CreatedAt))
            .ToList();

    private static TrainingRunStatus ParseStatus(string status) =>
        Enum.TryParse<TrainingRunStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _)
            ? parsed
            : throw new DomainValidationException(
                $"status is one of {string.Join(", ", Enum.GetNames<TrainingRunStatus>().Select(n => n.ToLowerInvariant()))}; got '{status}'.", "status");

    private static async Task EnsureSeriesAsync(ForecastDbContext db, Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Series.AnyAsync(s => s.Id == id, cancellationToken))
        {
            throw new NotFoundException("Series", id);
        }
    }

    private static async Task EnsureCollectionAsync(ForecastDbContext db, Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Collections.AnyAsync(c => c.Id == id, cancellationToken))
        {
            throw new NotFoundException("Collection", id);
        }
    }
}
