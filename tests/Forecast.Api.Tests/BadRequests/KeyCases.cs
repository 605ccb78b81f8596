using System.Net;
using static Forecast.Api.Tests.BadRequests.Requests;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>Keys made and revoked by the admin with names that are missing, too long or unprintable, or ids that name no key.</summary>
public static class KeyCases
{
    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        new("a key without a name", HttpStatusCode.BadRequest, "name", _ => Post("/api/keys", "{}"), Sender.Admin),
        new("a key with an empty name", HttpStatusCode.BadRequest, "name", _ => Post("/api/keys", "{\"name\":\"\"}"), Sender.Admin),
        new("a key name of 101 characters", HttpStatusCode.BadRequest, "100", _ => Post("/api/keys", $"{{\"name\":\"{new string('k', 101)}\"}}"), Sender.Admin),
        new("a key name with an escape character", HttpStatusCode.BadRequest, "printable", _ => Post("/api/keys", "{\"name\":\"a\\u001b[2Jb\"}"), Sender.Admin),
        new("a key name with a bidirectional override", HttpStatusCode.BadRequest, "printable", _ => Post("/api/keys", "{\"name\":\"a\\u202Eb\"}"), Sender.Admin),
        new("revoking a key that does not exist", HttpStatusCode.NotFound, "not found", Delete(_ => $"/api/keys/{Guid.NewGuid()}"), Sender.Admin),
        new("reading a key that does not exist", HttpStatusCode.NotFound, "not found", Get(_ => $"/api/keys/{Guid.NewGuid()}"), Sender.Admin),
        new("a client key revoking a key", HttpStatusCode.Forbidden, "admin", Delete(_ => $"/api/keys/{Guid.NewGuid()}")),
        new("an API key of 10,000 characters", HttpStatusCode.Unauthorized, "not valid", _ => Send(HttpMethod.Get, "/api/series").WithHeader("X-Api-Key", new string('k', 10_000)), Sender.NoKey),
    ];
}
