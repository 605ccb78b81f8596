using Microsoft.AspNetCore.Http.HttpResults;

namespace Forecast.Api.Apis;

/// <summary>Where the service's other doors are, for whoever opens its address in a browser.</summary>
/// <param name="Service">What answers here.</param>
/// <param name="Links">Paths that answer without a key.</param>
/// <param name="Documentation">Where the API is described.</param>
public sealed record ServiceIndex(string Service, IReadOnlyDictionary<string, string> Links, string Documentation);

public static class IndexApi
{
    public static IEndpointRouteBuilder MapIndexApi(this WebApplication app)
    {
        var swagger = app.IsSwaggerEnabled();
        app.MapGet("/", () => Index(swagger)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Swagger UI where it is on; elsewhere the links that need no key.</summary>
    public static Results<RedirectHttpResult, Ok<ServiceIndex>> Index(bool swagger) => swagger
        ? TypedResults.Redirect("/swagger")
        : TypedResults.Ok(new ServiceIndex(
            "Forecast API: every /api route needs an X-Api-Key header.",
            new Dictionary<string, string> { ["live"] = "/health/live", ["ready"] = "/health/ready" },
            "Swagger UI (/swagger) is off in this environment; the operator turns it on with Swagger__Enabled=true. The repository's README.md and docs/design.md describe every route."));
}
