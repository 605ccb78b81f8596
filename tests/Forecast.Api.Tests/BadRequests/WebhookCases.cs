using System.Net;
using static Forecast.Api.Tests.BadRequests.Requests;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>
/// Webhook registrations that would reach inside the network (the server-side request forgery guard), URLs that are
/// not URLs, and events that are not events. A name that resolves inward only when a delivery connects, and a
/// redirect inward, are refused at delivery: WebhooksTests shows both.
/// </summary>
public static class WebhookCases
{
    private static Func<BadRequestTargets, HttpRequestMessage> Register(string url, string events = "[\"run.succeeded\"]") =>
        _ => Post("/api/webhooks", $"{{\"url\":\"{url}\",\"events\":{events}}}");

    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        new("a webhook URL that is not absolute", HttpStatusCode.BadRequest, "url", Register("/hooks")),
        new("a webhook URL on ftp", HttpStatusCode.BadRequest, "url", Register("ftp://example.com/hooks")),
        new("a webhook URL over plain http", HttpStatusCode.BadRequest, "https", Register("http://example.com/hooks")),
        new("a webhook URL with credentials", HttpStatusCode.BadRequest, "credentials", Register("https://user:pass@example.com/hooks")),
        new("a webhook to a private address", HttpStatusCode.BadRequest, "private", Register("https://10.0.0.7/hooks")),
        new("a webhook to the cloud metadata address", HttpStatusCode.BadRequest, "private", Register("https://169.254.169.254/latest/meta-data")),
        new("a webhook to the IPv6 loopback", HttpStatusCode.BadRequest, "loopback", Register("https://[::1]/hooks")),
        new("a webhook to loopback written as IPv4 in IPv6", HttpStatusCode.BadRequest, "loopback", Register("https://[::ffff:127.0.0.1]/hooks")),
        new("a webhook to localhost by name", HttpStatusCode.BadRequest, "loopback", Register("https://localhost:8080/hooks")),
        new("a webhook to loopback written as one number", HttpStatusCode.BadRequest, "loopback", Register("https://2130706433/hooks")),
        new("a webhook URL of 2,001 characters", HttpStatusCode.BadRequest, "2000", Register($"https://example.com/{new string('h', 1990)}")),
        new("a webhook for an event that does not exist", HttpStatusCode.BadRequest, "run.exploded", Register("https://example.com/hooks", "[\"run.exploded\"]")),
        new("a webhook for no events", HttpStatusCode.BadRequest, "events", Register("https://example.com/hooks", "[]")),
        new("a webhook naming an event twice", HttpStatusCode.BadRequest, "once", Register("https://example.com/hooks", "[\"run.failed\",\"run.failed\"]")),
        new("a webhook without a URL", HttpStatusCode.BadRequest, "url", _ => Post("/api/webhooks", "{\"events\":[\"run.failed\"]}")),
        new("a webhook that does not exist", HttpStatusCode.NotFound, "not found", Get(_ => $"/api/webhooks/{Guid.NewGuid()}")),
        new("the deliveries of a webhook that does not exist", HttpStatusCode.NotFound, "not found", Get(_ => $"/api/webhooks/{Guid.NewGuid()}/deliveries")),
        new("deleting a webhook that does not exist", HttpStatusCode.NotFound, "not found", Delete(_ => $"/api/webhooks/{Guid.NewGuid()}")),
    ];
}
