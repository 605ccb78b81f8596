using System.Diagnostics;

namespace Forecast.Api.Telemetry;

/// <summary>
/// The service's own OpenTelemetry names: one <see cref="ActivitySource"/> and one meter (<see cref="ForecastMetrics"/>),
/// both called <see cref="Name"/>, and the span and attribute names the training job writes.
/// </summary>
public static class ForecastTelemetry
{
    public const string Name = "Forecast";

    /// <summary>The span of one attempt of a training job, from its claim of the run to the run's new status.</summary>
    public const string TrainingSpan = "forecast.training";

    public const string RunIdAttribute = "forecast.run.id";

    /// <summary><c>series</c> or <c>collection</c>: what a run trains on.</summary>
    public const string SubjectAttribute = "forecast.run.subject";

    public const string AttemptAttribute = "forecast.run.attempt";

    /// <summary>How the attempt ended: succeeded, failed, cancelled, requeued (the host stopped), taken over, or not claimed.</summary>
    public const string OutcomeAttribute = "forecast.run.outcome";

    /// <summary><c>series</c> (a series' model), <c>member</c> (one member of a collection's) or <c>collection</c> (every member at once).</summary>
    public const string ForecastKindAttribute = "forecast.forecast.kind";

    public static readonly ActivitySource ActivitySource = new(Name);
}
