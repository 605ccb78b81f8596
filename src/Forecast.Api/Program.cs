using Forecast.Api.Apis;
using Forecast.Api.Configuration;
using Forecast.Api.Idempotency;
using Forecast.Api.Jobs;
using Forecast.Api.Persistence;
using Forecast.Api.Persistence.Backups;
using Forecast.Api.RateLimiting;
using Forecast.Api.Retraining;
using Forecast.Api.Security;
using Forecast.Api.Telemetry;
using Forecast.Api.Webhooks;

// Backup and restore of the SQLite database are commands of this binary, on the service's configuration.
if (args is [DatabaseCommands.Backup or DatabaseCommands.Restore, ..])
{
    return await DatabaseCommands.RunAsync(args);
}

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddForecastOptions();
    builder.AddForecastTelemetry();
    builder.AddForecastPersistence();
    builder.AddForecastJobs();
    builder.AddForecastWebhooks();
    builder.AddForecastRetraining();
    builder.AddForecastApi();
    builder.AddForecastSwagger();
    builder.AddForecastAuth();
    builder.AddForecastRateLimits();
    builder.AddForecastCors();

    var app = builder.Build();
    app.ValidateForecastConfiguration();

    await app.Services.MigrateForecastDatabaseAsync();

    app.UseSecurityHeaders();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseRequestTargetAndHeaderLimits();
    app.UseRequestBodyLimit();
    app.UseForecastSwagger();
    app.UseForecastWebPage();
    app.UseForecastCors();
    app.UseForecastAuth();
    app.UseForecastRateLimits();
    app.UseMiddleware<IdempotencyMiddleware>();

    app.MapKeysApi();
    app.MapSeriesApi();
    app.MapCollectionsApi();
    app.MapTrainingRunsApi();
    app.MapMethodsApi();
    app.MapModelsApi();
    app.MapCollectionModelsApi();
    app.MapRegistryApi();
    app.MapAliasesApi();
    app.MapRetrainingApi();
    app.MapWebhooksApi();
    app.MapDiagnosticsApi();
    app.MapCalendarMarksApi();
    app.MapIndexApi();
    app.MapOpenApiDocument();
    app.MapForecastHealth();
    app.MapForecastDashboard();

    await app.RunAsync();
    return 0;
}
catch (Exception error) when (StartupFailure.IsReported(error))
{
    await Console.Error.WriteLineAsync(StartupFailure.Describe(error));
    return StartupFailure.ExitCode;
}

/// <summary>The entry point, public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
