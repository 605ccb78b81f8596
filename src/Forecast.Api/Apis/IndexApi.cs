using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.FileProviders;

namespace Forecast.Api.Apis;

/// <summary>Where the service's other doors are, for a program that asks <c>/</c> for JSON.</summary>
/// <param name="Service">What answers here.</param>
/// <param name="Links">Paths that answer without a key.</param>
/// <param name="Documentation">Where the API is described.</param>
public sealed record ServiceIndex(string Service, IReadOnlyDictionary<string, string> Links, string Documentation);

/// <summary>
/// The root: the web page for a browser, a JSON index of the open links for a client that asks for JSON. The page's
/// files are public (it holds no data; everything it shows comes from <c>/api</c> with the key the user types in),
/// and a Content-Security-Policy allows only its own scripts and styles, so no inline script can run in it.
/// </summary>
public static class IndexApi
{
    private const string PageFile = "index.html";

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The page's files from wwwroot; before authentication, so that they are served without a key.</summary>
    public static IApplicationBuilder UseForecastWebPage(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = file => AddPagePolicy(file.Context.Response) });

    public static IEndpointRouteBuilder MapIndexApi(this WebApplication app)
    {
        var swagger = app.IsSwaggerEnabled();
        var page = app.Environment.WebRootFileProvider.GetFileInfo(PageFile);
        app.MapGet("/", (HttpRequest request) => Index(request, page, swagger)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static Results<PhysicalFileHttpResult, Ok<ServiceIndex>> Index(HttpRequest request, IFileInfo page, bool swagger)
    {
        if (AsksForJson(request))
        {
            return TypedResults.Ok(ServiceIndexOf(swagger));
        }
        AddPagePolicy(request.HttpContext.Response);
        // The page is small and changes with every release: revalidated each time rather than cached stale.
        request.HttpContext.Response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(page.PhysicalPath!, "text/html; charset=utf-8", lastModified: page.LastModified);
    }

    private static ServiceIndex ServiceIndexOf(bool swagger)
    {
        var links = new Dictionary<string, string> { ["page"] = "/", ["live"] = "/health/live", ["ready"] = "/health/ready" };
        if (swagger)
        {
            links["swagger"] = "/swagger";
            links["openapi"] = SwaggerExtensions.DocumentPath;
        }
        return new ServiceIndex(
            "Forecast API: every /api route needs an X-Api-Key header; a browser at / gets the web page.",
            links,
            swagger
                ? "Swagger UI (/swagger) describes every route; the repository's docs/api.md too."
                : $"Swagger UI (/swagger) is off in this environment; the operator turns it on with Swagger__Enabled=true. The OpenAPI document is at {SwaggerExtensions.DocumentPath} with an API key; the repository's docs/api.md describes every route.");
    }

    // A browser asks for text/html first; a program that names JSON and not HTML wants the index.
    private static bool AsksForJson(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            && !accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    // nosniff, no framing and no referrer come with every answer (Security.SecurityHeaders).
    private static void AddPagePolicy(HttpResponse response) => response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
}
