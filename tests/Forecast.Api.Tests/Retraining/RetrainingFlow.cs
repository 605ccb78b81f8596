using System.Diagnostics;
using System.Net;
using Forecast.Api.Contracts;
using Forecast.Api.Retraining;
using Forecast.Domain.Retraining;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Api.Tests.Retraining;

/// <summary>
/// A series (or a collection) with a champion behind <c>production</c>, and the steps of a retraining test: put a policy,
/// tick its cron through Hangfire, append, and read what the policy did. The series is airpassengers with a test tail of
/// 12; the collection four tourism quarterly members.
/// </summary>
/// <param name="key">The client key that owns the series; the admin when null.</param>
public sealed class RetrainingFlow(ForecastApiFactory factory, string? key = null)
{
    public HttpClient Client { get; } = key is null ? factory.CreateClient() : factory.ClientFor(key);

    /// <summary>The series', or the collection's, path: <c>/api/series/{id}</c>.</summary>
    public string Subject { get; private set; } = "";

    public Guid SeriesId { get; private set; }

    public Guid ChampionId { get; private set; }

    /// <summary>Uploads the series and trains its champion with <paramref name="method"/>, promoted to production.</summary>
    public async Task<RetrainingFlow> WithChampionAsync(string method)
    {
        SeriesId = (await TrainingFlow.UploadAsync(Client, "airpassengers.csv")).Id;
        Subject = $"/api/series/{SeriesId}";
        ChampionId = (await TrainingFlow.TrainAsync(Client, SeriesId, new { method, testSize = 12, promote = new { alias = "production" } })).ModelId!.Value;
        return this;
    }

    /// <summary>Uploads the collection and fits its champion with <paramref name="method"/> on every member, promoted to production.</summary>
    public async Task<RetrainingFlow> WithCollectionChampionAsync(string method)
    {
        var collection = (await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(4))).Id;
        Subject = $"/api/collections/{collection}";
        ChampionId = (await TrainingFlow.TrainCollectionAsync(Client, collection, new { method, promote = new { alias = "production" } })).ModelId!.Value;
        return this;
    }

    /// <summary>This flow on another host (a restart, another process) over the same series and champion.</summary>
    public RetrainingFlow On(ForecastApiFactory other) => new(other, key) { Subject = Subject, SeriesId = SeriesId, ChampionId = ChampionId };

    public async Task<RetrainingPolicyResponse> PutAsync(string name, object policy, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await Client.PutAsync($"{Subject}/retraining/{name}", System.Net.Http.Json.JsonContent.Create(policy, options: ApiClient.Json));
        Assert.Equal(expected, response.StatusCode);
        return await response.ReadAsync<RetrainingPolicyResponse>();
    }

    public async Task<RetrainingPolicyResponse> GetAsync(string name) =>
        await (await Client.GetAsync($"{Subject}/retraining/{name}")).ReadAsync<RetrainingPolicyResponse>();

    /// <summary>Fires the policy's recurring job now, as Hangfire would at its tick, and waits until the review has run.</summary>
    public async Task TickAsync(RetrainingPolicyResponse policy)
    {
        var jobId = factory.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(RetrainingSchedules.JobId(policy.Id));
        Assert.NotNull(jobId);
        var monitor = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var clock = Stopwatch.StartNew();
        while (monitor.JobDetails(jobId)?.History.FirstOrDefault()?.StateName is not ("Succeeded" or "Failed"))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the review {jobId} of policy {policy.Name} did not run");
            await Task.Delay(20);
        }
        Assert.Equal("Succeeded", monitor.JobDetails(jobId).History[0].StateName);
    }

    /// <summary>Appends <paramref name="count"/> observations of <paramref name="value"/> after the newest (airpassengers' last year is about 450).</summary>
    public async Task AppendAsync(int count, double value = 450) =>
        (await Client.PostJsonAsync($"/api/series/{SeriesId}/observations", new { values = Enumerable.Repeat(value, count).ToArray() })).EnsureSuccessStatusCode();

    /// <summary>Waits until the policy's history holds <paramref name="events"/> events, its runs finished; returns it then.</summary>
    public async Task<RetrainingPolicyResponse> WaitForHistoryAsync(string name, int events)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var policy = await GetAsync(name);
            if (policy.History.Count >= events && policy.History.All(h => h.RunId is null || h.RunStatus is { } status && Domain.Runs.RunLifecycle.IsFinished(status)))
            {
                Assert.Equal(events, policy.History.Count);
                return policy;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"policy {name} has {policy.History.Count} of {events} events, its runs {string.Join(", ", policy.History.Select(h => h.RunStatus))}");
            await Task.Delay(100);
        }
    }

    public async Task<AliasResponse> ProductionAsync() =>
        await (await Client.GetAsync($"{Subject}/aliases/production")).ReadAsync<AliasResponse>();

    public async Task<TrainingRunResponse> RunAsync(Guid runId) =>
        await (await Client.GetAsync($"/api/training-runs/{runId}")).ReadAsync<TrainingRunResponse>();

    /// <summary>A start in the history: the event, asserted to be one.</summary>
    public static RetrainingHistoryItem Started(RetrainingHistoryItem item)
    {
        Assert.Equal(RetrainingAction.Start, item.Action);
        return item;
    }
}
