using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Forecast.Api.Configuration;
using Forecast.Api.Contracts;
using Forecast.Api.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Api.Tests;

/// <summary>Webhooks: signed deliveries of a key's run endings, retried with growing waits, never to an internal address unless allowed.</summary>
public sealed class WebhooksTests : IDisposable
{
    private readonly ForecastApiFactory factory = ForecastApiFactory.With(
        ("Webhooks:RequireHttps", "false"), ("Webhooks:AllowPrivateAddresses", "true"), ("Webhooks:FirstRetryDelay", "00:00:00.200"), ("Webhooks:RetryPollInterval", "00:00:00.050"),
        ("Webhooks:MaxAttempts", "3"));

    private HttpClient Client => factory.CreateClient();

    [Fact]
    public async Task A_finished_run_is_posted_to_its_key_s_webhook_signed_as_standard_webhooks_and_the_delivery_is_listed()
    {
        using var receiver = new WebhookReceiver();
        var client = factory.ClientFor((await factory.CreateKeyAsync("hooked")).Key);
        var webhook = await (await client.PostJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "run.succeeded" } }))
            .ReadAsync<CreatedWebhookResponse>();
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");

        var run = await TrainingFlow.TrainAsync(client, series.Id, TrainingFlow.Tiny(epochs: 1, transform: "none"));
        var received = (await receiver.WaitForAsync(1)).Single();

        var (id, timestamp, signature) = (received.Headers["webhook-id"], received.Headers["webhook-timestamp"], received.Headers["webhook-signature"]);
        var key = Convert.FromBase64String(webhook.Secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{received.Body}")));
        Assert.Equal(expected, signature);
        Assert.InRange(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var body = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal("run.succeeded", body.GetProperty("type").GetString());
        Assert.Equal(run.ModelId, body.GetProperty("data").GetProperty("modelId").GetGuid());
        var deliveries = await WaitForDeliveryAsync(client, webhook.Id, d => d.DeliveredAt is not null);
        Assert.Equal(Guid.Parse(id), deliveries.Id);
        Assert.Equal([200], deliveries.Tries.Select(t => t.StatusCode));
        var read = await (await client.GetAsync($"/api/webhooks/{webhook.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("whsec_", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_appended_observation_outside_the_model_s_interval_is_posted_as_a_series_anomaly()
    {
        using var receiver = new WebhookReceiver();
        var client = factory.ClientFor((await factory.CreateKeyAsync("watching")).Key);
        await (await client.PostJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "series.anomaly" } })).ReadAsync<CreatedWebhookResponse>();
        var (series, model) = await HeldOutYear.TrainedAsync(client);

        await HeldOutYear.AppendAsync(client, series, new { values = new[] { 2000.0 } });
        var body = JsonDocument.Parse((await receiver.WaitForAsync(1)).Single().Body).RootElement;

        Assert.Equal("series.anomaly", body.GetProperty("type").GetString());
        var data = body.GetProperty("data");
        Assert.Equal((series, model, 2), (data.GetProperty("seriesId").GetGuid(), data.GetProperty("modelId").GetGuid(), data.GetProperty("seriesVersion").GetInt32()));
        var anomaly = Assert.Single(data.GetProperty("anomalies").EnumerateArray());
        Assert.Equal("1960-01-01", anomaly.GetProperty("timestamp").GetString());
        Assert.True(anomaly.GetProperty("score").GetDouble() > 1);
    }

    [Fact]
    public async Task A_refused_try_is_tried_again_after_a_growing_wait_with_the_same_id_until_accepted()
    {
        using var receiver = new WebhookReceiver(500, 503);
        using var idle = IdleFactory(("Webhooks:FirstRetryDelay", "00:00:01"));
        var client = idle.CreateClient();
        var webhook = await CancelAQueuedRunAsync(client, receiver);
        var received = await receiver.WaitForAsync(3);
        var delivery = await WaitForDeliveryAsync(client, webhook.Id, d => d.DeliveredAt is not null);

        Assert.Single(received.Select(r => r.Headers["webhook-id"]).Distinct());
        Assert.Equal([500, 503, 200], delivery.Tries.Select(t => t.StatusCode));
        Assert.StartsWith("answered 500", delivery.Tries[0].Error, StringComparison.Ordinal);
        // Waits of 1 s, then 3 s, each three times the last. Hangfire schedules to the second, so a try may come up to 1 s
        // early, and late by any amount on a busy machine: only the lower bound of the grown wait is certain.
        Assert.True(received[2].At - received[1].At > TimeSpan.FromSeconds(2), $"waits {received[1].At - received[0].At}, {received[2].At - received[1].At}; tries {string.Join(", ", delivery.Tries.Select(t => $"{t.At:HH:mm:ss.fff} {t.StatusCode}"))}");
    }

    [Fact]
    public async Task A_delivery_gives_up_after_its_last_try()
    {
        using var receiver = new WebhookReceiver(500, 500, 500, 500);
        using var idle = IdleFactory(("Webhooks:FirstRetryDelay", "00:00:00.050"), ("Webhooks:MaxAttempts", "2"));
        var client = idle.CreateClient();
        var webhook = await CancelAQueuedRunAsync(client, receiver);
        var delivery = await WaitForDeliveryAsync(client, webhook.Id, d => d.GaveUp);

        Assert.Equal((2, (DateTime?)null), (delivery.Attempts, delivery.DeliveredAt));
        await Task.Delay(300);
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task Outside_development_only_https_to_public_addresses_may_be_registered()
    {
        using var strict = new ForecastApiFactory();
        var client = strict.CreateClient();

        foreach (var url in new[] { "http://hooks.example.com/x", "https://127.0.0.1/x", "https://10.1.2.3/x", "https://[::1]/x", "https://169.254.169.254/latest", "https://localhost/x", "https://user:pw@hooks.example.com/", "ftp://hooks.example.com/", "not a url" })
        {
            var problem = await (await client.PostJsonAsync("/api/webhooks", new { url, events = new[] { "run.failed" } }))
                .ReadProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal("url", problem.GetProperty("field").GetString());
        }
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/webhooks", new { url = "https://hooks.example.com/x", events = new[] { "run.failed" } })).StatusCode);
    }

    [Fact]
    public async Task The_address_a_name_resolves_to_is_checked_when_a_try_connects()
    {
        using var receiver = new WebhookReceiver();
        var options = Microsoft.Extensions.Options.Options.Create(new WebhookOptions { AllowPrivateAddresses = false, RequireHttps = false });
        var rules = new WebhookRules(options, factory.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>());
        using var sender = new WebhookSender(options, rules, TimeProvider.System);

        var answer = await sender.SendAsync(new Uri(receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)), Guid.NewGuid(),
            WebhookSignature.NewSecret(), "{}", CancellationToken.None);

        Assert.Null(answer.StatusCode);
        Assert.StartsWith("refused: localhost resolves to", answer.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task A_receiver_s_redirect_is_not_followed_and_only_the_first_4_KiB_of_its_answer_are_read()
    {
        using var elsewhere = new WebhookReceiver();
        using var redirecting = new WebhookReceiver(307)
        {
            Answer = response =>
            {
                response.RedirectLocation = elsewhere.Url;
                response.OutputStream.Write(Encoding.UTF8.GetBytes(new string('x', 10_000)));
            },
        };
        var options = Microsoft.Extensions.Options.Options.Create(new WebhookOptions { AllowPrivateAddresses = true, RequireHttps = false });
        var rules = new WebhookRules(options, factory.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>());
        using var sender = new WebhookSender(options, rules, TimeProvider.System);

        var answer = await sender.SendAsync(new Uri(redirecting.Url), Guid.NewGuid(), WebhookSignature.NewSecret(), "{}", CancellationToken.None);

        Assert.Equal(307, answer.StatusCode);
        Assert.Single(redirecting.Requests);
        Assert.Empty(elsewhere.Requests);
        Assert.EndsWith(": " + new string('x', 4096), answer.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8.8.8.8", false)]
    [InlineData("2001:4860:4860::8888", false)]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.0.0.1", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    public void Internal_addresses_are_told_from_public_ones(string address, bool isInternal) =>
        Assert.Equal(isInternal, WebhookDestinations.IsInternal(IPAddress.Parse(address)));

    [Fact]
    public async Task Another_key_s_webhook_is_neither_listed_nor_readable_nor_deletable_and_bad_events_are_refused()
    {
        using var receiver = new WebhookReceiver();
        var owner = factory.ClientFor((await factory.CreateKeyAsync("owner")).Key);
        var stranger = factory.ClientFor((await factory.CreateKeyAsync("stranger")).Key);
        var webhook = await (await owner.PostJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "run.failed" } }))
            .ReadAsync<CreatedWebhookResponse>();

        Assert.Empty(await (await stranger.GetAsync("/api/webhooks")).ReadAsync<List<WebhookResponse>>());
        await (await stranger.GetAsync($"/api/webhooks/{webhook.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/webhooks/{webhook.Id}/deliveries")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.DeleteAsync($"/api/webhooks/{webhook.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        foreach (var events in new[] { Array.Empty<string>(), ["run.exploded"], ["run.failed", "run.failed"] })
        {
            await (await owner.PostJsonAsync("/api/webhooks", new { url = receiver.Url, events })).ReadProblemAsync(HttpStatusCode.BadRequest);
        }
        Assert.Single(await (await owner.GetAsync("/api/webhooks")).ReadAsync<List<WebhookResponse>>());
    }

    /// <summary>A host that trains nothing, so that a cancelled queued run is the quickest run.cancelled, with loopback receivers allowed.</summary>
    private static ForecastApiFactory IdleFactory(params (string Key, string? Value)[] settings) => ForecastApiFactory.With(
        [("Training:WorkerCount", "0"), ("Webhooks:RequireHttps", "false"), ("Webhooks:AllowPrivateAddresses", "true"),
            ("Webhooks:RetryPollInterval", "00:00:00.050"), .. settings]);

    /// <summary>Subscribes <paramref name="receiver"/> to run.cancelled, then queues a run and cancels it.</summary>
    private static async Task<CreatedWebhookResponse> CancelAQueuedRunAsync(HttpClient client, WebhookReceiver receiver)
    {
        var webhook = await (await client.PostJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "run.cancelled" } }))
            .ReadAsync<CreatedWebhookResponse>();
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        var run = await TrainingFlow.StartAsync(client, series.Id, TrainingFlow.Tiny());
        await client.PostAsync($"/api/training-runs/{run.Id}/cancel", null);
        return webhook;
    }

    private static async Task<WebhookDeliveryItem> WaitForDeliveryAsync(HttpClient client, Guid webhookId, Func<WebhookDeliveryItem, bool> done)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var page = await (await client.GetAsync($"/api/webhooks/{webhookId}/deliveries")).ReadAsync<PagedList<WebhookDeliveryItem>>();
            if (page.Items.Count > 0 && page.Items[0] is var delivery && done(delivery))
            {
                return delivery;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the delivery did not finish");
            await Task.Delay(50);
        }
    }

    public void Dispose() => factory.Dispose();
}
