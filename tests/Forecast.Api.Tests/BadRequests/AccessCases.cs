using System.Net;
using static Forecast.Api.Tests.BadRequests.Requests;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>Ids that name nothing, verbs a route does not take, a state change a run cannot make, and keys that are missing, wrong, revoked or not the admin's.</summary>
public static class AccessCases
{
    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        // Ids, methods, state.
        new("a malformed id", HttpStatusCode.NotFound, "Nothing is served", Get(_ => "/api/series/not-a-guid")),
        new("an unknown model", HttpStatusCode.NotFound, "not found", Get(_ => $"/api/models/{Guid.NewGuid()}")),
        new("an unknown run's loss curve", HttpStatusCode.NotFound, "not found", Get(_ => $"/api/training-runs/{Guid.NewGuid()}/loss-curve")),
        new("PUT on series", HttpStatusCode.MethodNotAllowed, "method", _ => Send(HttpMethod.Put, "/api/series", new StringContent("{}"))),
        new("PATCH on a run", HttpStatusCode.MethodNotAllowed, "method", t => Send(HttpMethod.Patch, $"/api/training-runs/{t.RunId}", new StringContent("{}"))),
        new("DELETE on the series collection", HttpStatusCode.MethodNotAllowed, "method", _ => Send(HttpMethod.Delete, "/api/series")),
        new("PUT on a forecast", HttpStatusCode.MethodNotAllowed, "method", t => Send(HttpMethod.Put, $"/api/models/{t.ModelId}/forecast", new StringContent("{}"))),
        new("cancelling a finished run", HttpStatusCode.Conflict, "already finished", t => Send(HttpMethod.Post, $"/api/training-runs/{t.RunId}/cancel")),
        new("an oversize Idempotency-Key", HttpStatusCode.BadRequest, "Idempotency-Key", _ =>
        {
            var request = Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,2,3]}}");
            request.Headers.Add("Idempotency-Key", new string('k', 201));
            return request;
        }),

        // Keys.
        new("no API key", HttpStatusCode.Unauthorized, "X-Api-Key", _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,2,3]}}"), Sender.NoKey),
        new("a wrong API key", HttpStatusCode.Unauthorized, "not valid", t => Send(HttpMethod.Get, $"/api/series/{t.SeriesId}"), Sender.WrongKey),
        new("a revoked API key", HttpStatusCode.Unauthorized, "revoked", t => Send(HttpMethod.Get, $"/api/series/{t.SeriesId}"), Sender.RevokedKey),
        new("a client key creating keys", HttpStatusCode.Forbidden, "admin", _ => Post("/api/keys", "{\"name\":\"more\"}")),
        new("a client key listing keys", HttpStatusCode.Forbidden, "admin", Get(_ => "/api/keys")),
    ];
}
