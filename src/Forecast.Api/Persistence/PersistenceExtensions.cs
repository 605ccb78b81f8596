using Forecast.Api.Security;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Persistence;

public static class PersistenceExtensions
{
    /// <summary>A SQLite file under the working directory.</summary>
    public const string DefaultConnectionString = "Data Source=data/forecast.db";

    /// <summary>EF Core on SQLite; the connection string is <c>ConnectionStrings:Forecast</c>.</summary>
    public static IHostApplicationBuilder AddForecastPersistence(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Forecast") ?? DefaultConnectionString;
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<ICallerContext, HttpCallerContext>();
        builder.Services.AddDbContextFactory<ForecastDbContext, ForecastDbContextFactory>(options => options.UseSqlite(connectionString));
        builder.Services.AddHealthChecks().AddDbContextCheck<ForecastDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>Applies pending migrations; creates the database file's folder first.</summary>
    public static async Task MigrateForecastDatabaseAsync(this IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ForecastDbContext>>().CreateDbContextAsync();
        if (db.Database.GetDbConnection().DataSource is { Length: > 0 } file && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        await db.Database.MigrateAsync();
        // Write-ahead logging lets the API read while a training job writes its progress. A locked
        // database is retried by Microsoft.Data.Sqlite for the command timeout (30 s) before failing.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
