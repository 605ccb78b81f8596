using System.Net;
using Forecast.Api.Contracts;
using Forecast.Api.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Forecast.Api.Tests;

/// <summary>What a log could give away: a session through every door that takes or gives a secret, logged at every level.</summary>
public sealed class LogSecrecyTests
{
    [Fact]
    public async Task A_whole_session_logged_at_trace_level_writes_no_key_and_no_secret()
    {
        var logs = new CapturedLogs();
        using var receiver = new WebhookReceiver();
        using var factory = ForecastApiFactory.With(("Webhooks:RequireHttps", "false"), ("Webhooks:AllowPrivateAddresses", "true"));
        using var host = factory.LoggedTo(logs);
        // Through Kestrel on a real socket, so that the server's own logging is in the run too.
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        using var admin = ClientOf(host, ForecastApiFactory.AdminKey);

        var key = await (await admin.PostJsonAsync("/api/keys", new { name = "logged" })).ReadAsync<CreatedKeyResponse>();
        var revoked = await (await admin.PostJsonAsync("/api/keys", new { name = "revoked" })).ReadAsync<CreatedKeyResponse>();
        using var client = ClientOf(host, key.Key);
        var webhook = await (await client.PostJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "run.succeeded" } }))
            .ReadAsync<CreatedWebhookResponse>();
        var upload = await UploadTwiceAsync(client);
        var run = await TrainingFlow.TrainAsync(client, upload.Id, TrainingFlow.Tiny(epochs: 1, transform: "none"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=6&level=80")).StatusCode);
        await receiver.WaitForAsync(1);
        // A mistyped key is a real key but for one character: logging it would give most of the real one away.
        var wrong = key.Key[..^1] + (key.Key[^1] == 'A' ? 'B' : 'A');
        using var mistyped = ClientOf(host, wrong);
        await (await mistyped.GetAsync("/api/series")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/keys/{revoked.Id}")).StatusCode);
        using var refused = ClientOf(host, revoked.Key);
        await (await refused.GetAsync("/api/series")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/hangfire")).StatusCode);

        var entries = logs.Entries.ToList();
        Assert.All(new[] { "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.EntityFrameworkCore.Database.Command", typeof(ApiKeyHandler).FullName! },
            category => Assert.Contains(entries, e => e.Category.StartsWith(category, StringComparison.Ordinal)));
        Assert.Contains(entries, e => e.Level == LogLevel.Trace);
        var secrets = new Dictionary<string, string>
        {
            ["the admin key"] = ForecastApiFactory.AdminKey,
            ["a client key's secret"] = key.Key["fk_".Length..].Split('_', 2)[1],
            ["a revoked key's secret"] = revoked.Key["fk_".Length..].Split('_', 2)[1],
            ["a mistyped key"] = wrong,
            ["a webhook's signing secret"] = webhook.Secret["whsec_".Length..],
        };
        Assert.All(secrets, secret =>
        {
            var leaks = entries.Where(e => e.Line.Contains(secret.Value, StringComparison.Ordinal)).ToList();
            Assert.True(leaks.Count == 0, $"{secret.Key} is in {leaks.Count} of {entries.Count} log entries, first in {leaks.FirstOrDefault()?.Line}");
        });
    }

    /// <summary>An upload retried with the same <c>Idempotency-Key</c>: the second answer is the first, replayed.</summary>
    private static async Task<SeriesResponse> UploadTwiceAsync(HttpClient client)
    {
        var csv = await File.ReadAllTextAsync(ApiClient.DataFile("airpassengers.csv"));
        HttpRequestMessage Upload()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/series?name=logged") { Content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv") };
            request.Headers.Add("Idempotency-Key", "logged-upload");
            return request;
        }
        var first = await (await client.SendAsync(Upload())).ReadAsync<SeriesResponse>();
        var retry = await client.SendAsync(Upload());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        return first;
    }

    private static HttpClient ClientOf(WebApplicationFactory<Program> host, string key)
    {
        var client = new HttpClient { BaseAddress = host.ClientOptions.BaseAddress };
        client.DefaultRequestHeaders.Add(ApiKeyHandler.HeaderName, key);
        return client;
    }
}
