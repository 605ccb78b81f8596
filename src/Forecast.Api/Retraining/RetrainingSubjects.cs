using Forecast.Api.Persistence;
using Forecast.Api.Registry;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Retraining;

/// <summary>What a policy belongs to (a series or a collection, as an alias does), and how much data it has.</summary>
public static class RetrainingSubjects
{
    public static AliasSubject Of(RetrainingPolicyEntity policy) => policy.SeriesId is { } seriesId
        ? new AliasSubject(AliasSubjectKind.Series, seriesId, policy.OwnerKeyId)
        : new AliasSubject(AliasSubjectKind.Collection, policy.CollectionId!.Value, policy.OwnerKeyId);

    /// <summary>The series' points, or the collection's members' together: what afterObservations counts.</summary>
    public static Task<int> PointsAsync(ForecastDbContext db, AliasSubject subject, CancellationToken cancellationToken) =>
        subject.Kind == AliasSubjectKind.Series
            ? db.Series.Where(s => s.Id == subject.Id).Select(s => s.Count).FirstOrDefaultAsync(cancellationToken)
            : db.Series.Where(s => s.CollectionId == subject.Id).SumAsync(s => s.Count, cancellationToken);
}
