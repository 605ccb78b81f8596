using Forecast.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Tests;

/// <summary>Migration GrowingSeries on SQLite: a member scored before members could grow gets its test tail's origin.</summary>
public sealed class GrowingSeriesMigrationTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"forecast-migration-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_member_scored_before_members_could_grow_gets_the_origin_of_its_test_tail()
    {
        await using var db = new ForecastDbContext(new DbContextOptionsBuilder<ForecastDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options,
            new DatedSeriesBeforeSubDaily.Migrating());

        var origin = await MemberScoredBeforeGrowingSeries.MigratedOriginAsync(db, "[]");

        Assert.Equal(MemberScoredBeforeGrowingSeries.Count - MemberScoredBeforeGrowingSeries.TestTail, origin);
    }

    public void Dispose() => File.Delete(file);
}
