using Forecast.Api.Configuration;
using Forecast.Api.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Webhooks;

/// <summary>
/// One try of a delivery, and the next one scheduled when it fails: waits grow threefold from
/// <see cref="WebhookOptions.FirstRetryDelay"/> up to <see cref="WebhookOptions.MaxAttempts"/> tries. Retries are scheduled
/// here rather than by Hangfire's retry filter so that their schedule is configuration, and every try is recorded.
/// Hangfire schedules to the second: a retry may start up to a second before its wait is over.
/// </summary>
public sealed class WebhookDeliveryJob(
    IDbContextFactory<ForecastDbContext> dbFactory, WebhookSender sender, IBackgroundJobClient jobs, IOptions<WebhookOptions> options,
    TimeProvider clock, ILogger<WebhookDeliveryJob> logger)
{
    public const string Queue = "webhooks";

    [Queue(Queue)]
    [AutomaticRetry(Attempts = 0)]
    public async Task Deliver(Guid deliveryId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId);
        var webhook = delivery is null ? null : await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == delivery.WebhookId);
        if (delivery is null || webhook is null || delivery.DeliveredAt is not null || delivery.GaveUp)
        {
            // The webhook was deleted, or another execution of this job already finished the delivery.
            return;
        }
        var answer = await sender.SendAsync(new Uri(webhook.Url), delivery.Id, webhook.Secret, delivery.Payload, CancellationToken.None);
        delivery.Attempts++;
        db.WebhookAttempts.Add(new WebhookAttemptEntity
        {
            DeliveryId = delivery.Id,
            At = clock.GetUtcNow().UtcDateTime,
            StatusCode = answer.StatusCode,
            DurationMs = answer.Duration.TotalMilliseconds,
            Error = answer.Error is { Length: > 1000 } error ? error[..1000] : answer.Error,
        });
        var max = options.Value.MaxAttempts;
        if (answer.Accepted)
        {
            delivery.DeliveredAt = clock.GetUtcNow().UtcDateTime;
        }
        else if (delivery.Attempts >= max)
        {
            delivery.GaveUp = true;
            logger.LogWarning("Webhook {WebhookId} gave up on delivery {DeliveryId} after {Attempts} tries: {Error}", webhook.Id, delivery.Id, max, answer.Error);
        }
        await db.SaveChangesAsync();
        if (!answer.Accepted && !delivery.GaveUp)
        {
            var wait = options.Value.FirstRetryDelay * Math.Pow(3, delivery.Attempts - 1);
            jobs.Schedule<WebhookDeliveryJob>(job => job.Deliver(deliveryId), wait);
        }
    }
}
