using System.Net;
using System.Text.Json;
using Forecast.Api.Retraining;
using Forecast.Domain.Retraining;
using Forecast.Domain.Runs;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Forecast.Api.Tests.Retraining;

/// <summary>
/// Retraining on autopilot: a policy's cron ticks (fired through Hangfire, on a test clock) and appends start ordinary runs,
/// backtested with the champion on the same windows and promoted only if better; a policy skips while its run is open,
/// survives a restart, and pauses itself after failing in a row.
/// </summary>
public sealed class RetrainingTests : IDisposable
{
    // A Saturday morning in December: Paris is an hour ahead of UTC.
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    private static readonly (string, string?)[] Webhooks = [("Webhooks:RequireHttps", "false"), ("Webhooks:AllowPrivateAddresses", "true")];

    private readonly FakeTimeProvider clock = new(Start);
    private readonly ForecastApiFactory factory;

    public RetrainingTests() => factory = ForecastApiFactory.WithClock(clock, Webhooks);

    private static object Nightly(string method) => new
    {
        alias = "production", cron = "0 3 * * *", timeZone = "Europe/Paris", hyperparameters = new { method, testSize = 12 },
        promote = new { onlyIfBetter = true, backtestWindows = 3 },
    };

    [Fact]
    public async Task A_nightly_tick_in_Paris_retrains_and_the_better_model_takes_the_alias()
    {
        using var receiver = new WebhookReceiver();
        var flow = await new RetrainingFlow(factory).WithChampionAsync("naive");
        (await flow.Client.PostJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "retraining.started", "model.promoted", "retraining.kept" } }))
            .EnsureSuccessStatusCode();
        var policy = await flow.PutAsync("nightly", Nightly("ets"));

        await flow.TickAsync(policy);
        var before = await flow.GetAsync("nightly");
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 6, 2, 0, 30, TimeSpan.Zero));
        await flow.TickAsync(policy);
        var after = await flow.WaitForHistoryAsync("nightly", 1);
        var started = RetrainingFlow.Started(after.History[0]);
        var run = await flow.RunAsync(started.RunId!.Value);
        var webhooks = await receiver.WaitForAsync(2, WebhookReceiver.AboutRun(started.RunId.Value));

        Assert.Equal(new DateTime(2026, 12, 6, 2, 0, 0, DateTimeKind.Utc), policy.NextRunAt);
        Assert.Empty(before.History);
        Assert.Equal("cron '0 3 * * *' fired at 2026-12-06 02:00 UTC", started.Reason);
        Assert.Equal(TrainingRunStatus.Succeeded, started.RunStatus);
        Assert.StartsWith($"moved 'production' from model {flow.ChampionId}", started.PromotionOutcome, StringComparison.Ordinal);
        Assert.Contains("as the mean over 3 backtest windows of 12 points", started.PromotionOutcome, StringComparison.Ordinal);
        Assert.Equal(started.ModelId, (await flow.ProductionAsync()).ModelId);
        Assert.Equal(policy.Id, run.RetrainingPolicyId);
        Assert.StartsWith("started by retraining policy 'nightly': cron '0 3 * * *' fired", run.Choices[0], StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc), after.NextRunAt);
        Assert.Equal(["retraining.started", "model.promoted"], webhooks.Select(w => JsonDocument.Parse(w.Body).RootElement.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task A_model_no_better_than_the_champion_is_kept_and_the_policy_says_why()
    {
        using var receiver = new WebhookReceiver();
        var flow = await new RetrainingFlow(factory).WithChampionAsync("ets");
        (await flow.Client.PostJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "model.promoted", "retraining.kept" } })).EnsureSuccessStatusCode();
        var policy = await flow.PutAsync("nightly", Nightly("naive"));

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 6, 2, 1, 0, TimeSpan.Zero));
        await flow.TickAsync(policy);
        var started = RetrainingFlow.Started((await flow.WaitForHistoryAsync("nightly", 1)).History[0]);
        var kept = await receiver.WaitForAsync(1, WebhookReceiver.AboutRun(started.RunId!.Value));

        Assert.Equal(TrainingRunStatus.Succeeded, started.RunStatus);
        Assert.StartsWith($"kept 'production' on model {flow.ChampionId}: its MASE as the mean over 3 backtest windows", started.PromotionOutcome, StringComparison.Ordinal);
        Assert.Equal(flow.ChampionId, (await flow.ProductionAsync()).ModelId);
        var body = JsonDocument.Parse(kept.Single().Body).RootElement;
        Assert.Equal("retraining.kept", body.GetProperty("type").GetString());
        Assert.Equal(policy.Id, body.GetProperty("data").GetProperty("policyId").GetGuid());
    }

    [Fact]
    public async Task A_tick_while_the_policy_s_run_is_still_open_skips_and_names_the_run()
    {
        var flow = await new RetrainingFlow(factory).WithChampionAsync("naive");
        using var idle = factory.OnSameDatabase(("Training:WorkerCount", "0"));
        factory.Dispose();
        var idleFlow = flow.On(idle);
        var policy = await idleFlow.PutAsync("nightly", Nightly("ets"));

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 6, 2, 0, 30, TimeSpan.Zero));
        await idleFlow.TickAsync(policy);
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 2, 0, 30, TimeSpan.Zero));
        await idleFlow.TickAsync(policy);
        var history = (await idleFlow.GetAsync("nightly")).History;

        Assert.Equal([RetrainingAction.Skip, RetrainingAction.Start], history.Select(h => h.Action));
        Assert.Equal(TrainingRunStatus.Queued, history[1].RunStatus);
        Assert.Equal($"cron '0 3 * * *' fired at 2026-12-07 02:00 UTC, but its previous run {history[1].RunId} is still open: skipped", history[0].Reason);
    }

    [Fact]
    public async Task A_policy_s_schedule_survives_a_restart_and_fires_on_the_new_process()
    {
        var flow = await new RetrainingFlow(factory).WithChampionAsync("naive");
        var policy = await flow.PutAsync("nightly", Nightly("ets"));
        using var restarted = factory.OnSameDatabase();
        factory.Dispose();
        var again = flow.On(restarted);

        using var connection = restarted.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().Single(j => j.Id == RetrainingSchedules.JobId(policy.Id));
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 6, 2, 0, 30, TimeSpan.Zero));
        await again.TickAsync(policy);
        var started = RetrainingFlow.Started((await again.WaitForHistoryAsync("nightly", 1)).History[0]);

        Assert.Equal(("0 3 * * *", "Europe/Paris"), (job.Cron, job.TimeZoneId));
        Assert.Equal(TrainingRunStatus.Succeeded, started.RunStatus);
    }

    [Fact]
    public async Task Appended_observations_start_a_run_once_they_reach_the_policy_s_count()
    {
        var flow = await new RetrainingFlow(factory).WithChampionAsync("naive");
        await flow.PutAsync("on-data", new { alias = "production", afterObservations = 3, hyperparameters = new { method = "snaive", testSize = 12 } });

        await flow.AppendAsync(2);
        await flow.AppendAsync(1);
        var policy = await flow.WaitForHistoryAsync("on-data", 1);
        var started = RetrainingFlow.Started(policy.History[0]);

        Assert.Equal("3 observations appended since the last run (afterObservations 3)", started.Reason);
        Assert.Equal(TrainingRunStatus.Succeeded, started.RunStatus);
        Assert.Equal(0, policy.NewObservations);
        Assert.Null(policy.NextRunAt);
    }

    [Fact]
    public async Task Observations_the_champion_forecasts_badly_start_a_run_when_its_live_accuracy_slips_past_the_margin()
    {
        var flow = await new RetrainingFlow(factory).WithChampionAsync("snaive");
        await flow.PutAsync("watchful", new { alias = "production", accuracy = new { margin = 0.5, origins = 3 }, hyperparameters = new { method = "naive", testSize = 12 } });

        await flow.AppendAsync(3, value: 4_000);
        var started = RetrainingFlow.Started((await flow.WaitForHistoryAsync("watchful", 1)).History[0]);

        Assert.Matches(@"^the champion's MASE over its newest 3 origins is \d+(\.\d+)?, more than 0\.5 worse than its test MASE \d\.\d+$", started.Reason);
        Assert.Equal(TrainingRunStatus.Succeeded, started.RunStatus);
    }

    [Fact]
    public async Task A_collection_s_policy_refits_every_member_after_an_append_and_offers_the_model_to_its_alias()
    {
        var flow = await new RetrainingFlow(factory).WithCollectionChampionAsync("naive");
        await flow.PutAsync("on-data", new { alias = "production", afterObservations = 3, hyperparameters = new { method = "snaive" } });

        (await flow.Client.PostAsync($"{flow.Subject}/observations",
            new StringContent("series,date,value\nQ1,1994-10-01,7000\nQ1,1995-01-01,4100\nQ2,1994-10-01,200000\n", System.Text.Encoding.UTF8, "text/csv")))
            .EnsureSuccessStatusCode();
        var started = RetrainingFlow.Started((await flow.WaitForHistoryAsync("on-data", 1)).History[0]);
        var run = await flow.RunAsync(started.RunId!.Value);

        Assert.Equal("3 observations appended since the last run (afterObservations 3)", started.Reason);
        Assert.Equal((TrainingRunStatus.Succeeded, "snaive"), (started.RunStatus!.Value, run.Hyperparameters.Method));
        Assert.Contains("as the mean over 3 backtest windows of 8 points", started.PromotionOutcome, StringComparison.Ordinal);
        Assert.NotNull(run.CollectionId);
    }

    [Fact]
    public async Task A_tick_counts_against_its_key_s_open_runs_and_is_refused_saying_so_when_they_are_full()
    {
        var key = (await factory.CreateKeyAsync("busy")).Key;
        var flow = await new RetrainingFlow(factory, key).WithChampionAsync("naive");
        using var idle = factory.OnSameDatabase(("Training:WorkerCount", "0"), ("Limits:MaxOpenRunsPerKey", "1"));
        factory.Dispose();
        var idleFlow = flow.On(idle);
        var policy = await idleFlow.PutAsync("nightly", Nightly("ets"));
        await TrainingFlow.StartAsync(idleFlow.Client, flow.SeriesId, new { method = "theta" });

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 6, 2, 0, 30, TimeSpan.Zero));
        await idleFlow.TickAsync(policy);
        var refused = RetrainingFlow.Started((await idleFlow.GetAsync("nightly")).History.Single());

        Assert.Null(refused.RunId);
        Assert.Contains("but the run was refused: This API key has 1 training runs queued or running, the most allowed at once", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_series_takes_its_policy_and_history_and_its_schedule_goes_at_the_next_tick()
    {
        var flow = await new RetrainingFlow(factory).WithChampionAsync("naive");
        var policy = await flow.PutAsync("nightly", Nightly("ets"));

        (await flow.Client.DeleteAsync(flow.Subject)).EnsureSuccessStatusCode();
        await flow.TickAsync(policy);
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();

        Assert.DoesNotContain(connection.GetRecurringJobs(), j => j.Id == RetrainingSchedules.JobId(policy.Id));
        Assert.Equal(0, await factory.CountAsync(db => db.RetrainingPolicies));
    }

    [Fact]
    public async Task A_policy_whose_runs_cannot_start_pauses_itself_after_three_failures_and_a_put_resumes_it()
    {
        var flow = await new RetrainingFlow(factory).WithChampionAsync("naive");
        var policy = await flow.PutAsync("hourly", new { alias = "production", cron = "0 * * * *", hyperparameters = new { method = "ets", testSize = 12 } });
        (await flow.Client.DeleteAsync($"/api/series/{flow.SeriesId}/aliases/production")).EnsureSuccessStatusCode();

        foreach (var hour in new[] { 11, 12, 13, 14 })
        {
            clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, hour, 0, 30, TimeSpan.Zero));
            await flow.TickAsync(policy);
        }
        var paused = await flow.GetAsync("hourly");
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var scheduled = connection.GetRecurringJobs().Any(j => j.Id == RetrainingSchedules.JobId(policy.Id));

        Assert.Equal([RetrainingAction.Pause, RetrainingAction.Start, RetrainingAction.Start, RetrainingAction.Start], paused.History.Select(h => h.Action));
        Assert.All(paused.History.Skip(1), h => Assert.Contains("alias 'production' points at no model any more", h.Reason, StringComparison.Ordinal));
        Assert.Equal(("paused", "paused after 3 failures in a row; put the policy again to resume it"), (paused.Status, paused.PausedReason));
        Assert.Null(paused.NextRunAt);
        Assert.False(scheduled);

        (await flow.Client.PutAsync($"/api/series/{flow.SeriesId}/aliases/production", System.Net.Http.Json.JsonContent.Create(new { modelId = flow.ChampionId })))
            .EnsureSuccessStatusCode();
        var resumed = await flow.PutAsync("hourly", new { alias = "production", cron = "0 * * * *", hyperparameters = new { method = "ets", testSize = 12 } }, HttpStatusCode.OK);
        Assert.Equal(("active", new DateTime(2026, 12, 5, 15, 0, 0, DateTimeKind.Utc)), (resumed.Status, resumed.NextRunAt!.Value));
    }

    public void Dispose() => factory.Dispose();
}
