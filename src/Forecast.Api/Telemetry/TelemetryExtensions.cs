using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Forecast.Api.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The standard setting that names the collector; the OTLP exporter reads it and the others (protocol, headers) itself.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Traces, metrics and logs exported over OTLP where <see cref="OtlpEndpointSetting"/> is set. Where it is not,
    /// no OpenTelemetry SDK is registered: nothing samples, collects or buffers, and the instruments, with no listener,
    /// cost next to nothing (<c>dotnet-counters monitor --counters Forecast</c> can still read them).
    /// </summary>
    public static IHostApplicationBuilder AddForecastTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ForecastMetrics>();
        builder.Services.AddHostedService<InstrumentsAtStart>();
        if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            return builder;
        }
        // A name set in code would override the standard OTEL_SERVICE_NAME, so it is only the fallback.
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } named ? named : ForecastTelemetry.Name;
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing.AddForecastInstrumentation())
            .WithMetrics(metrics => metrics.AddForecastInstrumentation())
            .UseOtlpExporter();
        return builder;
    }

    /// <summary>The spans the service exports: its requests, its outgoing HTTP calls, its database commands and its training jobs.</summary>
    public static TracerProviderBuilder AddForecastInstrumentation(this TracerProviderBuilder tracing) => tracing
        .AddSource(ForecastTelemetry.Name)
        // Orchestrators probe health every few seconds; those requests would bury the ones that matter.
        .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
        .AddHttpClientInstrumentation()
        .AddEntityFrameworkCoreInstrumentation();

    /// <summary>The metrics the service exports: its own meter, ASP.NET Core's and HttpClient's, and the runtime's.</summary>
    public static MeterProviderBuilder AddForecastInstrumentation(this MeterProviderBuilder metrics) => metrics
        .AddMeter(ForecastTelemetry.Name)
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation()
        .AddMeter("System.Runtime");

    /// <summary>
    /// Creates the instruments when the host starts: the run gauges would otherwise appear only with the first epoch
    /// or forecast, and never in a process that serves HTTP only.
    /// </summary>
    private sealed class InstrumentsAtStart : IHostedService
    {
        // Being resolved is what creates them.
        public InstrumentsAtStart(ForecastMetrics metrics) => ArgumentNullException.ThrowIfNull(metrics);

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
