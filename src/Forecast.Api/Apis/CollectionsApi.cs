using Forecast.Api.Collections;
using Forecast.Api.Configuration;
using Forecast.Api.Contracts;
using Forecast.Api.Idempotency;
using Forecast.Api.Persistence;
using Forecast.Api.Series;
using Forecast.Api.Registry;
using Forecast.Domain;
using Forecast.Domain.Calendars;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Apis;

public static class CollectionsApi
{
    public static IEndpointRouteBuilder MapCollectionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/collections").WithTags("Collections");

        api.MapPost("/", CreateCollection)
            .WithName(nameof(CreateCollection))
            .WithSummary("Upload many series at once: JSON, a long text/csv body (series,date,value), or a multipart field 'file'")
            .Accepts<CreateCollectionRequest>("application/json", "text/csv", "multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIdempotencyKey();
        api.MapPost("/{id:guid}/observations", AppendCollectionObservations)
            .WithName(nameof(AppendCollectionObservations))
            .WithSummary("Add observations to many members at once, as a long CSV (series,date,value), JSON {series: [{key, values, timestamps}]} or a multipart field 'file'; each member as a series takes them, in one transaction")
            .Accepts<AppendCollectionObservationsRequest>("application/json", "text/csv", "multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIdempotencyKey();
        api.MapGet("/", ListCollections).WithName(nameof(ListCollections)).WithSummary("List collections, newest first, a page at a time");
        api.MapGet("/{id:guid}", GetCollection).WithName(nameof(GetCollection))
            .WithSummary("Read a collection: its frequency, how many members, their lengths and dates, the gaps filled")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}/series", ListMembers).WithName(nameof(ListMembers))
            .WithSummary("List a collection's members by key, a page at a time; each is a series at /api/series/{id}")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id:guid}", DeleteCollection).WithName(nameof(DeleteCollection))
            .WithSummary("Delete a collection with its members, its runs and models and theirs; refused (409) while a run on it or a member is queued or running")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <param name="revise">Replace stored observations that the append carries with other values (default false: refused, 409).</param>
    /// <param name="idColumn">CSV: the member id column, when it is not called series, id, unique_id or key.</param>
    public static async Task<Ok<CollectionObservationsResponse>> AppendCollectionObservations(
        Guid id, HttpRequest request, ObservationsReader reader, ObservationStore store, CancellationToken cancellationToken,
        bool revise = false, string? idColumn = null)
    {
        var batch = await reader.ReadMembersAsync(request, idColumn, cancellationToken);
        var stored = await store.AppendAsync(id, batch, revise, cancellationToken);
        var members = stored.Members.Select(m => new MemberObservationsResponse(m.Member.Key!, SeriesApi.ToResponse(m.Member.Id, m.Append))).ToList();
        return TypedResults.Ok(new CollectionObservationsResponse(id, stored.Version, members));
    }

