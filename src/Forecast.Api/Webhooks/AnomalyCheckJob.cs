using Forecast.Api.Contracts;
using Forecast.Api.Models;
using Forecast.Api.Persistence;
using Forecast.Domain;
using Forecast.Domain.Series;
using Hangfire;

namespace Forecast.Api.Webhooks;

/// <summary>
/// After an append to a series whose owner listens for <see cref="WebhookEvents.SeriesAnomaly"/>: the appended observations
/// are checked against the series' model (<see cref="SeriesAnomalies"/>: a member's is its collection's global model) at
/// <see cref="Level"/> percent, and those outside its one-step interval are sent to the owner's webhooks. A job of the
/// webhooks queue, so that an append answers without waiting for a network to predict.
/// </summary>
public sealed class AnomalyCheckJob(SeriesAnomalies anomalies, WebhookNotifier notifier)
{
    /// <summary>The interval level an appended observation is judged at, as <c>GET /api/series/{id}/anomalies</c> defaults to.</summary>
    public const double Level = 99;

    /// <summary>Queues the check of an append, when the series' owner listens for anomalies.</summary>
    public static void AfterAppend(IBackgroundJobClient jobs, WebhookNotifier notifier, SeriesEntity series, AppendedSeries appended)
    {
        if (appended.Changed && notifier.Subscribed(series.OwnerKeyId, WebhookEvents.SeriesAnomaly))
        {
            jobs.Enqueue<AnomalyCheckJob>(job => job.Check(series.Id, series.OwnerKeyId, appended.FirstChanged));
        }
    }

    /// <param name="from">The first period the append changed: only those from it on are the append's.</param>
    [Queue(WebhookDeliveryJob.Queue)]
    [AutomaticRetry(Attempts = 0)]
    public async Task Check(Guid seriesId, Guid ownerKeyId, int from)
    {
        AnomalyReport report;
        try
        {
            report = await anomalies.FindAsync(seriesId, modelId: null, Level, from, CancellationToken.None);
        }
        catch (Exception e) when (e is NotFoundException or UnprocessableException)
        {
            // The series was deleted since, has no model yet, or its model has no intervals: nothing judges its observations.
            return;
        }
        if (report.Found.Count > 0)
        {
            notifier.SeriesAnomalies(ownerKeyId, new SeriesAnomalyData(seriesId, report.ModelId, report.SeriesVersion, Level,
                report.Found.Select(a => AnomalyPoint.Of(a, report.Series)).ToList()));
        }
    }
}
