namespace Forecast.Api.Security;

/// <summary>Whose data a database context may see, and who owns the series it creates.</summary>
public interface ICallerContext
{
    /// <summary>True for the admin key and for background work such as training jobs: nothing is filtered.</summary>
    bool SeesAll { get; }

    /// <summary>The owner of new series: the caller's key id; null for an anonymous request, which sees nothing.</summary>
    Guid? OwnerId { get; }
}

/// <summary>
/// The caller of the current HTTP request. Database contexts are made by a singleton factory, for requests and
/// for jobs alike, so the caller is looked up per query through the request's context rather than injected
/// per scope. Without a request (a Hangfire job, start-up recovery) the caller is the service itself.
/// </summary>
internal sealed class HttpCallerContext(IHttpContextAccessor accessor) : ICallerContext
{
    public bool SeesAll => accessor.HttpContext is not { } http || Caller.IsAdmin(http.User);

    public Guid? OwnerId => accessor.HttpContext is { } http ? Caller.KeyIdOf(http.User) : Caller.AdminOwnerId;
}
