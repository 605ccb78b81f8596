using Forecast.Api.Retraining;
using Forecast.Api.Tests.Retraining;
using Forecast.Domain.Retraining;
using Forecast.Domain.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Forecast.Api.Tests.PostgreSql;

/// <summary>Two processes of the scale-out review the same policy at the same due tick: one run starts, not two.</summary>
[Collection(PostgreSqlGroup.Name)]
public sealed class SharedRetrainingTests(PostgreSqlServer server)
{
    [PostgreSqlFact]
    public async Task Each_due_tick_reviewed_by_two_processes_at_once_starts_one_run()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));
        var database = server.CreateDatabase();
        using var first = ForecastApiFactory.WithClock(clock, PostgreSqlTests.On(database, workers: 1));
        using var second = ForecastApiFactory.WithClock(clock, PostgreSqlTests.On(database, workers: 1));
        var flow = await new RetrainingFlow(first).WithChampionAsync("naive");
        var policy = await flow.PutAsync("nightly", new { alias = "production", cron = "0 3 * * *", hyperparameters = new { method = "snaive", testSize = 12 } });

        foreach (var day in new[] { 6, 7, 8 })
        {
            clock.SetUtcNow(new DateTimeOffset(2026, 12, day, 3, 0, 30, TimeSpan.Zero));
            await Task.WhenAll(new[] { first, second }.Select(host => Task.Run(() => host.Services.GetRequiredService<RetrainingJob>().Review(policy.Id))));
            await flow.On(second).WaitForHistoryAsync("nightly", day - 5);
        }
        var history = (await flow.GetAsync("nightly")).History;

        Assert.All(history, h => Assert.Equal((RetrainingAction.Start, TrainingRunStatus.Succeeded), (h.Action, h.RunStatus!.Value)));
        Assert.Equal(new[] { 8, 7, 6 }.Select(day => $"cron '0 3 * * *' fired at 2026-12-0{day} 03:00 UTC"), history.Select(h => h.Reason));
        Assert.Equal(3, history.Select(h => h.RunId).Distinct().Count());
    }
}
