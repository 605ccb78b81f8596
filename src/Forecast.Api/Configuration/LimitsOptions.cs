using System.ComponentModel.DataAnnotations;
using Forecast.Domain.Runs;

namespace Forecast.Api.Configuration;

/// <summary>
/// Server-side limits on every size a client controls (section <c>Limits</c>). The per-key limits apply to
/// client keys; the admin key is the operator's and is not limited.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    [Range(1024, 1L << 30)]
    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The longest request target (path and query string), answered 414 with problem details.</summary>
    [Range(256, 65_536)]
    public int MaxRequestTargetLength { get; set; } = 8_192;

    /// <summary>The most bytes of request headers (names and values), answered 431 with problem details.</summary>
    [Range(1024, 65_536)]
    public int MaxRequestHeadersBytes { get; set; } = 32_768;

    /// <summary>
    /// The slowest a request body may arrive, after <see cref="SlowBodyGracePeriod"/>: a client that trickles a body (or
    /// stalls) holds a connection and a thread's worth of buffers, so Kestrel ends it with 408.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MinRequestBodyBytesPerSecond { get; set; } = 240;

    [Range(typeof(TimeSpan), "00:00:02", "00:05:00")] // Kestrel takes no grace period of a second or less
    public TimeSpan SlowBodyGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    [Range(10, 10_000_000)]
    public int MaxPoints { get; set; } = 200_000;

    /// <summary>The largest magnitude of a value; squares and sums of larger ones can overflow a double.</summary>
    [Range(1.0, 1e150)]
    public double MaxAbsoluteValue { get; set; } = 1e100;

    /// <summary>The most observations one append to a series may carry.</summary>
    [Range(1, 10_000_000)]
    public int MaxObservationsPerAppend { get; set; } = 10_000;

    [Range(16, 1_000_000)]
    public int MaxCsvLineLength { get; set; } = 1_000;

    [Range(1, 100_000)]
    public int MaxHorizon { get; set; } = 1_000;

    /// <summary>
    /// The most covariates a series may carry, its calendar's included; the known future uploaded ones may carry is
    /// <see cref="MaxHorizon"/> periods, and a calendar's are generated that far.
    /// </summary>
    [Range(0, 1000)]
    public int MaxCovariates { get; set; } = 50;

    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 100;

    /// <summary>The most work one training run may ask for, in the units of <see cref="Admission.RunCost"/>.</summary>
    [Range(1.0, double.MaxValue)]
    public double MaxRunCost { get; set; } = 1e12;

    /// <summary>The most activations one batch of a run may hold (memory), in the units of <see cref="Admission.RunCost"/>.</summary>
    [Range(1.0, double.MaxValue)]
    public double MaxBatchActivations { get; set; } = 5e7;

    /// <summary>Queued and running training runs one client key may have at once.</summary>
    [Range(1, 10_000)]
    public int MaxOpenRunsPerKey { get; set; } = 5;

    /// <summary>Requests one client key may make per minute.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Training runs one client key may submit per minute, within <see cref="RequestsPerMinute"/>.</summary>
    [Range(1, 1_000_000)]
    public int TrainingRunsPerMinute { get; set; } = 10;

    [Required]
    public HyperparameterBounds Hyperparameters { get; set; } = new();

    [Required]
    public CollectionLimitsOptions Collections { get; set; } = new();

    [Required]
    public CalendarLimitsOptions Calendar { get; set; } = new();
}
