using Forecast.Api.Security;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Persistence;

/// <summary>Makes contexts that filter for the current caller (see <see cref="ICallerContext"/>).</summary>
internal sealed class ForecastDbContextFactory(DbContextOptions<ForecastDbContext> options, ICallerContext caller)
    : IDbContextFactory<ForecastDbContext>
{
    public ForecastDbContext CreateDbContext() => new(options, caller);
}
