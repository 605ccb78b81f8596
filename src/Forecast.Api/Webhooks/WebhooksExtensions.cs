using Forecast.Api.Configuration;
using Hangfire;

namespace Forecast.Api.Webhooks;

public static class WebhooksExtensions
{
    /// <summary>
    /// Webhook deliveries, with a Hangfire server of their own on the <c>webhooks</c> queue in every process, HTTP-only
    /// ones included, so that a delivery never waits behind a training run for a worker.
    /// </summary>
    public static IHostApplicationBuilder AddForecastWebhooks(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<WebhookOptions>(WebhookOptions.Section);
        builder.Services.AddSingleton<WebhookRules>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<WebhookNotifier>();
        builder.Services.AddTransient<WebhookDeliveryJob>();
        builder.Services.AddTransient<AnomalyCheckJob>();
        var options = builder.Configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        builder.Services.AddHangfireServer(server =>
        {
            server.ServerName = $"{Environment.MachineName}:webhooks:{Guid.NewGuid():N}";
            server.Queues = [WebhookDeliveryJob.Queue];
            server.WorkerCount = 1;
            server.SchedulePollingInterval = options.RetryPollInterval;
        });
        return builder;
    }
}
