using System.Text.Json;
using Forecast.Api.Persistence;
using Forecast.Domain.Runs;
using Hangfire;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Webhooks;

/// <summary>The body of every delivery: what happened, when, and to which run.</summary>
public sealed record WebhookPayload(string Type, DateTime Timestamp, RunFinishedData Data);

public sealed record RunFinishedData(Guid RunId, TrainingRunStatus Status, Guid? SeriesId, Guid? CollectionId, Guid? ModelId, string? Error);

/// <summary>
/// Turns a finished run into one delivery per webhook of its owner that subscribed to its event, stored first and then
/// handed to Hangfire, so that a delivery survives a restart (PostgreSQL) and is tried by any process.
/// </summary>
public sealed class WebhookNotifier(IDbContextFactory<ForecastDbContext> dbFactory, IBackgroundJobClient jobs, IOptions<JsonOptions> json, TimeProvider clock)
{
    public void RunFinished(Guid runId)
    {
        using var db = dbFactory.CreateDbContext();
        var run = db.TrainingRuns.IgnoreQueryFilters().AsNoTracking().First(r => r.Id == runId);
        var type = WebhookEvents.ForFinished(run.Status);
        var webhooks = db.Webhooks.IgnoreQueryFilters().AsNoTracking().Where(w => w.OwnerKeyId == run.OwnerKeyId).ToList()
            .Where(w => w.Events.Contains(type)).ToList();
        if (webhooks.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var body = JsonSerializer.Serialize(new WebhookPayload(type, now,
            new RunFinishedData(run.Id, run.Status, run.SeriesId, run.CollectionId, run.ModelId, run.Error)), json.Value.SerializerOptions);
        var deliveries = webhooks.Select(w => new WebhookDeliveryEntity
        {
            Id = Guid.CreateVersion7(),
            WebhookId = w.Id,
            OwnerKeyId = w.OwnerKeyId,
            EventType = type,
            Payload = body,
            CreatedAt = now,
        }).ToList();
        db.WebhookDeliveries.AddRange(deliveries);
        db.SaveChanges();
        foreach (var delivery in deliveries)
        {
            jobs.Enqueue<WebhookDeliveryJob>(job => job.Deliver(delivery.Id));
        }
    }
}
