using Forecast.Api.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

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

/// <summary>
/// For <c>dotnet ef migrations add ... --context PostgreSqlForecastDbContext</c>, which needs a context but no
/// server: the migrations are written from the model alone.
/// </summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlForecastDbContext>
{
    public PostgreSqlForecastDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgreSqlForecastDbContext>().UseNpgsql("Host=localhost;Database=forecast").Options,
        new SystemCaller());

    private sealed class SystemCaller : ICallerContext
    {
        public bool SeesAll => true;
        public Guid? OwnerId => null;
    }
}
