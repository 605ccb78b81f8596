using Forecast.Api.Configuration;
using Forecast.Api.Contracts;
using Forecast.Api.Idempotency;
using Forecast.Api.Models;
using Forecast.Api.Persistence;
using Forecast.Api.Registry;
using Forecast.Api.Series;
using Forecast.Domain;
using Forecast.Domain.Runs;
using Forecast.Domain.Registry;
using Forecast.Domain.Series;
using Forecast.Training.Intervals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Apis;

public static class SeriesApi
{
    public static IEndpointRouteBuilder MapSeriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/series").WithTags("Series");

        api.MapPost("/", CreateSeries)
            .WithName(nameof(CreateSeries))
            .WithSummary("Upload a series as JSON, as a text/csv body, or as a multipart field 'file'")
            .Accepts<CreateSeriesRequest>("application/json", "text/csv", "multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIdempotencyKey();
        api.MapPost("/{id:guid}/observations", AppendObservations)
            .WithName(nameof(AppendObservations))
            .WithSummary("Add observations after the series' end (or at its periods: the same value is a no-op, another is refused unless revise=true), as JSON, a text/csv body or a multipart field 'file'; one transaction, and the series' version goes up")
            .Accepts<AppendObservationsRequest>("application/json", "text/csv", "multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIdempotencyKey();
        api.MapGet("/{id:guid}/anomalies", ListAnomalies)
            .WithName(nameof(ListAnomalies))
            .WithSummary("The observations outside a model's one-step prediction interval at a level, from its test tail on, with a score; the model named by modelId, else production, else the newest")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/", ListSeries).WithName(nameof(ListSeries)).WithSummary("List series, newest first, a page at a time");
        api.MapGet("/{id:guid}", GetSeries).WithName(nameof(GetSeries)).WithSummary("Read a series with summary statistics")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id:guid}", DeleteSeries).WithName(nameof(DeleteSeries))
            .WithSummary("Delete a series with its runs and models; refused (409) while a run on it is queued or running")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <param name="name">CSV and multipart uploads: the series' name (default: the file's name, or "series").</param>
    /// <param name="frequency">CSV and multipart uploads: minutes1, minutes5, minutes10, minutes15, minutes30, hourly, daily, weekly, monthly, quarterly or yearly; inferred from the timestamps when left out.</param>
    /// <param name="fillPolicy">CSV and multipart uploads: what to do with missing periods: interpolate (default), forwardFill or refuse.</param>
    /// <param name="holidays">CSV and multipart uploads: the country (ISO 3166-1 alpha-2) whose public holidays make the series' holiday covariate.</param>
    /// <param name="holidayRegion">CSV and multipart uploads: the region of that country whose holidays it follows (a state, province, canton or part).</param>
    /// <param name="calendarFeatures">CSV and multipart uploads: calendar features to regress on, separated by commas: dayOfWeek, hourOfDay, month, weekOfYear.</param>
    /// <param name="pastOnly">CSV and multipart uploads: the covariate columns known only as they happen (a measured temperature), separated by commas; the others are known ahead.</param>
    public static async Task<Created<SeriesResponse>> CreateSeries(
        HttpRequest request, SeriesUploadReader reader, IDbContextFactory<ForecastDbContext> dbFactory,
        TimeProvider clock, CancellationToken cancellationToken, string? name = null, string? frequency = null, string? fillPolicy = null,
        string? holidays = null, string? holidayRegion = null, string? calendarFeatures = null, string? pastOnly = null)
    {
        var upload = await reader.ReadAsync(request, new CsvUploadSettings(name, frequency, fillPolicy, holidays, holidayRegion, calendarFeatures, pastOnly), cancellationToken);
        var series = upload.Built.Series;
        var entity = new SeriesEntity
        {
            Id = Guid.CreateVersion7(),
            Name = upload.Name,
            Start = series.Start,
            Frequency = series.Frequency,
            Count = series.Count,
            Values = ValueCodec.Encode(series.Values),
            FillPolicy = upload.Built.Policy,
            Covariates = CovariateCodec.Encode(upload.Covariates),
            Calendar = CalendarCodec.Encode(upload.Calendar),
            FilledGaps = upload.Built.FilledGaps.ToList(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Series.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/series/{entity.Id}", ToResponse(entity, includeValues: false));
    }

    /// <param name="revise">Replace stored observations that the append carries with other values (default false: refused, 409).</param>
    public static async Task<Ok<ObservationsResponse>> AppendObservations(
        Guid id, HttpRequest request, ObservationsReader reader, ObservationStore store, CancellationToken cancellationToken, bool revise = false)
    {
        var batch = await reader.ReadAsync(request, cancellationToken);
        return TypedResults.Ok(ToResponse(id, await store.AppendAsync(id, batch, revise, cancellationToken)));
    }

    public static ObservationsResponse ToResponse(Guid seriesId, StoredAppend stored)
    {
        var (appended, series) = (stored.Appended, stored.Appended.Series);
        var frequency = series.Frequency;
        return new ObservationsResponse(seriesId, stored.Version, series.Count, series.Format(series.End), appended.Appended, appended.Unchanged,
            frequency.Format(appended.Supplied), frequency.Format(appended.Revised), frequency.Format(appended.NewlyFilled), Describe(series, stored.Covariates, includeValues: false));
    }

    /// <param name="modelId">
    /// The model whose intervals judge the observations: one of this series' (a member's: one of its collection's global models);
    /// default the production alias, else the newest.
    /// </param>
    /// <param name="level">The interval's level in percent, 50..99.9 (default 99).</param>
    public static async Task<Ok<AnomaliesResponse>> ListAnomalies(
        Guid id, SeriesAnomalies anomalies, CancellationToken cancellationToken, Guid? modelId = null, double level = 99)
    {
        IntervalLevels.Of([level]);
        var report = await anomalies.FindAsync(id, modelId, level, from: null, cancellationToken);
        var points = report.Found.Select(a => AnomalyPoint.Of(a, report.Series)).ToList();
        return TypedResults.Ok(new AnomaliesResponse(id, report.ModelId, report.SeriesVersion, level, report.Series.Format(report.Series.TimestampAt(report.CheckedFrom)), points));
    }

    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="pageSize">Items per page, 1 to Limits:MaxPageSize (default 20).</param>
    public static async Task<Ok<PagedList<SeriesListItem>>> ListSeries(
        IDbContextFactory<ForecastDbContext> dbFactory, IOptions<LimitsOptions> limits, CancellationToken cancellationToken,
        int page = 1, int pageSize = 20)
    {
        Paging.Check(page, pageSize, limits.Value.MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Members are listed under their collection, which may hold thousands.
        var standalone = db.Series.Where(s => s.CollectionId == null);
        var total = await standalone.CountAsync(cancellationToken);
        var items = await standalone.AsNoTracking()
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(s => new { s.Id, s.Name, s.Frequency, s.Start, s.Count, s.CreatedAt })
            .ToListAsync(cancellationToken);
        var listed = items
            .Select(s => new SeriesListItem(s.Id, s.Name, s.Frequency, s.Frequency.Format(s.Start), s.Frequency.Format(s.Frequency.Advance(s.Start, s.Count - 1)), s.Count, s.CreatedAt))
            .ToList();
        return TypedResults.Ok(new PagedList<SeriesListItem>(listed, page, pageSize, total));
    }

    /// <param name="includeValues">Include the series' values and each covariate's, its known future too (default false).</param>
    public static async Task<Ok<SeriesResponse>> GetSeries(
        Guid id, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken, bool includeValues = false)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException("Series", id);
        return TypedResults.Ok(ToResponse(entity, includeValues));
    }

    public static async Task<NoContent> DeleteSeries(
        Guid id, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Series.FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException("Series", id);
        if (entity.CollectionId is { } collection)
        {
            throw new ConflictException($"Series '{id}' is member '{entity.Key}' of collection '{collection}'; delete the collection instead.");
        }
        var open = await db.TrainingRuns.CountAsync(
            r => r.SeriesId == id && RunLifecycle.Open.Contains(r.Status), cancellationToken);
        if (open > 0)
        {
            throw new ConflictException($"Series '{id}' has {open} queued or running training run(s); cancel them first.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AliasStore.ForgetSubjectAsync(db, id, cancellationToken);
        db.Series.Remove(entity);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static SeriesResponse ToResponse(SeriesEntity entity, bool includeValues)
    {
        var series = entity.ToDomain();
        var values = series.Values;
        var mean = values.Average();
        var variance = values.Count > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1) : 0;
        var covariates = Describe(series, CovariateCodec.Decode(entity.Covariates), includeValues);
        return new SeriesResponse(entity.Id, entity.Name, entity.Frequency, series.Format(series.Start), series.Format(series.End), entity.Count,
            entity.FillPolicy, entity.Frequency.Format(entity.FilledGaps), new SeriesStatistics(mean, Math.Sqrt(variance), values.Min(), values.Max()),
            covariates, entity.CreatedAt, entity.Version, includeValues ? values : null, entity.CollectionId, entity.Key, CalendarResponse.Of(CalendarCodec.Decode(entity.Calendar)));
    }

    private static List<SeriesCovariate> Describe(RegularSeries series, Covariates covariates, bool includeValues) =>
        [.. covariates.Columns.Select(c => new SeriesCovariate(c.Name, series.Format(series.TimestampAt(c.Values.Count - 1)), Math.Max(0, c.Values.Count - series.Count),
            includeValues ? c.Values : null, c.PastOnly))];
}
