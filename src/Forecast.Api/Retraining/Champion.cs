using Forecast.Api.Persistence;
using Forecast.Api.Registry;
using Forecast.Domain.Runs;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Retraining;

/// <summary>The model a policy's alias points at: what its runs are judged against, and by default what they train.</summary>
/// <param name="HasNetwork">Whether it holds network weights a run may start from.</param>
/// <param name="TestMase">Its multi-step MASE on its test tail (a collection's: the mean over members).</param>
public sealed record Champion(Guid ModelId, Hyperparameters Hyperparameters, bool HasNetwork, double? TestMase)
{
    /// <returns>Null when the alias does not exist.</returns>
    public static async Task<Champion?> FindAsync(ForecastDbContext db, AliasSubject subject, string alias, CancellationToken cancellationToken)
    {
        var modelId = await db.Aliases.Where(a => a.SubjectId == subject.Id && a.Name == alias).Select(a => (Guid?)a.ModelId).FirstOrDefaultAsync(cancellationToken);
        if (modelId is not { } id)
        {
            return null;
        }
        if (subject.Kind == AliasSubjectKind.Series)
        {
            var model = await db.Models.AsNoTracking().Where(m => m.Id == id)
                .Select(m => new { m.Hyperparameters, HasNetwork = m.Artifact != null, m.Evaluation }).FirstAsync(cancellationToken);
            return new Champion(id, model.Hyperparameters, model.HasNetwork, model.Evaluation.MultiStep.Metrics.Mase);
        }
        var global = await db.CollectionModels.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.Hyperparameters, HasNetwork = m.Artifact != null, m.Accuracy }).FirstAsync(cancellationToken);
        return new Champion(id, global.Hyperparameters, global.HasNetwork, global.Accuracy.Model.Mase);
    }
}
