using Forecast.Training.Collections;
using Forecast.Training.Methods;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Persistence;

/// <summary>
/// Rebuilds a stored collection model through the methods' registry: a global network from its artifact, a statistical
/// method from every member's fit, kept on the member's evaluation row, and the ensemble from both.
/// </summary>
public static class CollectionModelFits
{
    public static async Task<ICollectionForecaster> RestoreAsync(ForecastDbContext db, CollectionModelEntity model, CancellationToken cancellationToken) =>
        ForecastingMethods.RestoreCollection(model.Stored(ForecastingMethods.FitsMembers(model.Method) ? Fits(await Query(db, model.Id).ToListAsync(cancellationToken)) : null));

    public static ICollectionForecaster Restore(ForecastDbContext db, CollectionModelEntity model) =>
        ForecastingMethods.RestoreCollection(model.Stored(ForecastingMethods.FitsMembers(model.Method) ? Fits([.. Query(db, model.Id)]) : null));

    private sealed record Row(string Key, System.Text.Json.JsonElement? Fit);

    private static IQueryable<Row> Query(ForecastDbContext db, Guid modelId) =>
        db.MemberEvaluations.AsNoTracking().Where(m => m.ModelId == modelId).OrderBy(m => m.Key).Select(m => new Row(m.Key, m.Fit));

    /// <exception cref="InvalidOperationException">A member stored without its fit: the model cannot be rebuilt.</exception>
    private static List<MemberFit> Fits(List<Row> rows) =>
        rows.Select(r => new MemberFit(r.Key, r.Fit ?? throw new InvalidOperationException($"Member '{r.Key}' of a collection model that fits its members was stored without its fit."))).ToList();
}
