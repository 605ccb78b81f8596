using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Forecast.Api.Apis;

/// <summary>
/// Conditional reads: an answer carries an <c>ETag</c> made from what it was built from, and a request whose
/// <c>If-None-Match</c> names it gets 304 before the answer is built, so a client polling a loss curve or re-reading a
/// forecast pays for neither the query nor the body when nothing changed.
/// </summary>
public static class EntityTags
{
    /// <summary>Sets the tag of <paramref name="version"/> as the answer's ETag; true when the request already holds it.</summary>
    /// <param name="version">Everything the answer depends on, e.g. a run's attempt and epoch, or a model id and the query.</param>
    public static bool IsFresh(HttpContext context, string version)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(version));
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(hash, 0, 12)}\"");
        context.Response.Headers.ETag = tag.ToString();
        var asked = context.Request.GetTypedHeaders().IfNoneMatch;
        return asked.Any(a => a.Equals(EntityTagHeaderValue.Any) || a.Compare(tag, useStrongComparison: false));
    }

    /// <summary>Declares the 304 a conditional read may answer, so that clients generated from the document expect it.</summary>
    public static RouteHandlerBuilder WithConditionalReads(this RouteHandlerBuilder route) =>
        route.Produces(StatusCodes.Status304NotModified);
}
