using Forecast.Api.Contracts;
using Forecast.Api.Models;
using Forecast.Api.Persistence;
using Forecast.Api.Registry;
using Forecast.Domain;
using Forecast.Domain.Registry;
using Forecast.Domain.Series;
using Hangfire;

namespace Forecast.Api.Webhooks;

/// <summary>
/// After an append to a series whose owner listens for <see cref="WebhookEvents.SeriesAnomaly"/>: the appended observations
/// are checked against the series' model (its production alias, else its newest) at <see cref="Level"/> percent, and
/// those outside its one-step interval are sent to the owner's webhooks. A job of the webhooks queue, so that an append
/// answers without waiting for a network to predict.
/// </summary>
public sealed class AnomalyCheckJob(AliasStore aliases, ModelCache cache, WebhookNotifier notifier)
{
    /// <summary>The interval level an appended observation is judged at, as <c>GET /api/series/{id}/anomalies</c> defaults to.</summary>
    public const double Level = 99;

    /// <summary>Queues the check of an append, when the series' owner listens for anomalies.</summary>
    public static void AfterAppend(IBackgroundJobClient jobs, WebhookNotifier notifier, SeriesEntity series, AppendedSeries appended)
    {
        if (appended.Changed && series.CollectionId is null && notifier.Subscribed(series.OwnerKeyId, WebhookEvents.SeriesAnomaly))
        {
            jobs.Enqueue<AnomalyCheckJob>(job => job.Check(series.Id, appended.FirstChanged));
        }
    }

    /// <param name="from">The first period the append changed: only those from it on are the append's.</param>
    [Queue(WebhookDeliveryJob.Queue)]
    [AutomaticRetry(Attempts = 0)]
    public async Task Check(Guid seriesId, int from)
    {
        AliasSubject subject;
        LoadedModel model;
        try
        {
            subject = await aliases.SubjectAsync(AliasSubjectKind.Series, seriesId, CancellationToken.None);
            model = await cache.GetAsync(await aliases.ResolveAsync(subject, alias: null, CancellationToken.None), CancellationToken.None);
        }
        catch (NotFoundException)
        {
            // The series was deleted since, or has no model yet: nothing judges its observations.
            return;
        }
        if (model.Entity.Artifact.Calibration is null)
        {
            return;
        }
        var (_, found) = model.Anomalies(Level, from);
        if (found.Count > 0)
        {
            notifier.SeriesAnomalies(subject.OwnerKeyId, new SeriesAnomalyData(seriesId, model.Entity.Id, model.SeriesVersion, Level,
                found.Select(a => AnomalyPoint.Of(a, model.Series)).ToList()));
        }
    }
}
