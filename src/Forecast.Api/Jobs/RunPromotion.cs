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
    public void AfterSeriesRun(TrainingRunEntity run, ModelEntity model, RegularSeries series)
    {
        var e = model.Evaluation;
        Carry(run, new AliasSubject(AliasSubjectKind.Series, run.SeriesId!.Value, run.OwnerKeyId), model.Id, e.MultiStep.Metrics.Mase, e.Actual.Count,
            holderId =>
            {
                using var db = dbFactory.CreateDbContext();
                var holder = db.Models.AsNoTracking().First(m => m.Id == holderId);
                using var network = new LstmModel(holder.Artifact);
                return ModelEvaluator.ScoreMultiStep(network, series.Values, e.ForecastOrigin, e.Actual.Count, e.SeasonalPeriod).Mase;
            });
    }

    public void AfterCollectionRun(TrainingRunEntity run, CollectionModelEntity model, IReadOnlyList<GlobalMember> members)
    {
        var testSize = model.Hyperparameters.TestSize;
        Carry(run, new AliasSubject(AliasSubjectKind.Collection, run.CollectionId!.Value, run.OwnerKeyId), model.Id, model.Accuracy.Model.Mase, testSize,
            holderId =>
            {
                using var db = dbFactory.CreateDbContext();
                var holder = db.CollectionModels.AsNoTracking().First(m => m.Id == holderId);
                using var network = new GlobalModel(holder.Artifact);
                return CollectionEvaluator.Evaluate(network, members, testSize).Accuracy.Model.Mase;
            });
    }

    /// <param name="points">The test tail's length: the points both models are scored on.</param>
    /// <param name="holderMase">The holder's MASE on the candidate's test tail.</param>
    private void Carry(TrainingRunEntity run, AliasSubject subject, Guid modelId, double? candidateMase, int points, Func<Guid, double?> holderMase)
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
            var decision = PromotionDecision.Decide(promotion, candidateMase, holder, holder is { } id ? holderMase(id) : null, points);
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
