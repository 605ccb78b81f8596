using Forecast.Api.Persistence;
using Forecast.Api.Registry;
using Forecast.Api.Runs;
using Forecast.Domain.Registry;
using Forecast.Domain.Series;
using Forecast.Training.Collections;
using Forecast.Training.Evaluation;
using Forecast.Training.Methods;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Jobs;

/// <summary>
/// Decides a trained run's promotion before its model is stored: whether the alias it names moves to the new model,
/// on merit when asked (the current holder is scored on the new model's test tail, the newest points, without
/// refitting), and why. <see cref="RunStore"/> carries the plan out as the run succeeds; a comparison that fails
/// leaves the alias where it is, with the reason.
/// </summary>
public sealed class RunPromotion(IDbContextFactory<ForecastDbContext> dbFactory, AliasStore aliases, ILogger<RunPromotion> logger)
{
    /// <remarks>
    /// With a backtest the comparison is the mean MASE over its windows, the holder forecasting from the same origins
    /// without refitting; otherwise both are scored on the new model's test tail.
    /// </remarks>
    /// <returns>Null when the run asked for no promotion.</returns>
    /// <param name="covariates">The series' covariates, which a holder fitted with them forecasts with.</param>
    public PlannedPromotion? PlanForSeries(TrainingRunEntity run, ModelEntity model, RegularSeries series, Covariates covariates)
    {
        var e = model.Evaluation;
        var subject = new AliasSubject(AliasSubjectKind.Series, run.SeriesId!.Value, run.OwnerKeyId);
        if (model.Backtest is { } backtest)
        {
            var origins = backtest.Windows.Select(w => w.Origin).ToList();
            return Plan(run, subject, backtest.MeanMase, PromotionDecision.OverWindows(origins.Count, e.Actual.Count), holderId =>
            {
                var holder = LoadSeriesModel(holderId);
                using var _ = holder as IDisposable;
                return Backtest.Run(holder, series.Values, covariates, origins, e.Actual.Count, e.SeasonalPeriod, backtest.Step).MeanMase;
            });
        }
        return Plan(run, subject, e.MultiStep.Metrics.Mase, PromotionDecision.OnLastPoints(e.Actual.Count), holderId =>
        {
            var holder = LoadSeriesModel(holderId);
            using var _ = holder as IDisposable;
            return ModelEvaluator.ScoreMultiStep(holder, series.Values, covariates, e.ForecastOrigin, e.Actual.Count, e.SeasonalPeriod).Mase;
        });
    }

    /// <remarks>
    /// As for a series: with a backtest the comparison is the mean over its windows of the collection's mean MASE, the
    /// holder forecasting from the same origins without refitting; otherwise both are scored on every member's test tail.
    /// </remarks>
    /// <returns>Null when the run asked for no promotion.</returns>
    public PlannedPromotion? PlanForCollection(TrainingRunEntity run, CollectionModelEntity model, IReadOnlyList<GlobalMember> members)
    {
        var testSize = model.Hyperparameters.TestSize;
        var subject = new AliasSubject(AliasSubjectKind.Collection, run.CollectionId!.Value, run.OwnerKeyId);
        if (model.Backtest is { } backtest)
        {
            var periodsBefore = backtest.Windows.Select(w => w.PeriodsBeforeTestTail).ToList();
            return Plan(run, subject, backtest.MeanMase, PromotionDecision.OverWindows(periodsBefore.Count, testSize), holderId =>
            {
                using var holder = LoadCollectionModel(holderId);
                return CollectionBacktest.Run(holder, members, testSize, periodsBefore, backtest.Step).MeanMase;
            });
        }
        return Plan(run, subject, model.Accuracy.Model.Mase, PromotionDecision.OnLastPoints(testSize), holderId =>
        {
            using var holder = LoadCollectionModel(holderId);
            return CollectionEvaluator.Evaluate(holder, members, testSize).Accuracy.Model.Mase;
        });
    }

    /// <summary>A collection's model of any method, rebuilt.</summary>
    private ICollectionForecaster LoadCollectionModel(Guid modelId)
    {
        using var db = dbFactory.CreateDbContext();
        return CollectionModelFits.Restore(db, db.CollectionModels.AsNoTracking().First(m => m.Id == modelId));
    }

    /// <summary>A series' model of any method, rebuilt; a network's is disposable.</summary>
    private IFittedForecaster LoadSeriesModel(Guid modelId)
    {
        using var db = dbFactory.CreateDbContext();
        return ForecastingMethods.Restore(db.Models.AsNoTracking().First(m => m.Id == modelId).Stored);
    }

    /// <param name="basis">What both models are scored on, in words.</param>
    /// <param name="holderMase">The holder's MASE on the same basis.</param>
    private PlannedPromotion? Plan(TrainingRunEntity run, AliasSubject subject, double? candidateMase, string basis, Func<Guid, double?> holderMase)
    {
        if (run.Promotion is not { } promotion)
        {
            return null;
        }
        AliasEntity? holder = null;
        try
        {
            // The job is synchronous (it keeps training on its low-priority thread); the alias store serves handlers too.
            holder = aliases.CurrentAsync(subject, promotion.Alias, CancellationToken.None).GetAwaiter().GetResult();
            var held = holder?.ModelId;
            return new PlannedPromotion(subject, promotion.Alias, holder,
                PromotionDecision.Decide(promotion, candidateMase, held, held is { } id ? holderMase(id) : null, basis));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The promotion of run {RunId} failed", run.Id);
            return new PlannedPromotion(subject, promotion.Alias, holder,
                new PromotionDecision(false, $"the promotion failed, the alias was not moved: {e.Message}"));
        }
    }
}
