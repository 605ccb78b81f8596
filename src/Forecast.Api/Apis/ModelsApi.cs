using System.Diagnostics;
using Forecast.Api.Configuration;
using Forecast.Api.Contracts;
using Forecast.Api.Models;
using Forecast.Api.Persistence;
using Forecast.Api.Registry;
using Forecast.Api.Series;
using Forecast.Api.Telemetry;
using Forecast.Domain;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Series;
using Forecast.Training.Collections;
using Forecast.Training.Evaluation;
using Forecast.Training.Intervals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Apis;

public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/api/models").WithTags("Models");
        models.MapGet("/{id:guid}", GetModel).WithName(nameof(GetModel))
            .WithSummary("Model metadata, hyperparameters, test-tail metrics and baselines; for a collection's global model, the collection's accuracy over its members")
            .ProducesProblem(StatusCodes.Status404NotFound);
        models.MapGet("/{id:guid}/evaluation", GetEvaluation).WithName(nameof(GetEvaluation))
            .WithConditionalReads()
            .WithSummary("The held-out test tail: actual beside one-step, multi-step and baseline forecasts, with metrics")
            .ProducesProblem(StatusCodes.Status404NotFound);
        models.MapGet("/{id:guid}/forecast", GetForecast).WithName(nameof(GetForecast))
            .WithConditionalReads()
            .WithSummary("Forecast the periods after the end of the series (recursive multi-step), with conformal prediction intervals per requested level; a collection's model forecasts the member named by series")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        models.MapPost("/{id:guid}/forecast", PostForecast).WithName(nameof(PostForecast))
            .WithSummary("Forecast a series' model as GET .../forecast does, with future values of its covariates given in the body for this forecast alone")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        models.MapGet("/{id:guid}/accuracy", GetLiveAccuracy).WithName(nameof(GetLiveAccuracy))
            .WithSummary("Live accuracy of a series' model as its series grows: MASE and sMAPE of its multi-step forecast from every origin since its test tail began, on the actuals that arrived, beside seasonal naive's; per origin and per horizon step")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        models.MapPost("/{id:guid}/backtests", CreateBacktest).WithName(nameof(CreateBacktest))
            .WithSummary("Backtest a model without refitting: windows origins step periods apart, the last at the test tail's origin, each scored beside seasonal naive, drift and Theta (a collection's model: every member from its own origins, the collection's accuracy per window beside naive, seasonal naive, Naive2 and Theta); stored with the model")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        models.MapDelete("/{id:guid}", DeleteModel).WithName(nameof(DeleteModel))
            .WithSummary("Delete a model; its training run stays, with no model id; refused (409) while an alias points at it")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Ok<Backtest>, Ok<CollectionBacktest>>> CreateBacktest(
        Guid id, BacktestRequest request, ModelCache cache, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken)
    {
        if (request.Refit)
        {
            throw new UnprocessableException(
                "refit trains a model per window; ask for it in a training run's backtest, where the cost ceiling counts each training.", "refit");
        }
        var loaded = await cache.GetAnyAsync(id, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Results<Ok<Backtest>, Ok<CollectionBacktest>> stored = loaded is LoadedCollectionModel collection
            ? TypedResults.Ok(await StoreBacktestAsync(db, collection, request, cancellationToken))
            : TypedResults.Ok(await StoreBacktestAsync(db, (LoadedModel)loaded, request, cancellationToken));
        // The cached entity still holds the previous backtest.
        cache.Remove(id);
        return stored;
    }

    private static async Task<Backtest> StoreBacktestAsync(ForecastDbContext db, LoadedModel model, BacktestRequest request, CancellationToken cancellationToken)
    {
        var e = model.Entity.Evaluation;
        var backtest = model.Backtest(request.Origins(e.ForecastOrigin, e.Actual.Count, model.Model.FirstPredictable), request.Step ?? e.Actual.Count);
        await db.Models.Where(m => m.Id == model.Entity.Id).ExecuteUpdateAsync(set => set.SetProperty(m => m.Backtest, backtest), cancellationToken);
        return backtest;
    }

    private static async Task<CollectionBacktest> StoreBacktestAsync(
        ForecastDbContext db, LoadedCollectionModel model, BacktestRequest request, CancellationToken cancellationToken)
    {
        var id = model.Entity.Id;
        var testOrigins = await db.MemberEvaluations.Where(m => m.ModelId == id).Select(m => new { m.Key, m.ForecastOrigin })
            .ToDictionaryAsync(m => m.Key, m => m.ForecastOrigin, StringComparer.Ordinal, cancellationToken);
        var backtest = model.Backtest(request, testOrigins);
        await db.CollectionModels.Where(m => m.Id == id).ExecuteUpdateAsync(set => set.SetProperty(m => m.Backtest, backtest), cancellationToken);
        return backtest;
    }

    public static async Task<NoContent> DeleteModel(
        Guid id, ModelCache cache, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AliasStore.EnsureNotHeldAsync(db, id, cancellationToken);
        // A collection's model takes its members' evaluations with it (cascade).
        var deleted = await db.Models.Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken)
            + await db.CollectionModels.Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw new NotFoundException("Model", id);
        }
        await db.TrainingRuns.Where(r => r.ModelId == id)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ModelId, (Guid?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        cache.Remove(id);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ModelResponse>, Ok<CollectionModelResponse>>> GetModel(
        Guid id, ModelCache cache, CancellationToken cancellationToken) =>
        await cache.GetAnyAsync(id, cancellationToken) switch
        {
            LoadedCollectionModel collection => TypedResults.Ok(CollectionModelsApi.ToResponse(collection)),
            var single => TypedResults.Ok(ToResponse(((LoadedModel)single).Entity)),
        };

    private static ModelResponse ToResponse(ModelEntity model)
    {
        var evaluation = model.Evaluation;
        return new ModelResponse(model.Id, model.RunId, model.SeriesId, model.Method, model.Hyperparameters,
            model.Artifact?.Transform.ToString(), model.Artifact?.TorchSharpVersion, model.TrainingSeconds, model.EpochsRun, model.BestEpoch,
            model.StoppedEarly,
            evaluation.Actual.Count, evaluation.MultiStep.Metrics, evaluation.OneStep.Metrics,
            BaselineMetricsOf(evaluation), evaluation.SeasonalPeriod, evaluation.SkillVsSeasonalNaive, evaluation.BeatsSeasonalNaive,
            evaluation.Coverage, model.Backtest, model.CreatedAt);
    }

    public static async Task<Results<Ok<EvaluationResponse>, StatusCodeHttpResult>> GetEvaluation(
        Guid id, HttpContext context, ModelCache cache, CancellationToken cancellationToken)
    {
        var loaded = await cache.GetAsync(id, cancellationToken);
        var (model, series) = (loaded.Entity, loaded.Series);
        // Only a backtest, stored later, changes what a model's evaluation answers.
        var backtest = model.Backtest;
        if (EntityTags.IsFresh(context, $"evaluation:{id}:{backtest?.Step}:{backtest?.Refit}:{string.Join(',', backtest?.Windows.Select(w => w.Origin) ?? [])}"))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var e = model.Evaluation;
        var points = Enumerable.Range(0, e.Actual.Count).Select(i => new EvaluationPoint(
            series.Format(series.TimestampAt(e.ForecastOrigin + i)), e.Actual[i], e.OneStep.Predicted[i], e.MultiStep.Predicted[i],
            e.Baselines.Naive.Predicted[i], e.Baselines.SeasonalNaive.Predicted[i], e.Baselines.Drift.Predicted[i],
            e.MultiStepIntervals[i])).ToList();
        return TypedResults.Ok(new EvaluationResponse(model.Id, series.Format(series.TimestampAt(e.ForecastOrigin)), points,
            e.MultiStep.Metrics, e.OneStep.Metrics, BaselineMetricsOf(e), e.SeasonalPeriod, e.SkillVsSeasonalNaive, e.BeatsSeasonalNaive,
            e.Coverage, model.Backtest));
    }

    /// <param name="horizon">Periods to forecast after the end of the series (default 12).</param>
    /// <param name="level">Prediction interval levels in percent, repeatable (<c>level=80&amp;level=95</c>), each in 50..99.9.</param>
    /// <param name="series">For a collection's global model: the key of the member to forecast (required there, refused otherwise).</param>
    /// <param name="origin">
    /// The first period to forecast (on the series' grid: a date, or for hourly and minute series an ISO 8601 date-time, its
    /// offset's + written %2B), seeing only the observations before it: what the model
    /// would have said then. Default: the period after the series' newest observation.
    /// </param>
    public static async Task<Results<Ok<ForecastResponse>, StatusCodeHttpResult>> GetForecast(
        Guid id, HttpContext context, ModelCache cache, IOptions<LimitsOptions> limits, ForecastMetrics metrics, CancellationToken cancellationToken,
        int horizon = 12, double[]? level = null, string? series = null, string? origin = null)
    {
        var started = Stopwatch.GetTimestamp();
        var originTimestamp = TimestampText.ParseOne(origin, "origin");
        // Horizon and levels are checked before the model is loaded: bad ones are refused without rebuilding a network.
        var levels = CheckForecastRequest(horizon, level, limits.Value);
        var loaded = await cache.GetAnyAsync(id, cancellationToken);
        if (loaded is LoadedCollectionModel collection)
        {
            if (EntityTags.IsFresh(context, $"forecast:{id}:{collection.CollectionVersion}:{horizon}:{string.Join(',', levels.Values)}:{series}:{origin}"))
            {
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }
            var member = CollectionModelsApi.ForecastMember(collection, series, originTimestamp, horizon, levels);
            metrics.ForecastServed("member", Stopwatch.GetElapsedTime(started));
            return TypedResults.Ok(member);
        }
        if (series is not null)
        {
            throw new DomainValidationException($"series names a member of a collection; model '{id}' is a series' model, forecast without it.", "series");
        }
        var model = (LoadedModel)loaded;
        // One version of a series and one model give the same forecast to the same question, whichever route asked it.
        if (EntityTags.IsFresh(context, $"forecast:{id}:{model.SeriesVersion}:{horizon}:{string.Join(',', levels.Values)}:{origin}"))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var response = ForecastOf(model, originTimestamp, horizon, levels, future: null);
        metrics.ForecastServed("series", Stopwatch.GetElapsedTime(started));
        return TypedResults.Ok(response);
    }

    public static async Task<Ok<ForecastResponse>> PostForecast(
        Guid id, ForecastRequest request, ModelCache cache, IOptions<LimitsOptions> limits, ForecastMetrics metrics, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var originTimestamp = TimestampText.ParseOne(request.Origin, "origin");
        var horizon = request.Horizon ?? 12;
        var levels = CheckForecastRequest(horizon, request.Level, limits.Value);
        var future = FutureCovariates(request.Covariates, limits.Value);
        var response = ForecastOf(await cache.GetAsync(id, cancellationToken), originTimestamp, horizon, levels, future);
        metrics.ForecastServed("series", Stopwatch.GetElapsedTime(started));
        return TypedResults.Ok(response);
    }

    private static ForecastResponse ForecastOf(LoadedModel model, DateTime? origin, int horizon, IntervalLevels levels, IReadOnlyList<Covariate>? future)
    {
        var from = model.OriginIndex(origin);
        var series = model.Series;
        var points = model.Forecast(from, horizon, levels, future)
            .Select((step, i) => new ForecastPoint(series.Format(series.TimestampAt(from + i)), step.Value, step.Intervals)).ToList();
        return new ForecastResponse(model.Entity.Id, horizon, series.Format(series.TimestampAt(from)), model.SeriesVersion, points);
    }

    /// <summary>A request's covariate values, each within Limits:MaxHorizon values and Limits:MaxAbsoluteValue.</summary>
    private static List<Covariate> FutureCovariates(Dictionary<string, double[]>? given, LimitsOptions limits) =>
        [.. (given ?? []).Select(pair =>
        {
            var values = pair.Value ?? throw new DomainValidationException($"covariates.{pair.Key} must be an array of numbers.", "covariates");
            if (values.Length > limits.MaxHorizon)
            {
                throw new DomainValidationException(
                    $"covariates.{pair.Key} has {values.Length} values; a forecast reaches at most {limits.MaxHorizon} periods (Limits:MaxHorizon).", "covariates");
            }
            ValueMagnitudes.Check(values, limits.MaxAbsoluteValue, prefix: $"Covariate '{pair.Key}': ");
            return new Covariate(pair.Key, values);
        })];

    /// <param name="horizon">Steps forecast from each origin (default the model's test size).</param>
    /// <param name="series">For a collection's global model: the key of the member to measure (required there, refused otherwise).</param>
    public static async Task<Ok<LiveAccuracyResponse>> GetLiveAccuracy(
        Guid id, ModelCache cache, IDbContextFactory<ForecastDbContext> dbFactory, IOptions<LimitsOptions> limits, CancellationToken cancellationToken,
        int? horizon = null, string? series = null)
    {
        var loaded = await cache.GetAnyAsync(id, cancellationToken);
        if (loaded is LoadedCollectionModel collection)
        {
            var member = CollectionModelsApi.MemberNamed(collection, series);
            var steps = CheckLiveHorizon(horizon ?? collection.Entity.Hyperparameters.TestSize, limits.Value);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var testOrigin = await MemberTestOrigins.OfAsync(db, id, member.Key, cancellationToken);
            return TypedResults.Ok(LiveAccuracyResponseOf(id, member.Series, member.SeriesVersion, steps, collection.LiveAccuracy(member, testOrigin, steps), member.Key));
        }
        if (series is not null)
        {
            throw new DomainValidationException($"series names a member of a collection; model '{id}' is a series' model, measure it without it.", "series");
        }
        var model = (LoadedModel)loaded;
        var horizonSteps = CheckLiveHorizon(horizon ?? model.Entity.Evaluation.Actual.Count, limits.Value);
        return TypedResults.Ok(LiveAccuracyResponseOf(id, model.Series, model.SeriesVersion, horizonSteps, model.LiveAccuracy(horizonSteps), key: null));
    }

    private static int CheckLiveHorizon(int horizon, LimitsOptions limits)
    {
        CheckForecastRequest(horizon, null, limits);
        return horizon;
    }

    private static LiveAccuracyResponse LiveAccuracyResponseOf(Guid id, Domain.Series.RegularSeries series, int version, int horizon, LiveAccuracy live, string? key)
    {
        var origins = live.Origins.Select(o => new LiveAccuracyOrigin(series.Format(series.TimestampAt(o.Origin)), o.Points, o.Model, o.SeasonalNaive)).ToList();
        return new LiveAccuracyResponse(id, version, horizon, origins[0].Origin, origins, live.Steps,
            live.MeanMase, live.MeanSeasonalNaiveMase, live.MeanSmape, live.MeanSeasonalNaiveSmape, key);
    }

    /// <summary>The horizon within its limit, and the interval levels, checked.</summary>
    public static IntervalLevels CheckForecastRequest(int horizon, double[]? level, LimitsOptions limits)
    {
        if (horizon < 1 || horizon > limits.MaxHorizon)
        {
            throw new DomainValidationException($"horizon must be between 1 and {limits.MaxHorizon}; got {horizon}.", "horizon");
        }
        return IntervalLevels.Of(level);
    }

    private static BaselineMetrics BaselineMetricsOf(ModelEvaluation e) =>
        new(e.Baselines.Naive.Metrics, e.Baselines.SeasonalNaive.Metrics, e.Baselines.Drift.Metrics);
}
