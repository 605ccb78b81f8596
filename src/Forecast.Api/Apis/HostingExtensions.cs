using Forecast.Api.Admission;
using Forecast.Api.Collections;
using Forecast.Api.Configuration;
using Forecast.Api.Errors;
using Forecast.Api.Models;
using Forecast.Api.Registry;
using Forecast.Api.Runs;
using Forecast.Api.Series;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using MinDataRate = Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Apis;

public static class HostingExtensions
{
    // Room for the largest LimitsOptions.MaxRequestTargetLength and MaxRequestHeadersBytes, with the method and version.
    private const int RequestLineCeiling = 65_536 + 1_024;

    /// <summary>Problem details, request limits and the services the endpoints use.</summary>
    public static IHostApplicationBuilder AddForecastApi(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new LimitsOptions();
        var maxBody = limits.MaxRequestBodyBytes;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = maxBody;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(limits.MinRequestBodyBytesPerSecond, limits.SlowBodyGracePeriod);
            // Kestrel answers a request line or headers over its own limits with a bare 414 or 431 before the pipeline
            // runs; at the largest values our limits allow, UseRequestTargetAndHeaderLimits answers with problem details.
            kestrel.Limits.MaxRequestLineSize = RequestLineCeiling;
            kestrel.Limits.MaxRequestHeadersTotalSize = RequestLineCeiling;
        });
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = maxBody);

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Detail ??= FrameworkProblemDetail(context.ProblemDetails.Status));
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddSingleton<SeriesUploadReader>();
        builder.Services.AddSingleton<ObservationsReader>();
        builder.Services.AddSingleton<ObservationStore>();
        builder.Services.AddSingleton<CollectionUploadReader>();
        builder.Services.AddSingleton<ModelCache>();
        builder.Services.AddSingleton<RunAdmission>();
        builder.Services.AddSingleton<RunSubmission>();
        builder.Services.AddSingleton<RunFollower>();
        builder.Services.AddSingleton<EventStreamSlots>();
        builder.Services.AddSingleton<StreamLeases>();
        builder.Services.AddSingleton<AliasStore>();
        builder.Services.AddSingleton<SeriesAnomalies>();

        return builder;
    }

    /// <summary>
    /// Refuses a body whose declared length is over <see cref="LimitsOptions.MaxRequestBodyBytes"/> (413) before
    /// anything reads it. Kestrel enforces the same limit while reading, chunked bodies included; this answers
    /// at once, and on servers without that limit (the test server) as well.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app)
    {
        var max = app.ApplicationServices.GetRequiredService<IOptions<LimitsOptions>>().Value.MaxRequestBodyBytes;
        return app.Use((context, next) => context.Request.ContentLength > max
            ? throw new BadHttpRequestException(
                $"The request body is {context.Request.ContentLength} bytes, more than the {max} allowed (Limits:MaxRequestBodyBytes).",
                StatusCodes.Status413PayloadTooLarge)
            : next(context));
    }

    /// <summary>
    /// Refuses a request target longer than <see cref="LimitsOptions.MaxRequestTargetLength"/> (414) and headers larger
    /// than <see cref="LimitsOptions.MaxRequestHeadersBytes"/> (431), as problem details that name the limit.
    /// </summary>
    public static IApplicationBuilder UseRequestTargetAndHeaderLimits(this IApplicationBuilder app)
    {
        var limits = app.ApplicationServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
        return app.Use((context, next) =>
        {
            var request = context.Request;
            var target = (request.PathBase.Value?.Length ?? 0) + (request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0);
            if (target > limits.MaxRequestTargetLength)
            {
                throw new BadHttpRequestException(
                    $"The request target (path and query string) is {target} characters, more than the {limits.MaxRequestTargetLength} allowed (Limits:MaxRequestTargetLength).",
                    StatusCodes.Status414UriTooLong);
            }
            var headers = request.Headers.Sum(header => header.Key.Length + header.Value.Sum(value => value?.Length ?? 0));
            if (headers > limits.MaxRequestHeadersBytes)
            {
                throw new BadHttpRequestException(
                    $"The request headers are {headers} bytes, more than the {limits.MaxRequestHeadersBytes} allowed (Limits:MaxRequestHeadersBytes).",
                    StatusCodes.Status431RequestHeaderFieldsTooLarge);
            }
            return next(context);
        });
    }

    // Answers the framework writes itself (routing, content negotiation) come without a detail.
    private static string? FrameworkProblemDetail(int? status) => status switch
    {
        StatusCodes.Status404NotFound => "Nothing is served at this path; see /swagger for the API.",
        StatusCodes.Status405MethodNotAllowed => "This path does not accept that HTTP method; see /swagger for the API.",
        StatusCodes.Status415UnsupportedMediaType => "The request's content type is not accepted here; see /swagger for the accepted types.",
        _ => null,
    };

    public static WebApplication MapForecastHealth(this WebApplication app)
    {
        // Open to orchestrators, which hold no API key; they say only whether the service is up.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}
