using Forecast.Api.Persistence;
using Forecast.Domain.Series;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Tests;

/// <summary>
/// Migrations on SQLite that rewrite stored rows: SubDailyTimestamps (a series stored with dates keeps its days as UTC
/// midnights) and GrowingSeries (a member scored before members could grow gets its test tail's origin).
/// </summary>
public sealed class SqliteMigrationTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"forecast-migration-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_series_stored_with_dates_keeps_them_as_utc_midnights()
    {
        await using var db = Database();

        var stored = await DatedSeriesBeforeSubDaily.MigratedAsync(db, "[\"2024-02-29\"]");

        Assert.Equal((DatedSeriesBeforeSubDaily.Start, new DateTime(2024, 3, 31)), (stored.Start, stored.ToDomain().End));
        Assert.Equal([DatedSeriesBeforeSubDaily.FilledGap], stored.FilledGaps);
        Assert.Equal("2024-03-31", stored.Frequency.Format(stored.ToDomain().End));
    }

    [Fact]
    public async Task A_member_scored_before_members_could_grow_gets_the_origin_of_its_test_tail()
    {
        await using var db = Database();

        var origin = await MemberScoredBeforeGrowingSeries.MigratedOriginAsync(db, "[]");

        Assert.Equal(MemberScoredBeforeGrowingSeries.Count - MemberScoredBeforeGrowingSeries.TestTail, origin);
    }

    private ForecastDbContext Database() =>
        new(new DbContextOptionsBuilder<ForecastDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options, new DatedSeriesBeforeSubDaily.Migrating());

    public void Dispose() => File.Delete(file);
}
