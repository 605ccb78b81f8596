using Forecast.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forecast.Api.Tests;

/// <summary>
/// A collection member scored by a global model as the service stored it before members could grow (its evaluation's
/// JSON as the service writes it, camel-cased), then the database migrated on: migration GrowingSeries must find its
/// test tail's origin, on either provider.
/// </summary>
public static class MemberScoredBeforeGrowingSeries
{
    /// <summary>The member's length, and the length of the test tail its evaluation holds.</summary>
    public const int Count = 40;

    public const int TestTail = 8;

    /// <summary>Migrates to the migration before GrowingSeries, stores the member and its score, migrates to the newest and reads the origin back.</summary>
    /// <param name="noFilledGaps">No filled gaps as the provider's column held them then: a JSON array on SQLite, a date[] on PostgreSQL.</param>
    public static async Task<int> MigratedOriginAsync(ForecastDbContext db, object noFilledGaps)
    {
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_GrowingSeries", StringComparison.Ordinal)) - 1];
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(before);
        var (collection, series, model, owner, now) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), DateTime.UtcNow);
        var evaluation = "{\"score\":{\"key\":\"Q1\",\"actual\":[" + string.Join(',', Enumerable.Repeat(1.0, TestTail)) + "]}}";
        var empty = "{}";
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Collections" ("Id", "OwnerKeyId", "Name", "Frequency", "FillPolicy", "CreatedAt")
            VALUES ({collection}, {owner}, 'tourism', 'Quarterly', 'Interpolate', {now})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Series" ("Id", "OwnerKeyId", "Name", "Start", "Frequency", "Count", "Values", "FillPolicy", "FilledGaps", "CreatedAt", "CollectionId", "Key")
            VALUES ({series}, {owner}, 'Q1', {new DateOnly(1990, 1, 1)}, 'Quarterly', {Count}, {new byte[Count * sizeof(double)]}, 'Interpolate', {noFilledGaps}, {now}, {collection}, 'Q1')
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "CollectionModels" ("Id", "RunId", "CollectionId", "OwnerKeyId", "Artifact", "Hyperparameters", "Accuracy", "Coverage",
                "EpochsRun", "BestEpoch", "StoppedEarly", "TrainingWindows", "TrainingSeconds", "CreatedAt")
            VALUES ({model}, {Guid.NewGuid()}, {collection}, {owner}, {empty}, {empty}, {empty}, {"[]"}, 1, 1, {false}, 10, 1.0, {now})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "MemberEvaluations" ("ModelId", "Key", "SeriesId", "Mase", "Smape", "Evaluation")
            VALUES ({model}, 'Q1', {series}, 1.0, 10.0, {evaluation})
            """);
        await migrator.MigrateAsync();
        return await db.MemberEvaluations.Select(m => m.ForecastOrigin).SingleAsync();
    }
}
