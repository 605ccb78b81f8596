using Forecast.Domain.Runs;

namespace Forecast.Api.Webhooks;

/// <summary>The events a webhook may subscribe to.</summary>
public static class WebhookEvents
{
    public const string RunSucceeded = "run.succeeded";
    public const string RunFailed = "run.failed";
    public const string RunCancelled = "run.cancelled";

    /// <summary>Observations appended to a series fell outside its model's one-step interval (<see cref="AnomalyCheckJob"/>).</summary>
    public const string SeriesAnomaly = "series.anomaly";

    /// <summary>A retraining policy started a run (<see cref="Retraining.RetrainingJob"/>).</summary>
    public const string RetrainingStarted = "retraining.started";

    /// <summary>A run's promotion moved its alias to the run's model, whoever started the run.</summary>
    public const string ModelPromoted = "model.promoted";

    /// <summary>A retraining policy's run succeeded, but its model did not beat the champion: the alias stayed.</summary>
    public const string RetrainingKept = "retraining.kept";

    public static IReadOnlyList<string> All { get; } = [RunSucceeded, RunFailed, RunCancelled, SeriesAnomaly, RetrainingStarted, ModelPromoted, RetrainingKept];

    /// <summary>The events a webhook subscribes to, each known and named once.</summary>
    /// <exception cref="Domain.DomainValidationException">None, an unknown one, or one twice.</exception>
    public static IReadOnlyList<string> Check(IReadOnlyList<string>? events)
    {
        if (events is null || events.Count == 0)
        {
            throw new Domain.DomainValidationException($"events names at least one of {string.Join(", ", All)}.", "events");
        }
        if (events.FirstOrDefault(e => !All.Contains(e)) is { } unknown)
        {
            throw new Domain.DomainValidationException($"'{unknown}' is not an event; the events are {string.Join(", ", All)}.", "events");
        }
        if (events.Distinct().Count() != events.Count)
        {
            throw new Domain.DomainValidationException("Each event may be named once.", "events");
        }
        return events;
    }

    /// <summary>The event of a run that finished with <paramref name="status"/>.</summary>
    public static string ForFinished(TrainingRunStatus status) => status switch
    {
        TrainingRunStatus.Succeeded => RunSucceeded,
        TrainingRunStatus.Failed => RunFailed,
        TrainingRunStatus.Cancelled => RunCancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Only a finished run has an event."),
    };
}
