using Forecast.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Api.Tests;

/// <summary>The durability settings docs/operations.md#durability states, as the service's own connections have them.</summary>
public sealed class SqliteDurabilityTests : IDisposable
{
    private readonly ForecastApiFactory factory = new();

    [Fact]
    public async Task Every_connection_the_service_opens_writes_ahead_to_a_log_with_synchronous_normal()
    {
        using var client = factory.CreateClient();
        await TrainingFlow.UploadAsync(client, "nottem.csv");
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<ForecastDbContext>>();

        // Two contexts open at once hold two different connections of the pool.
        await using var first = await contexts.CreateDbContextAsync();
        await using var second = await contexts.CreateDbContextAsync();
        await first.Database.OpenConnectionAsync();
        await second.Database.OpenConnectionAsync();

        foreach (var db in new[] { first, second })
        {
            Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
            Assert.Equal("1", await PragmaAsync(db, "synchronous"));
        }
    }

    private static async Task<string> PragmaAsync(ForecastDbContext db, string pragma)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    public void Dispose() => factory.Dispose();
}
