using Forecast.Api.Configuration;
using Forecast.Api.Errors;
using Forecast.Api.Models;
using Forecast.Api.Series;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.OpenApi;

namespace Forecast.Api.Apis;

public static class HostingExtensions
{
    /// <summary>Problem details, request limits, Swagger and the services the endpoints use.</summary>
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
        builder.Services.AddSingleton<ModelCache>();

        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Forecast API",
                Version = "v1",
                Description = "Upload a time series, train an LSTM on it in the background, read its loss curve, evaluation and forecasts.",
            });
            var docs = Path.Combine(AppContext.BaseDirectory, "Forecast.Api.xml");
            if (File.Exists(docs))
            {
                swagger.IncludeXmlComments(docs);
            }
        });
        return builder;
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
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
