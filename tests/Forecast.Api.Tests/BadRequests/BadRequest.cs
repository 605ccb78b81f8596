using System.Net;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>Who sends a bad request.</summary>
public enum Sender
{
    Client,
    Admin,
    NoKey,
    WrongKey,
    RevokedKey,
}

/// <param name="Mentions">A fragment the problem's detail must contain (case-insensitive), so the answer is known to name the fault.</param>
public sealed record BadRequest(string Name, HttpStatusCode Status, string Mentions, Func<BadRequestTargets, HttpRequestMessage> Build, Sender Sender = Sender.Client);
