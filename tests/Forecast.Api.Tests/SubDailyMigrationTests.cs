using Forecast.Api.Persistence;
using Forecast.Domain.Series;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Tests;

/// <summary>Migration SubDailyTimestamps on SQLite: a series stored with dates keeps its days as UTC midnights.</summary>
public sealed class SubDailyMigrationTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"forecast-migration-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_series_stored_with_dates_keeps_them_as_utc_midnights()
    {
        await using var db = new ForecastDbContext(new DbContextOptionsBuilder<ForecastDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options,
            new DatedSeriesBeforeSubDaily.Migrating());

        var stored = await DatedSeriesBeforeSubDaily.MigratedAsync(db, "[\"2024-02-29\"]");

        Assert.Equal((DatedSeriesBeforeSubDaily.Start, new DateTime(2024, 3, 31)), (stored.Start, stored.ToDomain().End));
        Assert.Equal([DatedSeriesBeforeSubDaily.FilledGap], stored.FilledGaps);
        Assert.Equal("2024-03-31", stored.Frequency.Format(stored.ToDomain().End));
    }

    public void Dispose() => File.Delete(file);
}
