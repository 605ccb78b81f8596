namespace Forecast.Api.Security;

/// <summary>
/// The headers every answer carries, whoever wrote it (an endpoint, the exception handler, authentication, static files):
/// set when the answer starts, so that an error answer written after the response was cleared has them too.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>X-Content-Type-Options: nosniff</c>: a browser takes JSON, CSV and problem details for what they say they are.</item>
/// <item><c>X-Frame-Options: DENY</c> and <c>Referrer-Policy: no-referrer</c>: nothing here is meant to be framed, and
/// no address of ours (ids in paths) is handed to another site.</item>
/// <item>An answer that is not HTML gets <c>Content-Security-Policy: default-src 'none'; frame-ancestors 'none'</c> unless
/// it set a policy of its own: opened in a browser, an answer of the API is data in which nothing runs or loads. HTML (the
/// page, Swagger UI, the dashboard) keeps its own policy or none, since Swagger UI and the dashboard run inline scripts.</item>
/// <item>Under <c>/api</c>, where every answer needs a key, an answer with an <c>ETag</c> is <c>private, no-cache</c>: no
/// shared cache keeps it, and a client's own cache may keep it only to ask again with <c>If-None-Match</c> (the server
/// checks the key and the owner before it answers 304), which is what conditional reads are for; any other answer is
/// <c>no-store</c>. An endpoint that sets <c>Cache-Control</c> itself (the event stream) keeps it.</item>
/// <item><c>Strict-Transport-Security</c> on answers to HTTPS requests outside Development. Behind a proxy that ends TLS
/// the request arrives as http and none is sent: the proxy, which holds the certificate, sends it.</item>
/// </list>
/// </remarks>
public static class SecurityHeaders
{
    private const string DataPolicy = "default-src 'none'; frame-ancestors 'none'";

    // A year, as browsers' preload lists ask; subdomains are left to whoever runs the domain.
    private const string TransportSecurity = "max-age=31536000";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        // A developer's browser would otherwise pin https on localhost for every other program served there.
        var hsts = !app.Environment.IsDevelopment();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Add(context, hsts);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    private static void Add(HttpContext context, bool hsts)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (headers.ContentSecurityPolicy.Count == 0 && !IsHtml(context.Response.ContentType))
        {
            headers.ContentSecurityPolicy = DataPolicy;
        }
        if (context.Request.Path.StartsWithSegments("/api") && headers.CacheControl.Count == 0)
        {
            headers.CacheControl = headers.ETag.Count > 0 ? "private, no-cache" : "no-store";
        }
        if (hsts && context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = TransportSecurity;
        }
    }

    private static bool IsHtml(string? contentType) => contentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
}
