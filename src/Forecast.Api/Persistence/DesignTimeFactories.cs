using Forecast.Api.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Forecast.Api.Persistence;

// For `dotnet ef migrations add <Name> --context ForecastDbContext` (SQLite) and `--context PostgreSqlForecastDbContext`
// `--output-dir Persistence/Migrations/PostgreSql`: migrations are written from the model alone, so neither needs a
// server, and each provider keeps its own history. Every model change needs a migration for both.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<ForecastDbContext>
{
    public ForecastDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<ForecastDbContext>().UseSqlite(PersistenceExtensions.DefaultConnectionString).Options,
        DesignTimeCaller.Instance);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlForecastDbContext>
{
    public PostgreSqlForecastDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgreSqlForecastDbContext>().UseNpgsql("Host=localhost;Database=forecast").Options,
        DesignTimeCaller.Instance);
}

internal sealed class DesignTimeCaller : ICallerContext
{
    public static readonly DesignTimeCaller Instance = new();

    public bool SeesAll => true;

    public Guid? OwnerId => null;
}
