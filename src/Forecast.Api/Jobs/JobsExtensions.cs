using Forecast.Api.Configuration;
using Forecast.Api.Persistence;
using Forecast.Api.Runs;
using Forecast.Api.Security;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace Forecast.Api.Jobs;

public static class JobsExtensions
{
    /// <summary>
    /// Hangfire with a server on the training queue (none when <c>Training:WorkerCount</c> is 0), storing its jobs
    /// in memory beside SQLite and in the database beside PostgreSQL, where several processes share the queue.
    /// </summary>
    public static IHostApplicationBuilder AddForecastJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RunCancellations>();
        builder.Services.AddSingleton<RunDispatcher>();
        builder.Services.AddSingleton<RunStore>();
        builder.Services.AddSingleton<RunReads>();
        builder.Services.AddSingleton<FaultInjection>();
        builder.Services.AddSingleton<RunPromotion>();
        builder.Services.AddSingleton<WorkerIdentity>();
        builder.Services.AddTransient<TrainingJob>();
        // Hangfire falls back to process-wide statics (JobStorage.Current, JobActivator.Current) that
        // the last host configured wins. Registering both per host keeps two hosts in one process
        // (as in the tests) from running each other's jobs against each other's databases.
        var storage = StorageFor(DatabaseSettings.From(builder.Configuration));
        builder.Services.AddSingleton<JobStorage>(storage);
        builder.Services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((services, config) => config
            .UseLogProvider(new HostLogProvider(services.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(storage));

        var options = builder.Configuration.GetSection(TrainingOptions.Section).Get<TrainingOptions>() ?? new TrainingOptions();
        if (options.WorkerCount > 0)
        {
            builder.Services.AddHangfireServer(server =>
            {
                server.Queues = [TrainingJob.Queue];
                server.WorkerCount = options.WorkerCount;
            });
            builder.Services.AddHostedService<TorchThreadsSetup>();
            builder.Services.AddHostedService<RunRecovery>();
        }
        return builder;
    }

    private static JobStorage StorageFor(DatabaseSettings database)
    {
        if (!database.IsPostgreSql)
        {
            return new InMemoryStorage();
        }
        // A sliding invisibility timeout keeps a job that trains for hours from being handed to a second worker. Long
        // polling (LISTEN/NOTIFY) wakes an idle worker in any process as a run is queued; by polling alone, a process
        // other than the one that queued it would look only every 15 s while its workers sat idle.
        var options = new PostgreSqlStorageOptions
        {
            UseSlidingInvisibilityTimeout = true, PrepareSchemaIfNecessary = true, EnableLongPolling = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
    }

    /// <summary>The dashboard at /hangfire: the admin key may act, any other valid key only look (see <see cref="DashboardAccess"/>).</summary>
    public static WebApplication MapForecastDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard(DashboardAccess.Path, new DashboardOptions
        {
            Authorization = [new DashboardAccess.AuthenticatedCallerFilter()],
            IsReadOnlyFunc = DashboardAccess.IsReadOnly,
            DisplayStorageConnectionString = false,
        });
        return app;
    }
}
