using Forecast.Api.Configuration;
using Forecast.Api.Contracts;
using Forecast.Api.Models;
using Forecast.Api.Persistence;
using Forecast.Api.Registry;
using Forecast.Api.Telemetry;
using Forecast.Domain;
using Forecast.Domain.Registry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Apis;

/// <summary>
/// Aliases: names such as <c>production</c> that point at one model of a series or a collection, so that a client
/// forecasts through the name while the model behind it is retrained and moved.
/// </summary>
public static class AliasesApi
{
    public static IEndpointRouteBuilder MapAliasesApi(this IEndpointRouteBuilder app)
    {
        var series = app.MapGroup("/api/series/{id:guid}").WithTags("Aliases");
        series.MapGet("/aliases", ListSeriesAliases).WithName(nameof(ListSeriesAliases))
            .WithSummary("A series' aliases and the models they point at").ProducesProblem(StatusCodes.Status404NotFound);
        series.MapGet("/aliases/{name}", GetSeriesAlias).WithName(nameof(GetSeriesAlias))
            .WithSummary("One alias with every move it made (who, when, from, to, why), newest first").ProducesProblem(StatusCodes.Status404NotFound);
        series.MapPut("/aliases/{name}", MoveSeriesAlias).WithName(nameof(MoveSeriesAlias))
            .WithSummary("Point an alias at one of the series' models (created if new); the move is atomic and kept in the history")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        series.MapDelete("/aliases/{name}", DeleteSeriesAlias).WithName(nameof(DeleteSeriesAlias))
            .WithSummary("Delete an alias; its history stays").ProducesProblem(StatusCodes.Status404NotFound);
        series.MapGet("/forecast", ForecastSeriesByAlias).WithName(nameof(ForecastSeriesByAlias))
            .WithConditionalReads()
            .WithSummary("Forecast through an alias: exactly what the model it points at answers at /api/models/{id}/forecast; without alias, production, else the newest model")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        var collections = app.MapGroup("/api/collections/{id:guid}").WithTags("Aliases");
        collections.MapGet("/aliases", ListCollectionAliases).WithName(nameof(ListCollectionAliases))
            .WithSummary("A collection's aliases and the global models they point at").ProducesProblem(StatusCodes.Status404NotFound);
        collections.MapGet("/aliases/{name}", GetCollectionAlias).WithName(nameof(GetCollectionAlias))
            .WithSummary("One alias with every move it made, newest first").ProducesProblem(StatusCodes.Status404NotFound);
        collections.MapPut("/aliases/{name}", MoveCollectionAlias).WithName(nameof(MoveCollectionAlias))
            .WithSummary("Point an alias at one of the collection's global models (created if new)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        collections.MapDelete("/aliases/{name}", DeleteCollectionAlias).WithName(nameof(DeleteCollectionAlias))
            .WithSummary("Delete an alias; its history stays").ProducesProblem(StatusCodes.Status404NotFound);
        collections.MapGet("/forecasts", ForecastCollectionByAlias).WithName(nameof(ForecastCollectionByAlias))
            .WithConditionalReads()
            .WithSummary("Every member's forecast through an alias: exactly what /api/models/{id}/forecasts answers for the model it points at")
            .Produces<CollectionForecastResponse>(contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: CollectionModelsApi.CsvContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static Task<Ok<List<AliasResponse>>> ListSeriesAliases(Guid id, AliasStore store, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken) =>
        ListAsync(AliasSubjectKind.Series, id, store, dbFactory, cancellationToken);

    public static Task<Ok<List<AliasResponse>>> ListCollectionAliases(Guid id, AliasStore store, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken) =>
        ListAsync(AliasSubjectKind.Collection, id, store, dbFactory, cancellationToken);

    public static Task<Ok<AliasResponse>> GetSeriesAlias(Guid id, string name, AliasStore store, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken) =>
        GetAsync(AliasSubjectKind.Series, id, name, store, dbFactory, cancellationToken);

    public static Task<Ok<AliasResponse>> GetCollectionAlias(Guid id, string name, AliasStore store, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken) =>
        GetAsync(AliasSubjectKind.Collection, id, name, store, dbFactory, cancellationToken);

    public static Task<Ok<AliasResponse>> MoveSeriesAlias(Guid id, string name, MoveAliasRequest body, AliasStore store, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken) =>
        MoveAsync(AliasSubjectKind.Series, id, name, body, store, dbFactory, cancellationToken);

    public static Task<Ok<AliasResponse>> MoveCollectionAlias(Guid id, string name, MoveAliasRequest body, AliasStore store, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken) =>
        MoveAsync(AliasSubjectKind.Collection, id, name, body, store, dbFactory, cancellationToken);

    public static Task<NoContent> DeleteSeriesAlias(Guid id, string name, AliasStore store, CancellationToken cancellationToken) =>
        DeleteAsync(AliasSubjectKind.Series, id, name, store, cancellationToken);

    public static Task<NoContent> DeleteCollectionAlias(Guid id, string name, AliasStore store, CancellationToken cancellationToken) =>
        DeleteAsync(AliasSubjectKind.Collection, id, name, store, cancellationToken);

    /// <param name="alias">The alias to forecast through; production, else the newest model, when left out.</param>
    /// <param name="horizon">Periods to forecast after the end of the series (default 12).</param>
    /// <param name="level">Prediction interval levels in percent, repeatable (<c>level=80&amp;level=95</c>), each in 50..99.9.</param>
    /// <param name="origin">The first period to forecast, seeing only the observations before it; default: after the newest one.</param>
    public static async Task<Results<Ok<ForecastResponse>, StatusCodeHttpResult>> ForecastSeriesByAlias(
        Guid id, HttpContext context, AliasStore store, ModelCache cache, IOptions<LimitsOptions> limits, ForecastMetrics metrics,
        CancellationToken cancellationToken, string? alias = null, int horizon = 12, double[]? level = null, string? origin = null)
    {
        var modelId = await store.ResolveAsync(await store.SubjectAsync(AliasSubjectKind.Series, id, cancellationToken), alias, cancellationToken);
        return await ModelsApi.GetForecast(modelId, context, cache, limits, metrics, cancellationToken, horizon, level, origin: origin);
    }

    /// <param name="alias">The alias to forecast through; production, else the newest model, when left out.</param>
    /// <param name="horizon">Periods to forecast after the end of each member (default 12).</param>
    /// <param name="level">Prediction interval levels in percent, repeatable (<c>level=80&amp;level=95</c>), each in 50..99.9.</param>
    public static async Task<Results<Ok<CollectionForecastResponse>, PushStreamHttpResult, StatusCodeHttpResult>> ForecastCollectionByAlias(
        Guid id, HttpRequest request, AliasStore store, ModelCache cache, IOptions<LimitsOptions> limits, ForecastMetrics metrics,
        CancellationToken cancellationToken, string? alias = null, int horizon = 12, double[]? level = null)
    {
        var modelId = await store.ResolveAsync(await store.SubjectAsync(AliasSubjectKind.Collection, id, cancellationToken), alias, cancellationToken);
        return await CollectionModelsApi.GetForecasts(modelId, request, cache, limits, metrics, cancellationToken, horizon, level);
    }

    private static async Task<Ok<List<AliasResponse>>> ListAsync(
        AliasSubjectKind kind, Guid id, AliasStore store, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var subject = await store.SubjectAsync(kind, id, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var aliases = await db.Aliases.AsNoTracking().Where(a => a.SubjectId == subject.Id).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(aliases.Select(a => new AliasResponse(a.Name, a.ModelId, a.MovedAt, [])).ToList());
    }

    private static async Task<Ok<AliasResponse>> GetAsync(
        AliasSubjectKind kind, Guid id, string name, AliasStore store, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var subject = await store.SubjectAsync(kind, id, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var alias = await db.Aliases.AsNoTracking().FirstOrDefaultAsync(a => a.SubjectId == subject.Id && a.Name == name, cancellationToken)
            ?? throw new NotFoundException("Alias", name);
        return TypedResults.Ok(await WithHistoryAsync(db, alias, cancellationToken));
    }

    private static async Task<Ok<AliasResponse>> MoveAsync(
        AliasSubjectKind kind, Guid id, string name, MoveAliasRequest body, AliasStore store, IDbContextFactory<ForecastDbContext> dbFactory,
        CancellationToken cancellationToken)
    {
        var subject = await store.SubjectAsync(kind, id, cancellationToken);
        var alias = await store.MoveAsync(subject, AliasName.Check(name), body.ModelId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return TypedResults.Ok(await WithHistoryAsync(db, alias, cancellationToken));
    }

    private static async Task<NoContent> DeleteAsync(AliasSubjectKind kind, Guid id, string name, AliasStore store, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(await store.SubjectAsync(kind, id, cancellationToken), name, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<AliasResponse> WithHistoryAsync(ForecastDbContext db, AliasEntity alias, CancellationToken cancellationToken)
    {
        var history = await db.AliasMoves.AsNoTracking().Where(m => m.SubjectId == alias.SubjectId && m.Name == alias.Name)
            .OrderByDescending(m => m.Id).Select(m => new AliasMoveItem(m.FromModelId, m.ToModelId, m.MovedBy, m.MovedAt, m.Reason))
            .ToListAsync(cancellationToken);
        return new AliasResponse(alias.Name, alias.ModelId, alias.MovedAt, history);
    }
}
