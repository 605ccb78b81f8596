using Forecast.Api.Security;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Persistence;

/// <summary>The service's data on PostgreSQL: <see cref="ForecastDbContext"/>'s model, with migrations of its own.</summary>
public sealed class PostgreSqlForecastDbContext(DbContextOptions<PostgreSqlForecastDbContext> options, ICallerContext caller)
    : ForecastDbContext(options, caller);

/// <summary>Makes PostgreSQL contexts wherever the service asks for a <see cref="ForecastDbContext"/>.</summary>
internal sealed class PostgreSqlForecastDbContextFactory(DbContextOptions<PostgreSqlForecastDbContext> options, ICallerContext caller)
    : IDbContextFactory<ForecastDbContext>
{
    public ForecastDbContext CreateDbContext() => new PostgreSqlForecastDbContext(options, caller);
}

