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
using Microsoft.Extensions.Options;

namespace Forecast.Api.Apis;

public static class HostingExtensions
{
    /// <summary>Problem details, request limits and the services the endpoints use.</summary>
    public static IHostApplicationBuilder AddForecastApi(this WebApplicationBuilder builder)
    {
        var maxBody = builder.Configuration.GetValue<long?>($"{LimitsOptions.Section}:{nameof(LimitsOptions.MaxRequestBodyBytes)}")
            ?? new LimitsOptions().MaxRequestBodyBytes;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);
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
        builder.Services.AddSingleton<RunFollower>();
        builder.Services.AddSingleton<EventStreamSlots>();
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