    /// <param name="name">CSV and multipart uploads: the collection's name (default: the file's name, or "collection").</param>
    /// <param name="idColumn">CSV and multipart uploads: the column holding the member keys (default: the one called series, id, unique_id or key).</param>
    /// <param name="frequency">CSV and multipart uploads: minutes1, minutes5, minutes10, minutes15, minutes30, hourly, daily, weekly, monthly, quarterly or yearly; inferred from the timestamps when left out.</param>
    /// <param name="fillPolicy">CSV and multipart uploads: what to do with each member's missing periods: interpolate (default), forwardFill or refuse.</param>
    /// <param name="holidays">CSV and multipart uploads: the country (ISO 3166-1 alpha-2) whose public holidays make every member's holiday covariate.</param>
    /// <param name="holidayRegion">CSV and multipart uploads: the region of that country whose holidays the members follow.</param>
    /// <param name="calendarFeatures">CSV and multipart uploads: calendar features every member regresses on, separated by commas: dayOfWeek, hourOfDay, month, weekOfYear.</param>
    /// <param name="pastOnly">CSV and multipart uploads: the covariate columns known only as they happen, separated by commas; the others are known ahead.</param>
    public static async Task<Created<CollectionResponse>> CreateCollection(
        HttpRequest request, CollectionUploadReader reader, IDbContextFactory<ForecastDbContext> dbFactory, TimeProvider clock,
        CancellationToken cancellationToken, string? name = null, string? idColumn = null, string? frequency = null, string? fillPolicy = null,
        string? holidays = null, string? holidayRegion = null, string? calendarFeatures = null, string? pastOnly = null)
    {
        var upload = await reader.ReadAsync(request,
            new CollectionCsvSettings(name, idColumn, frequency, fillPolicy, holidays, holidayRegion, calendarFeatures, pastOnly), cancellationToken);
        var calendar = CalendarCodec.Encode(upload.Calendar);
        var now = clock.GetUtcNow().UtcDateTime;
        var collection = new CollectionEntity
        {
            Id = Guid.CreateVersion7(),
            Name = upload.Name,
            Frequency = upload.Built.Frequency,
            FillPolicy = upload.Policy,
            CreatedAt = now,
        };
        var members = upload.Built.Members.Select(member => new SeriesEntity
        {
            Id = Guid.CreateVersion7(),
            Name = member.Key,
            Key = member.Key,
            CollectionId = collection.Id,
            Start = member.Built.Series.Start,
            Frequency = member.Built.Series.Frequency,
            Count = member.Built.Series.Count,
            Values = ValueCodec.Encode(member.Built.Series.Values),
            Covariates = CovariateCodec.Encode(member.Covariates),
            // Each member keeps the calendar, so that it is read through SeriesEntity.CovariatesToDomain as a series' is.
            Calendar = calendar,
            FillPolicy = upload.Policy,
            FilledGaps = member.Built.FilledGaps.ToList(),
            CreatedAt = now,
        }).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One SaveChanges: the collection and all its members are stored together or not at all.
        db.Collections.Add(collection);
        db.Series.AddRange(members);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/collections/{collection.Id}", ToResponse(collection, members.Select(Summary).ToList(), upload.Calendar));
    }

    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="pageSize">Items per page, 1 to Limits:MaxPageSize (default 20).</param>
    public static async Task<Ok<PagedList<CollectionListItem>>> ListCollections(
        IDbContextFactory<ForecastDbContext> dbFactory, IOptions<LimitsOptions> limits, CancellationToken cancellationToken,
        int page = 1, int pageSize = 20)
    {
        Paging.Check(page, pageSize, limits.Value.MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var total = await db.Collections.CountAsync(cancellationToken);
        var items = await db.Collections.AsNoTracking()
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new CollectionListItem(c.Id, c.Name, c.Frequency, db.Series.Count(s => s.CollectionId == c.Id), c.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<CollectionListItem>(items, page, pageSize, total));
    }

    public static async Task<Ok<CollectionResponse>> GetCollection(
        Guid id, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var collection = await FindAsync(db, id, cancellationToken);
        var members = await db.Series.AsNoTracking().Where(s => s.CollectionId == id)
            .Select(s => new MemberSummary(s.Id, s.Key!, s.Start, s.Frequency, s.Count, s.FilledGaps))
            .ToListAsync(cancellationToken);
        // Every member was stored with the collection's calendar (CreateCollection), so any one of them holds it.
        var calendar = await db.Series.Where(s => s.CollectionId == id).Select(s => s.Calendar).FirstAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(collection, members, CalendarCodec.Decode(calendar)));
    }

    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="pageSize">Items per page, 1 to Limits:MaxPageSize (default 20).</param>
    public static async Task<Ok<PagedList<CollectionMemberItem>>> ListMembers(
        Guid id, IDbContextFactory<ForecastDbContext> dbFactory, IOptions<LimitsOptions> limits, CancellationToken cancellationToken,
        int page = 1, int pageSize = 20)
    {
        Paging.Check(page, pageSize, limits.Value.MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await FindAsync(db, id, cancellationToken);
        var members = db.Series.AsNoTracking().Where(s => s.CollectionId == id);
        var total = await members.CountAsync(cancellationToken);
        var items = await members.OrderBy(s => s.Key)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(s => new { s.Id, s.Key, s.Start, s.Frequency, s.Count })
            .ToListAsync(cancellationToken);
        var listed = items.Select(s => new CollectionMemberItem(s.Id, s.Key!, s.Frequency.Format(s.Start), s.Frequency.Format(s.Frequency.Advance(s.Start, s.Count - 1)), s.Count)).ToList();
        return TypedResults.Ok(new PagedList<CollectionMemberItem>(listed, page, pageSize, total));
    }

    public static async Task<NoContent> DeleteCollection(
        Guid id, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var collection = await FindAsync(db, id, cancellationToken);
        var open = await db.TrainingRuns.CountAsync(
            r => (r.CollectionId == id || db.Series.Any(s => s.Id == r.SeriesId && s.CollectionId == id)) && RunLifecycle.Open.Contains(r.Status),
            cancellationToken);
        if (open > 0)
        {
            throw new ConflictException($"Collection '{id}' has {open} queued or running training run(s) on it or its members; cancel them first.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AliasStore.ForgetSubjectAsync(db, id, cancellationToken);
        db.Collections.Remove(collection);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<CollectionEntity> FindAsync(ForecastDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Collections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("Collection", id);

    private sealed record MemberSummary(Guid Id, string Key, DateTime Start, Frequency Frequency, int Count, List<DateTime> FilledGaps)
    {
        public DateTime End => Frequency.Advance(Start, Count - 1);
    }

    private static MemberSummary Summary(SeriesEntity member) =>
        new(member.Id, member.Key!, member.Start, member.Frequency, member.Count, member.FilledGaps);

    private static CollectionResponse ToResponse(CollectionEntity collection, IReadOnlyList<MemberSummary> members, SeriesCalendar calendar)
    {
        var gaps = members.Where(m => m.FilledGaps.Count > 0).OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new MemberGaps(m.Key, m.Id, m.Frequency.Format(m.FilledGaps))).ToList();
        return new CollectionResponse(collection.Id, collection.Name, collection.Frequency, members.Count, members.Sum(m => (long)m.Count),
            MemberLengths.Of(members.Select(m => m.Count)),
            collection.Frequency.Format(members.Min(m => m.Start)), collection.Frequency.Format(members.Max(m => m.End)),
            collection.FillPolicy, gaps, collection.CreatedAt, CalendarResponse.Of(calendar));
    }
}
