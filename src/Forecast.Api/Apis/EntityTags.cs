using Microsoft.Net.Http.Headers;

namespace Forecast.Api.Apis;

/// <summary>
/// Conditional reads: an answer carries an <c>ETag</c> made from what it was built from, and a request whose
/// <c>If-None-Match</c> names it gets 304 before the answer is built, so a client polling a loss curve or re-reading a
/// forecast pays for neither the query nor the body when nothing changed.
/// </summary>
public static class EntityTags
{
    /// <summary>Sets <paramref name="version"/> as the answer's ETag; true when the request already holds it.</summary>
    /// <param name="version">What the answer depends on, e.g. a run's attempt and epoch, or a model id and the query.</param>
    public static bool IsFresh(HttpContext context, string version)
    {
        var tag = new EntityTagHeaderValue($"\"{version}\"");
        context.Response.Headers.ETag = tag.ToString();
        var asked = context.Request.GetTypedHeaders().IfNoneMatch;
        return asked.Any(a => a.Equals(EntityTagHeaderValue.Any) || a.Compare(tag, useStrongComparison: false));
    }
}
