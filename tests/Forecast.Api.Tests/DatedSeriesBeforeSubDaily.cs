using Forecast.Api.Persistence;
using Forecast.Api.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forecast.Api.Tests;

/// <summary>
/// A monthly series stored as the service stored one before timestamps had a time of day (its start and filled gap as
/// dates), then the database migrated on: what migration SubDailyTimestamps must keep, on either provider.
/// </summary>
public static class DatedSeriesBeforeSubDaily
{
    public static readonly DateTime Start = new(2024, 1, 31, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime FilledGap = new(2024, 2, 29, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Migrates to the migration before SubDailyTimestamps, stores the series, migrates to the newest and reads it back.</summary>
    /// <param name="filledGaps">The filled gap as the provider's old column held it: a JSON array on SQLite, a date[] on PostgreSQL.</param>
    public static async Task<SeriesEntity> MigratedAsync(ForecastDbContext db, object filledGaps)
    {
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_SubDailyTimestamps", StringComparison.Ordinal)) - 1];
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(before);
        var (id, owner, start) = (Guid.NewGuid(), Guid.NewGuid(), DateOnly.FromDateTime(Start));
        byte[] values = [.. BitConverter.GetBytes(1.0), .. BitConverter.GetBytes(2.0), .. BitConverter.GetBytes(3.0)];
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Series" ("Id", "OwnerKeyId", "Name", "Start", "Frequency", "Count", "Values", "FillPolicy", "FilledGaps", "CreatedAt", "Version")
            VALUES ({id}, {owner}, 'dated', {start}, 'Monthly', 3, {values}, 'Interpolate', {filledGaps}, {DateTime.UtcNow}, 1)
            """);
        await migrator.MigrateAsync();
        return await db.Series.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    /// <summary>Sees every row, as the migrations do.</summary>
    public sealed class Migrating : ICallerContext
    {
        public bool SeesAll => true;

        public Guid? OwnerId => null;
    }
}
