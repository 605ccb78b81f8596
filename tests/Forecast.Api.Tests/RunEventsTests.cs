using System.Net;
using System.Text.Json;
using Forecast.Api.Contracts;

namespace Forecast.Api.Tests;

/// <summary>A run followed as server-sent events: every epoch once, in order, resumable, ending with the model.</summary>
public sealed class RunEventsTests : IDisposable
{
    private readonly ForecastApiFactory factory = ForecastApiFactory.With(
        ("Events:PollInterval", "00:00:00.020"), ("Events:HeartbeatInterval", "00:00:00.100"), ("Events:MaxStreamsPerKey", "1"));

    private HttpClient Client => factory.CreateClient();

    [Fact]
    public async Task A_stream_sends_the_status_every_epoch_in_order_with_its_id_and_ends_with_the_model()
    {
        var series = await TrainingFlow.UploadAsync(Client, "airpassengers.csv");
        var run = await TrainingFlow.StartAsync(Client, series.Id, TrainingFlow.Tiny(epochs: 6, transform: "none"));

        var events = await RunEvents.ReadAllAsync(Client, run.Id);

        var epochs = events.Where(e => e.Type == "epoch").ToList();
        Assert.Equal(["1", "2", "3", "4", "5", "6"], epochs.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(1, 6), epochs.Select(e => e.Data.GetProperty("epoch").GetInt32()));
        Assert.Equal(100.0, epochs[^1].Data.GetProperty("percent").GetDouble());
        Assert.Equal("status", events[0].Type);
        var finished = events[^1];
        var stored = await (await Client.GetAsync($"/api/training-runs/{run.Id}")).ReadAsync<TrainingRunResponse>();
        Assert.Equal(("finished", "succeeded", stored.ModelId), (finished.Type, finished.Data.GetProperty("status").GetString(), finished.Data.GetProperty("modelId").GetGuid()));
        var curve = await (await Client.GetAsync($"/api/training-runs/{run.Id}/loss-curve")).ReadAsync<List<LossPoint>>();
        Assert.Equal(curve.Select(p => p.TrainLoss), epochs.Select(e => e.Data.GetProperty("trainLoss").GetDouble()));
    }

    [Fact]
    public async Task Last_event_id_resumes_after_that_epoch_without_repeating_or_losing_one()
    {
        var series = await TrainingFlow.UploadAsync(Client, "airpassengers.csv");
        var run = await TrainingFlow.StartAsync(Client, series.Id, TrainingFlow.Tiny(epochs: 6, transform: "none"));

        var events = await RunEvents.ReadAllAsync(Client, run.Id, lastEventId: "4");

        Assert.Equal(["5", "6"], events.Where(e => e.Type == "epoch").Select(e => e.Id));
        await (await Client.SendAsync(RunEvents.Request(run.Id, lastEventId: "four"))).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_client_that_drops_the_stream_mid_run_and_comes_back_with_last_event_id_gets_every_epoch_exactly_once()
    {
        var series = await TrainingFlow.UploadAsync(Client, "airpassengers.csv");
        var run = await TrainingFlow.StartAsync(Client, series.Id, new { epochs = 60, hiddenSize = 16, lookback = 24, transform = "none", seed = 3, earlyStoppingPatience = 0 });

        var before = await RunEvents.ReadUntilAsync(Client, run.Id, lastEventId: null, stopAfterEpoch: 3);
        var status = await (await Client.GetAsync($"/api/training-runs/{run.Id}")).ReadAsync<TrainingRunResponse>();
        var after = await RunEvents.ReadAllAsync(Client, run.Id, lastEventId: before.Last(e => e.Type == "epoch").Id);

        Assert.Equal(Forecast.Domain.Runs.TrainingRunStatus.Running, status.Status);
        var epochs = before.Concat(after).Where(e => e.Type == "epoch").Select(e => int.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, 60), epochs);
        Assert.Equal("finished", after[^1].Type);
    }

    [Fact]
    public async Task An_idle_stream_gets_comment_heartbeats_and_a_key_may_hold_only_so_many_streams()
    {
        using var idle = ForecastApiFactory.With(("Training:WorkerCount", "0"), ("Events:PollInterval", "00:00:00.020"),
            ("Events:HeartbeatInterval", "00:00:00.100"), ("Events:MaxStreamsPerKey", "1"));
        var client = idle.ClientFor((await idle.CreateKeyAsync("watcher")).Key);
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        var queued = await TrainingFlow.StartAsync(client, series.Id, TrainingFlow.Tiny());

        using var response = await client.SendAsync(RunEvents.Request(queued.Id), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var lines = new List<string>();
        while (!lines.Contains(": heartbeat"))
        {
            lines.Add((await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)))!);
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("event: status", lines[0]);
        await (await client.SendAsync(RunEvents.Request(queued.Id))).ReadProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Another_key_s_run_has_no_stream()
    {
        var owner = factory.ClientFor((await factory.CreateKeyAsync("owner")).Key);
        var other = factory.ClientFor((await factory.CreateKeyAsync("other")).Key);
        var series = await TrainingFlow.UploadAsync(owner, "airpassengers.csv");
        var run = await TrainingFlow.StartAsync(owner, series.Id, TrainingFlow.Tiny(epochs: 1));

        await (await other.SendAsync(RunEvents.Request(run.Id))).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await other.SendAsync(RunEvents.Request(Guid.NewGuid()))).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    public void Dispose() => factory.Dispose();
}
