using Forecast.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Models;

/// <summary>Where a member's test tail began when a global model scored it: the member may have grown since.</summary>
public static class MemberTestOrigins
{
    public static Task<int> OfAsync(ForecastDbContext db, Guid modelId, string key, CancellationToken cancellationToken) =>
        db.MemberEvaluations.Where(m => m.ModelId == modelId && m.Key == key).Select(m => m.ForecastOrigin).FirstAsync(cancellationToken);
}
