using System.ComponentModel.DataAnnotations;
using Forecast.Api.Configuration;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Security;

/// <summary>Browser origins allowed to call the API (section <c>Cors</c>); none by default.</summary>
public sealed class ForecastCorsOptions : IValidatableObject
{
    public const string Section = "Cors";

    /// <summary>Exact origins such as <c>https://app.example.com</c>; no wildcard.</summary>
    public string[] Origins { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Origins.Where(origin => !IsOrigin(origin)).Select(origin => new ValidationResult(
            $"Cors:Origins must be exact origins (scheme://host[:port], no path, no wildcard); '{origin}' is not one.", [nameof(Origins)]));

    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !origin.Contains('*', StringComparison.Ordinal)
        && uri.GetLeftPart(UriPartial.Authority) == origin.TrimEnd('/');
}

public static class CorsExtensions
{
    public static IHostApplicationBuilder AddForecastCors(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ForecastCorsOptions>(ForecastCorsOptions.Section);
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<ForecastCorsOptions>>((cors, allowed) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins(allowed.Value.Origins)
                .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Delete)
                .WithHeaders(ApiKeyHandler.HeaderName, "Content-Type", Idempotency.IdempotencyMiddleware.Header)
                .WithExposedHeaders("Location", "Retry-After", "Idempotent-Replayed")));
        return builder;
    }

    /// <summary>Before authentication, so a browser's preflight (which carries no key) is answered.</summary>
    public static IApplicationBuilder UseForecastCors(this IApplicationBuilder app) => app.UseCors();
}
