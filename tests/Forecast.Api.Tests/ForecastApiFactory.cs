using Forecast.Api.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Api.Tests;

/// <summary>The real host on a real SQLite file with a real Hangfire server.</summary>
public sealed class ForecastApiFactory : WebApplicationFactory<Program>
{
    public ForecastApiFactory() : this(Path.Combine(Path.GetTempPath(), $"forecast-test-{Guid.NewGuid():N}.db"))
    {
    }

    private ForecastApiFactory(string databaseFile)
    {
        DatabaseFile = databaseFile;
    }

    /// <summary>A second host on the same database file, as another process of the service would be.</summary>
    public ForecastApiFactory OnSameDatabase() => new(DatabaseFile);

    public string DatabaseFile { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Forecast", $"Data Source={DatabaseFile}");
    }

    public async Task<RowCounts> CountRowsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ForecastDbContext>>().CreateDbContextAsync();
        return new RowCounts(
            await db.Series.CountAsync(), await db.TrainingRuns.CountAsync(),
            await db.LossEntries.CountAsync(), await db.Models.CountAsync());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
    }
}

public sealed record RowCounts(int Series, int Runs, int LossEntries, int Models);
