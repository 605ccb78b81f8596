using Forecast.Api.Security;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Persistence;

public static class PersistenceExtensions
{
    /// <summary>A SQLite file under the working directory.</summary>
    public const string DefaultConnectionString = "Data Source=data/forecast.db";

    /// <summary>
    /// EF Core on SQLite (<c>Database:Provider</c> <c>Sqlite</c>, the default) or PostgreSQL (<c>PostgreSql</c>);
    /// the connection string is <c>ConnectionStrings:Forecast</c>.
    /// </summary>
    public static IHostApplicationBuilder AddForecastPersistence(this IHostApplicationBuilder builder)
    {
        var database = DatabaseSettings.From(builder.Configuration);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<DatabaseChanges>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<ICallerContext, HttpCallerContext>();
        if (database.IsPostgreSql)
        {
            builder.Services.AddSingleton(new DbContextOptionsBuilder<PostgreSqlForecastDbContext>().UseNpgsql(database.ConnectionString).Options);
            builder.Services.AddSingleton<IDbContextFactory<ForecastDbContext>, PostgreSqlForecastDbContextFactory>();
            builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<ForecastDbContext>>().CreateDbContext());
        }
        else
        {
            builder.Services.AddDbContextFactory<ForecastDbContext, ForecastDbContextFactory>(options => options.UseSqlite(database.ConnectionString).AddInterceptors(new SqliteDurability()));
        }
        builder.Services.AddHealthChecks().AddDbContextCheck<ForecastDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Applies pending migrations; for SQLite, creates the database file's folder first, then turns on write-ahead logging
    /// and opens the connection that shows the file in use for as long as the process lives.
    /// </summary>
    public static async Task MigrateForecastDatabaseAsync(this IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ForecastDbContext>>().CreateDbContextAsync();
        var sqlite = db.Database.IsSqlite();
        if (sqlite && db.Database.GetDbConnection().DataSource is { Length: > 0 } file && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        await db.Database.MigrateAsync();
        if (sqlite)
        {
            // Write-ahead logging lets the API read while a training job writes its progress. A locked
            // database is retried by Microsoft.Data.Sqlite for the command timeout (30 s) before failing.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            // Opens the connection DatabaseChanges keeps for the life of the process. Having read in WAL mode, it holds
            // a shared lock on the file until the process ends, which is how the restore command knows the database is
            // in use (SqliteRestore); pooled connections do not, as the pool closes idle ones.
            services.GetRequiredService<DatabaseChanges>().Stamp();
        }
    }
}
