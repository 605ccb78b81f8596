using Forecast.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Tests.PostgreSql;

/// <summary>Migrations on PostgreSQL that rewrite stored rows: SubDailyTimestamps (dates become timestamptz midnights in UTC, whatever the session's zone) and GrowingSeries.</summary>
[Collection(PostgreSqlGroup.Name)]
public sealed class PostgreSqlMigrationTests(PostgreSqlServer server)
{
    [PostgreSqlFact]
    public async Task A_series_stored_with_dates_keeps_them_as_utc_midnights_from_a_session_in_another_zone()
    {
        // In Berlin's zone a date cast to timestamptz would be 23:00 UTC the day before.
        var connection = $"{server.CreateDatabase()};Timezone=Europe/Berlin";
        await using var db = new PostgreSqlForecastDbContext(
            new DbContextOptionsBuilder<PostgreSqlForecastDbContext>().UseNpgsql(connection).Options, new DatedSeriesBeforeSubDaily.Migrating());

        var stored = await DatedSeriesBeforeSubDaily.MigratedAsync(db, new[] { DateOnly.FromDateTime(DatedSeriesBeforeSubDaily.FilledGap) });

        Assert.Equal((DatedSeriesBeforeSubDaily.Start, DateTimeKind.Utc), (stored.Start, stored.Start.Kind));
        Assert.Equal([DatedSeriesBeforeSubDaily.FilledGap], stored.FilledGaps);
    }

    [PostgreSqlFact]
    public async Task A_member_scored_before_members_could_grow_gets_the_origin_of_its_test_tail()
    {
        await using var db = new PostgreSqlForecastDbContext(
            new DbContextOptionsBuilder<PostgreSqlForecastDbContext>().UseNpgsql(server.CreateDatabase()).Options, new DatedSeriesBeforeSubDaily.Migrating());

        var origin = await MemberScoredBeforeGrowingSeries.MigratedOriginAsync(db, Array.Empty<DateOnly>());

        Assert.Equal(MemberScoredBeforeGrowingSeries.Count - MemberScoredBeforeGrowingSeries.TestTail, origin);
    }
}
