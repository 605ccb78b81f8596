using System.Text.Json;
using Forecast.Api.Contracts;
using Forecast.Api.Persistence;
using Forecast.Domain.Runs;
using Hangfire;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Webhooks;

/// <summary>The body of every delivery: what happened, when, and to what.</summary>
public sealed record WebhookPayload<T>(string Type, DateTime Timestamp, T Data);

public sealed record RunFinishedData(Guid RunId, TrainingRunStatus Status, Guid? SeriesId, Guid? CollectionId, Guid? ModelId, string? Error);

/// <summary>A retraining policy started a run, and why.</summary>
public sealed record RetrainingStartedData(Guid PolicyId, string Policy, Guid? SeriesId, Guid? CollectionId, Guid RunId, string Reason);

/// <summary>
/// A run's promotion decided: the alias moved to its model (<see cref="WebhookEvents.ModelPromoted"/>), or a retraining
/// policy's run left it where it was (<see cref="WebhookEvents.RetrainingKept"/>); the outcome says why, with both scores.
/// </summary>
public sealed record PromotionData(Guid RunId, Guid? SeriesId, Guid? CollectionId, Guid ModelId, string Alias, Guid? PolicyId, string? Outcome);

/// <summary>The observations of an append that the series' model did not expect, at the level it checks.</summary>
public sealed record SeriesAnomalyData(Guid SeriesId, Guid ModelId, int SeriesVersion, double Level, IReadOnlyList<AnomalyPoint> Anomalies);

/// <summary>
/// Turns an event into one delivery per webhook of its owner that subscribed to it, stored first and then handed to
/// Hangfire, so that a delivery survives a restart (PostgreSQL) and is tried by any process.
/// </summary>
public sealed class WebhookNotifier(IDbContextFactory<ForecastDbContext> dbFactory, IBackgroundJobClient jobs, IOptions<JsonOptions> json, TimeProvider clock)
{
    /// <summary>A run finished; once it succeeded with a promotion, whether its alias moved (or, for a policy's run, stayed).</summary>
    public void RunFinished(Guid runId)
    {
        using var db = dbFactory.CreateDbContext();
        var run = db.TrainingRuns.IgnoreQueryFilters().AsNoTracking().First(r => r.Id == runId);
        Notify(db, run.OwnerKeyId, WebhookEvents.ForFinished(run.Status),
            new RunFinishedData(run.Id, run.Status, run.SeriesId, run.CollectionId, run.ModelId, run.Error));
        if (run is not { Status: TrainingRunStatus.Succeeded, Promotion: { } promotion, ModelId: { } modelId })
        {
            return;
        }
        var subjectId = run.SeriesId ?? run.CollectionId;
        var moved = db.Aliases.IgnoreQueryFilters().Any(a => a.SubjectId == subjectId && a.Name == promotion.Alias && a.ModelId == modelId);
        if (moved || run.RetrainingPolicyId is not null)
        {
            Notify(db, run.OwnerKeyId, moved ? WebhookEvents.ModelPromoted : WebhookEvents.RetrainingKept,
                new PromotionData(run.Id, run.SeriesId, run.CollectionId, modelId, promotion.Alias, run.RetrainingPolicyId, run.PromotionOutcome));
        }
    }

    public void RetrainingStarted(Guid ownerKeyId, RetrainingStartedData started)
    {
        using var db = dbFactory.CreateDbContext();
        Notify(db, ownerKeyId, WebhookEvents.RetrainingStarted, started);
    }

    public void SeriesAnomalies(Guid ownerKeyId, SeriesAnomalyData anomalies)
    {
        using var db = dbFactory.CreateDbContext();
        Notify(db, ownerKeyId, WebhookEvents.SeriesAnomaly, anomalies);
    }

    /// <summary>Whether the key has a webhook for <paramref name="type"/>: an event nobody hears is not worked out.</summary>
    public bool Subscribed(Guid ownerKeyId, string type)
    {
        using var db = dbFactory.CreateDbContext();
        return SubscribersOf(db, ownerKeyId, type).Count > 0;
    }

    private void Notify<T>(ForecastDbContext db, Guid ownerKeyId, string type, T data)
    {
        var webhooks = SubscribersOf(db, ownerKeyId, type);
        if (webhooks.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var body = JsonSerializer.Serialize(new WebhookPayload<T>(type, now, data), json.Value.SerializerOptions);
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

    // Events are a JSON list: filtered in memory, on the few webhooks of one key.
    private static List<WebhookEntity> SubscribersOf(ForecastDbContext db, Guid ownerKeyId, string type) =>
        db.Webhooks.IgnoreQueryFilters().AsNoTracking().Where(w => w.OwnerKeyId == ownerKeyId).ToList().Where(w => w.Events.Contains(type)).ToList();
}
