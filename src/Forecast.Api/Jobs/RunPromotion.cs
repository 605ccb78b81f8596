using Forecast.Api.Persistence;
using Forecast.Api.Registry;
using Forecast.Api.Runs;
using Forecast.Domain.Registry;
using Forecast.Domain.Series;
using Forecast.Training.Collections;
using Forecast.Training.Evaluation;
using Forecast.Training.Lstm;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Jobs;

/// <summary>
/// Carries out a succeeded run's promotion: the alias it names moves to the run's model, on merit when asked (the
/// current holder is scored on the new model's test tail, the newest points, without refitting), and the run records
/// why it moved or not. The model is stored first, so a promotion that fails leaves a succeeded run with the reason.
/// </summary>
public sealed class RunPromotion(IDbContextFactory<ForecastDbContext> dbFactory, AliasStore aliases, RunStore store, ILogger<RunPromotion> logger)
{
    /// <remarks>
    /// With a backtest the comparison is the mean MASE over its windows, the holder forecasting from the same origins
    /// without refitting; otherwise both are scored on the new model's test tail.
    /// </remarks>
    public void AfterSeriesRun(TrainingRunEntity run, ModelEntity model, RegularSeries series)
    {
        var e = model.Evaluation;
        var subject = new AliasSubject(AliasSubjectKind.Series, run.SeriesId!.Value, run.OwnerKeyId);
        if (model.Backtest is { } backtest)
        {
            var origins = backtest.Windows.Select(w => w.Origin).ToList();
            Carry(run, subject, model.Id, backtest.MeanMase, PromotionDecision.OverWindows(origins.Count, e.Actual.Count), holderId =>
            {
                var (network, holder) = LoadSeriesModel(holderId);
                using (network)
                {
                    return Backtest.Run(network, holder.Artifact.Calibration, series.Values, origins, e.Actual.Count, e.SeasonalPeriod, backtest.Step).MeanMase;
                }
            });
            return;
        }
        Carry(run, subject, model.Id, e.MultiStep.Metrics.Mase, PromotionDecision.OnLastPoints(e.Actual.Count), holderId =>
        {
            var (network, _) = LoadSeriesModel(holderId);
            using (network)
            {
                return ModelEvaluator.ScoreMultiStep(network, series.Values, e.ForecastOrigin, e.Actual.Count, e.SeasonalPeriod).Mase;
            }
        });
    }

    public void AfterCollectionRun(TrainingRunEntity run, CollectionModelEntity model, IReadOnlyList<GlobalMember> members)
    {
        var testSize = model.Hyperparameters.TestSize;
        Carry(run, new AliasSubject(AliasSubjectKind.Collection, run.CollectionId!.Value, run.OwnerKeyId), model.Id, model.Accuracy.Model.Mase,
            PromotionDecision.OnLastPoints(testSize),
            holderId =>
            {
                using var db = dbFactory.CreateDbContext();
                var holder = db.CollectionModels.AsNoTracking().First(m => m.Id == holderId);
                using var network = new GlobalModel(holder.Artifact);
                return CollectionEvaluator.Evaluate(network, members, testSize).Accuracy.Model.Mase;
            });
    }

    private (LstmModel Network, ModelEntity Entity) LoadSeriesModel(Guid modelId)
    {
        using var db = dbFactory.CreateDbContext();
        var entity = db.Models.AsNoTracking().First(m => m.Id == modelId);
        return (new LstmModel(entity.Artifact), entity);
    }

    /// <param name="basis">What both models are scored on, in words.</param>
    /// <param name="holderMase">The holder's MASE on the same basis.</param>
    private void Carry(TrainingRunEntity run, AliasSubject subject, Guid modelId, double? candidateMase, string basis, Func<Guid, double?> holderMase)
    {
        if (run.Promotion is not { } promotion)
        {
            return;
        }
        string outcome;
        try
        {
            // The job is synchronous (it keeps training on its low-priority thread); the alias store serves handlers too.
            var holder = aliases.HolderAsync(subject, promotion.Alias, CancellationToken.None).GetAwaiter().GetResult();
            var decision = PromotionDecision.Decide(promotion, candidateMase, holder, holder is { } id ? holderMase(id) : null, basis);
            if (decision.Moves)
            {
                aliases.MoveAsync(subject, promotion.Alias, modelId, CancellationToken.None, decision.Reason, movedBy: $"run {run.Id}").GetAwaiter().GetResult();
            }
            outcome = decision.Reason;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The promotion of run {RunId} failed", run.Id);
            outcome = $"the promotion failed, the alias was not moved: {e.Message}";
        }
        store.RecordPromotion(run.Id, outcome);
    }
}
