using Forecast.Api.Configuration;
using Forecast.Api.Contracts;
using Forecast.Api.Models;
using Forecast.Api.Persistence;
using Forecast.Domain;
using Forecast.Training.Evaluation;
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
            .WithSummary("Model metadata, hyperparameters, test-tail metrics and baselines")
            .ProducesProblem(StatusCodes.Status404NotFound);
        models.MapGet("/{id:guid}/evaluation", GetEvaluation).WithName(nameof(GetEvaluation))
            .WithSummary("The held-out test tail: actual beside one-step, multi-step and baseline forecasts, with metrics")
            .ProducesProblem(StatusCodes.Status404NotFound);
        models.MapGet("/{id:guid}/forecast", GetForecast).WithName(nameof(GetForecast))
            .WithSummary("Forecast the periods after the end of the series (recursive multi-step)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Ok<ModelResponse>> GetModel(Guid id, ModelCache cache, CancellationToken cancellationToken)
    {
        var model = (await cache.GetAsync(id, cancellationToken)).Entity;
        var evaluation = model.Evaluation;
        return TypedResults.Ok(new ModelResponse(model.Id, model.RunId, model.SeriesId, model.Hyperparameters,
            model.Artifact.TorchSharpVersion, model.TrainingSeconds, model.EpochsRun, model.BestEpoch, evaluation.Actual.Count, evaluation.MultiStep.Metrics, evaluation.OneStep.Metrics,
            BaselineMetricsOf(evaluation), evaluation.SeasonalPeriod, evaluation.SkillVsSeasonalNaive, evaluation.BeatsSeasonalNaive,
            model.CreatedAt));
    }

    public static async Task<Ok<EvaluationResponse>> GetEvaluation(
        Guid id, ModelCache cache, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var model = (await cache.GetAsync(id, cancellationToken)).Entity;
        var series = await LoadSeriesAsync(dbFactory, model.SeriesId, cancellationToken);
        var e = model.Evaluation;
        var points = Enumerable.Range(0, e.Actual.Count).Select(i => new EvaluationPoint(
            series.TimestampAt(e.ForecastOrigin + i), e.Actual[i], e.OneStep.Predicted[i], e.MultiStep.Predicted[i],
            e.Baselines.Naive.Predicted[i], e.Baselines.SeasonalNaive.Predicted[i], e.Baselines.Drift.Predicted[i])).ToList();
        return TypedResults.Ok(new EvaluationResponse(model.Id, series.TimestampAt(e.ForecastOrigin), points,
            e.MultiStep.Metrics, e.OneStep.Metrics, BaselineMetricsOf(e), e.SeasonalPeriod, e.SkillVsSeasonalNaive, e.BeatsSeasonalNaive));
    }

    public static async Task<Ok<ForecastResponse>> GetForecast(
        Guid id, ModelCache cache, IDbContextFactory<ForecastDbContext> dbFactory, IOptions<LimitsOptions> limits,
        CancellationToken cancellationToken, int horizon = 12)
    {
        if (horizon < 1 || horizon > limits.Value.MaxHorizon)
        {
            throw new DomainValidationException($"horizon must be between 1 and {limits.Value.MaxHorizon}; got {horizon}.", "horizon");
        }
        var model = await cache.GetAsync(id, cancellationToken);
        var series = await LoadSeriesAsync(dbFactory, model.Entity.SeriesId, cancellationToken);
        var values = model.Network.PredictRecursive(series.Values, horizon);
        var timestamps = series.FutureTimestamps(horizon);
        var points = values.Select((v, i) => new ForecastPoint(timestamps[i], v)).ToList();
        return TypedResults.Ok(new ForecastResponse(id, horizon, points));
    }

    private static BaselineMetrics BaselineMetricsOf(ModelEvaluation e) =>
        new(e.Baselines.Naive.Metrics, e.Baselines.SeasonalNaive.Metrics, e.Baselines.Drift.Metrics);

    private static async Task<Domain.Series.RegularSeries> LoadSeriesAsync(
        IDbContextFactory<ForecastDbContext> dbFactory, Guid seriesId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seriesId, cancellationToken)
            ?? throw new NotFoundException("Series", seriesId);
        return entity.ToDomain();
    }
}
