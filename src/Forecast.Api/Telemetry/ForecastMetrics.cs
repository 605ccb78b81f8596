using System.Diagnostics.Metrics;
using Forecast.Api.Persistence;
using Forecast.Domain.Runs;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Telemetry;

/// <summary>
/// The service's instruments, on the meter <see cref="ForecastTelemetry.Name"/> of the host's <see cref="IMeterFactory"/>:
/// each host has its own, so two hosts in one process (as in the tests) count apart. The counters and histograms are
/// recorded where their events happen; the run gauges read the database, which is the source of truth for runs and
/// is shared by every process, so each process reports the same numbers.
/// </summary>
public sealed class ForecastMetrics
{
    // Epochs take milliseconds on a tiny series and minutes on a large collection; forecasts milliseconds to seconds.
    private static readonly double[] EpochBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
    private static readonly double[] ForecastBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> epochs;
    private readonly Histogram<double> epochDuration;
    private readonly Counter<long> forecasts;
    private readonly Histogram<double> forecastDuration;
    private readonly Counter<long> cacheHits;
    private readonly Counter<long> cacheMisses;

    public ForecastMetrics(IMeterFactory meters, IDbContextFactory<ForecastDbContext> dbFactory)
    {
        var meter = meters.Create(ForecastTelemetry.Name);
        epochs = meter.CreateCounter<long>("forecast.training.epochs", "{epoch}", "Epochs trained by this process's training jobs.");
        epochDuration = meter.CreateHistogram("forecast.training.epoch.duration", "s",
            "Wall time of one epoch, from the end of the one before (or the start of the attempt), its recording included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = EpochBuckets });
        meter.CreateObservableGauge("forecast.training.queue.length", () => CountRuns(dbFactory, TrainingRunStatus.Queued), "{run}",
            "Runs waiting for a training worker, in the database every process shares.");
        meter.CreateObservableGauge("forecast.training.runs.open", () => CountRuns(dbFactory, [.. RunLifecycle.Open]), "{run}",
            "Runs queued or running, in the database every process shares.");
        forecasts = meter.CreateCounter<long>("forecast.forecasts", "{forecast}", "Forecasts served.");
        forecastDuration = meter.CreateHistogram("forecast.forecast.duration", "s",
            "Time to serve a forecast: the model read (from the cache or the database) and the forecast computed.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ForecastBuckets });
        cacheHits = meter.CreateCounter<long>("forecast.model_cache.hits", "{lookup}", "Model lookups answered from the in-memory cache.");
        cacheMisses = meter.CreateCounter<long>("forecast.model_cache.misses", "{lookup}", "Model lookups that read the database.");
    }

    public void EpochTrained(string subject, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>(ForecastTelemetry.SubjectAttribute, subject);
        epochs.Add(1, tag);
        epochDuration.Record(duration.TotalSeconds, tag);
    }

    public void ForecastServed(string kind, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>(ForecastTelemetry.ForecastKindAttribute, kind);
        forecasts.Add(1, tag);
        forecastDuration.Record(duration.TotalSeconds, tag);
    }

    public void ModelCacheHit() => cacheHits.Add(1);

    public void ModelCacheMiss() => cacheMisses.Add(1);

    private static long CountRuns(IDbContextFactory<ForecastDbContext> dbFactory, params TrainingRunStatus[] statuses)
    {
        using var db = dbFactory.CreateDbContext();
        // Every key's runs: the gauges describe the service, not a caller.
        return db.TrainingRuns.IgnoreQueryFilters().LongCount(r => statuses.Contains(r.Status));
    }
}
