using Hangfire;

namespace Forecast.Api.Retraining;

public static class RetrainingExtensions
{
    /// <summary>
    /// Retraining policies, reviewed by a Hangfire server of their own on the <c>retraining</c> queue in every process, so
    /// that a tick never waits behind a training run for a worker; their schedules are registered at start.
    /// </summary>
    public static IHostApplicationBuilder AddForecastRetraining(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RetrainingSchedules>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RetrainingSchedules>());
        builder.Services.AddSingleton<RetrainingPolicies>();
        builder.Services.AddTransient<RetrainingJob>();
        builder.Services.AddHangfireServer(server =>
        {
            server.ServerName = $"{Environment.MachineName}:retraining:{Guid.NewGuid():N}";
            server.Queues = [RetrainingJob.Queue];
            server.WorkerCount = 1;
        });
        return builder;
    }
}
