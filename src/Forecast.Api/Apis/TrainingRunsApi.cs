using Forecast.Api.Contracts;
using Forecast.Api.Idempotency;
using Forecast.Api.Persistence;
using Forecast.Api.RateLimiting;
using Forecast.Api.Runs;
using Forecast.Api.Security;
using Forecast.Domain;
using Forecast.Domain.Runs;
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
        [FromRoute(Name = "id")] Guid seriesId, [FromBody] TrainingRunRequest? request, RunSubmission submission, ICallerContext caller,
        CancellationToken cancellationToken)
    {
        var queued = await submission.QueueForSeriesAsync(seriesId, request ?? new TrainingRunRequest(), RunSubmitter.Caller(caller), cancellationToken);
        return TypedResults.Accepted($"/api/training-runs/{queued.Run.Id}", ToResponse(queued.Run, queued.QueuePosition));
    }

    public static async Task<Accepted<TrainingRunResponse>> CreateCollectionTrainingRun(
        [FromRoute(Name = "id")] Guid collectionId, [FromBody] TrainingRunRequest? request, RunSubmission submission, ICallerContext caller,
        CancellationToken cancellationToken)
    {
        var queued = await submission.QueueForCollectionAsync(collectionId, request ?? new TrainingRunRequest(), RunSubmitter.Caller(caller), cancellationToken);
        return TypedResults.Accepted($"/api/training-runs/{queued.Run.Id}", ToResponse(queued.Run, queued.QueuePosition));
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
        var (_, _, shape) = await CollectionShapes.LoadAsync(db, collectionId, cancellationToken);
        return TypedResults.Ok(DefaultsOf(resolver, resolver.ResolveForCollection(DefaultsRequest, shape, () => 0)));
    }

    // Every field left out but the seed, which is drawn only when a run is asked for: the choices then do not name one.
    private static readonly HyperparameterRequest DefaultsRequest = new(Seed: 0);

    private static HyperparameterDefaultsResponse DefaultsOf(HyperparameterResolver resolver, ResolvedHyperparameters resolved)
    {
        var hp = resolved.Hyperparameters;
        var defaults = new HyperparameterRequest(hp.Lookback, hp.HiddenSize, hp.Layers, hp.Dropout, hp.Epochs, hp.BatchSize, hp.LearningRate,
            hp.ValidationFraction, hp.TestSize, Seed: null, hp.EarlyStoppingPatience ?? 0, hp.Transform.ToString(), hp.SeasonalPeriod,
            hp.EnsembleSize, hp.WindowsPerEpoch, SeasonalPeriods: hp.SeasonalPeriods);
        return new HyperparameterDefaultsResponse(defaults, resolver.Ranges, resolved.Choices);
    }

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
            run.CancelRequested, run.Attempts, run.ResumedFromEpoch, run.ModelId, outcome, run.Promotion, run.PromotionOutcome, run.WarmStartFrom,
            run.RetrainingPolicyId, run.Error, run.CreatedAt,
            run.StartedAt, run.FinishedAt);
    }
}
