using System.Net;
using static Forecast.Api.Tests.BadRequests.Requests;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>Headers a client sets: event streams' Last-Event-ID, idempotency keys reused or unprintable, and the API key header repeated.</summary>
public static class HeaderCases
{
    private static Func<BadRequestTargets, HttpRequestMessage> Events(string lastEventId) =>
        t => Send(HttpMethod.Get, $"/api/training-runs/{t.RunId}/events").WithHeader("Last-Event-ID", lastEventId);

    private static Func<BadRequestTargets, HttpRequestMessage> Idempotent(string key, string body = $"{{\"name\":\"x\",{Daily},\"values\":[1,2,3]}}") =>
        _ => Upload(body).WithHeader("Idempotency-Key", key);

    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        new("a Last-Event-ID that is a word", HttpStatusCode.BadRequest, "Last-Event-ID", Events("latest")),
        new("a negative Last-Event-ID", HttpStatusCode.BadRequest, "Last-Event-ID", Events("-1")),
        new("a Last-Event-ID beyond int", HttpStatusCode.BadRequest, "Last-Event-ID", Events("99999999999")),
        new("a Last-Event-ID with a fraction", HttpStatusCode.BadRequest, "Last-Event-ID", Events("3.5")),
        new("the events of a run that does not exist", HttpStatusCode.NotFound, "not found", Get(_ => $"/api/training-runs/{Guid.NewGuid()}/events")),
        new("an idempotency key reused with another body", HttpStatusCode.UnprocessableEntity, "different request", Idempotent(BadRequestTargets.UsedIdempotencyKey)),
        new("an idempotency key with a control character", HttpStatusCode.BadRequest, "Idempotency-Key", Idempotent("key\u0007bell")),
        new("an idempotency key given twice", HttpStatusCode.BadRequest, "Idempotency-Key",
            _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,2,3]}}").WithHeader("Idempotency-Key", "one").WithHeader("Idempotency-Key", "two")),
    ];
}
