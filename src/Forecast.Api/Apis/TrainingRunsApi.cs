using Forecast.Api.Admission;
using Forecast.Api.Contracts;
using Forecast.Api.Idempotency;
using Forecast.Api.Persistence;
using Forecast.Api.RateLimiting;
using Forecast.Api.Runs;
using Forecast.Domain;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Registry;
using Forecast.Domain.Runs;
using Forecast.Training.Methods;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Apis;

public static class TrainingRunsApi
{
    public static IEndpointRouteBuilder MapTrainingRunsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/series/{id:guid}/training-runs", CreateTrainingRun)
            .WithTags("Training runs")
            .WithName(nameof(CreateTrainingRun))
            .WithSummary("Queue an LSTM training run on a series; every hyperparameter is optional")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitingExtensions.TrainingPolicy)
            .WithIdempotencyKey();

        app.MapPost("/api/collections/{id:guid}/training-runs", CreateCollectionTrainingRun)
            .WithTags("Training runs")
            .WithName(nameof(CreateCollectionTrainingRun))
            .WithSummary("Queue a run on a collection: one global LSTM trained on every member (the default), or a statistical method fitted to each member on its own (method); every field is optional, with defaults measured for collections")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitingExtensions.TrainingPolicy)
            .WithIdempotencyKey();

        app.MapGet("/api/series/{seriesId:guid}/hyperparameters", GetSeriesHyperparameters)
            .WithTags("Training runs")
            .WithName(nameof(GetSeriesHyperparameters))
            .WithSummary("The hyperparameters a run on this series gets for every field left out, and the range each accepts: what a training form shows")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        app.MapGet("/api/collections/{collectionId:guid}/hyperparameters", GetCollectionHyperparameters)
            .WithTags("Training runs")
            .WithName(nameof(GetCollectionHyperparameters))
            .WithSummary("The hyperparameters a global run on this collection gets for every field left out, and the range each accepts")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var runs = app.MapGroup("/api/training-runs").WithTags("Training runs");
        runs.MapGet("/{id:guid}", GetTrainingRun).WithName(nameof(GetTrainingRun))
            .WithSummary("Status, progress, hyperparameters and, once it succeeded, the model id")
            .ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapGet("/{id:guid}/loss-curve", GetLossCurve).WithName(nameof(GetLossCurve))
            .WithConditionalReads()
            .WithSummary("Training and validation loss per epoch (MSE on the scaled series); grows while the run trains")
            .ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapGet("/{id:guid}/events", StreamTrainingRunEvents).WithName(nameof(StreamTrainingRunEvents))
            .WithSummary("Server-sent events: the status, then an 'epoch' event per epoch (id = epoch; Last-Event-ID resumes after it), a 'status' event per change and a final 'finished' event with the model id, after which the stream ends")
            .Produces(StatusCodes.Status200OK, contentType: RunEventsResult.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        runs.MapPost("/{id:guid}/cancel", CancelTrainingRun).WithName(nameof(CancelTrainingRun))
            .WithSummary("Cancel a queued or running run; a running one stops within one epoch and stores no model")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Accepted<TrainingRunResponse>> CreateTrainingRun(
        [FromRoute(Name = "id")] Guid seriesId, [FromBody] TrainingRunRequest? request,
        IDbContextFactory<ForecastDbContext> dbFactory, HyperparameterResolver resolver, RunAdmission admission, RunStore store,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var series = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seriesId, cancellationToken)
            ?? throw new NotFoundException("Series", seriesId);
        request ??= new TrainingRunRequest();
        var domain = series.ToDomain();
        var warmStart = await WarmStarts.SourceAsync(db, request.WarmStartFrom, request.Method, cancellationToken);
        request = warmStart?.Fill(request) ?? request;
        var resolved = resolver.ResolveRun(request, domain, () => Random.Shared.Next());
        warmStart?.Check(resolved.Hyperparameters);
        var windows = request.Backtest is { } backtest ? resolver.CheckBacktest(backtest, request, resolved.Hyperparameters, domain).Count : 0;
        await admission.CheckAsync(db, resolved.Hyperparameters, series.Count, cancellationToken, Trainings(request.Backtest, windows));
        var run = NewRun(resolved, request, series.OwnerKeyId, clock, warmStart);
        run.SeriesId = seriesId;
        await store.QueueAsync(run, cancellationToken);
        return TypedResults.Accepted($"/api/training-runs/{run.Id}", ToResponse(run, await RunReads.QueuePositionAsync(db, run, cancellationToken)));
    }

    public static async Task<Accepted<TrainingRunResponse>> CreateCollectionTrainingRun(
        [FromRoute(Name = "id")] Guid collectionId, [FromBody] TrainingRunRequest? request,
        IDbContextFactory<ForecastDbContext> dbFactory, HyperparameterResolver resolver, RunAdmission admission, RunStore store,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (collection, lengths, shape) = await LoadCollectionAsync(db, collectionId, cancellationToken);
        request ??= new TrainingRunRequest();
        var warmStart = await WarmStarts.CollectionSourceAsync(db, request.WarmStartFrom, request.Method, cancellationToken);
        request = warmStart?.Fill(request) ?? request;
        var resolved = resolver.ResolveCollectionRun(request, shape, () => Random.Shared.Next());
        warmStart?.Check(resolved.Hyperparameters);
        var windows = request.Backtest is { } backtest ? resolver.CheckCollectionBacktest(backtest, request, resolved.Hyperparameters, shape).Count : 0;
        await admission.CheckCollectionAsync(db, resolved.Hyperparameters, lengths, cancellationToken, Trainings(request.Backtest, windows));
        var run = NewRun(resolved, request, collection.OwnerKeyId, clock, warmStart);
        run.CollectionId = collectionId;
        await store.QueueAsync(run, cancellationToken);
        return TypedResults.Accepted($"/api/training-runs/{run.Id}", ToResponse(run, await RunReads.QueuePositionAsync(db, run, cancellationToken)));
    }

    /// <summary>Models a run trains: its own, and with a refitted backtest one per earlier window.</summary>
    private static int Trainings(BacktestRequest? backtest, int windows) => backtest?.Refit == true ? windows : 1;

    /// <summary>The collection, its members' lengths and the shape its runs are resolved against.</summary>
    private static async Task<(CollectionEntity Collection, List<int> Lengths, CollectionShape Shape)> LoadCollectionAsync(
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

    public static async Task<Ok<HyperparameterDefaultsResponse>> GetSeriesHyperparameters(
        Guid seriesId, IDbContextFactory<ForecastDbContext> dbFactory, HyperparameterResolver resolver, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var series = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seriesId, cancellationToken)
            ?? throw new NotFoundException("Series", seriesId);
        return TypedResults.Ok(DefaultsOf(resolver, resolver.Resolve(DefaultsRequest, series.ToDomain(), () => 0)));
    }

    public static async Task<Ok<HyperparameterDefaultsResponse>> GetCollectionHyperparameters(
        Guid collectionId, IDbContextFactory<ForecastDbContext> dbFactory, HyperparameterResolver resolver, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (_, _, shape) = await LoadCollectionAsync(db, collectionId, cancellationToken);
        return TypedResults.Ok(DefaultsOf(resolver, resolver.ResolveForCollection(DefaultsRequest, shape, () => 0)));
    }

    // Every field left out but the seed, which is drawn only when a run is asked for: the choices then do not name one.
    private static readonly HyperparameterRequest DefaultsRequest = new(Seed: 0);

    private static HyperparameterDefaultsResponse DefaultsOf(HyperparameterResolver resolver, ResolvedHyperparameters resolved)
    {
        var hp = resolved.Hyperparameters;
        var defaults = new HyperparameterRequest(hp.Lookback, hp.HiddenSize, hp.Layers, hp.Dropout, hp.Epochs, hp.BatchSize, hp.LearningRate,
            hp.ValidationFraction, hp.TestSize, Seed: null, hp.EarlyStoppingPatience ?? 0, hp.Transform.ToString(), hp.SeasonalPeriod,
            hp.EnsembleSize, hp.WindowsPerEpoch);
        return new HyperparameterDefaultsResponse(defaults, resolver.Ranges, resolved.Choices);
    }

    private static TrainingRunEntity NewRun(
        ResolvedHyperparameters resolved, TrainingRunRequest request, Guid ownerKeyId, TimeProvider clock, WarmStartSource? warmStart) => new()
    {
        Id = Guid.CreateVersion7(),
        OwnerKeyId = ownerKeyId,
        Hyperparameters = resolved.Hyperparameters,
        Choices = warmStart is null ? [.. resolved.Choices] : [.. resolved.Choices, warmStart.Explain()],
        Promotion = request.Promote is { } promote ? promote with { Alias = AliasName.Check(promote.Alias) } : null,
        Backtest = request.Backtest,
        WarmStartFrom = warmStart?.ModelId,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
    };

    public static async Task<Ok<TrainingRunResponse>> GetTrainingRun(Guid id, RunReads reads, CancellationToken cancellationToken)
    {
        var (run, queuePosition, outcome) = await reads.StatusAsync(id, cancellationToken);
        return TypedResults.Ok(ToResponse(run, queuePosition, outcome));
    }

    public static async Task<Results<Ok<IReadOnlyList<LossPoint>>, StatusCodeHttpResult>> GetLossCurve(
        Guid id, HttpContext context, RunReads reads, CancellationToken cancellationToken)
    {
        var curve = await reads.LossCurveAsync(id, cancellationToken);
        return EntityTags.IsFresh(context, curve.Tag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(curve.Points);
    }

    /// <param name="lastEventId">The id of the last event received (an epoch); the stream resumes after it.</param>
    public static async Task<RunEventsResult> StreamTrainingRunEvents(
        Guid id, IDbContextFactory<ForecastDbContext> dbFactory, RunFollower follower, EventStreamSlots slots, CancellationToken cancellationToken,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventId = null)
    {
        var afterEpoch = lastEventId is null ? 0
            : int.TryParse(lastEventId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var epoch) ? epoch
            : throw new DomainValidationException($"Last-Event-ID is the number of the last epoch received; got '{lastEventId}'.", "Last-Event-ID");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.TrainingRuns.AnyAsync(r => r.Id == id, cancellationToken))
        {
            throw new NotFoundException("Training run", id);
        }
        return new RunEventsResult(follower.FollowAsync(id, afterEpoch, cancellationToken), await slots.TakeForCallerAsync(cancellationToken));
    }

    public static async Task<Accepted<TrainingRunResponse>> CancelTrainingRun(Guid id, RunStore store, CancellationToken cancellationToken)
    {
        var run = await store.CancelAsync(id, cancellationToken);
        return TypedResults.Accepted($"/api/training-runs/{id}", ToResponse(run, queuePosition: null));
    }


    private static TrainingRunResponse ToResponse(TrainingRunEntity run, int? queuePosition, TrainingOutcome? outcome = null)
    {
        var pace = RunPace.Of(run);
        var progress = new RunProgress(run.Epoch, pace.TotalEpochs, pace.Percent(run.Epoch), pace.EtaSeconds, run.TrainLoss, run.ValidationLoss, queuePosition);
        return new TrainingRunResponse(run.Id, run.SeriesId, run.CollectionId, run.Status, progress, run.Hyperparameters, run.Choices,
            run.CancelRequested, run.Attempts, run.ResumedFromEpoch, run.ModelId, outcome, run.Promotion, run.PromotionOutcome, run.WarmStartFrom, run.Error, run.CreatedAt,
            run.StartedAt, run.FinishedAt);
    }
}
