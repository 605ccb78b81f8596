using Forecast.Domain.Retraining;

namespace Forecast.Api.Persistence;

/// <summary>
/// A retraining policy of a series or a collection (exactly one of the two is set), with what it has served so far.
/// <see cref="Version"/> grows with every write, so that a tick acts on the state it read or not at all: two processes
/// looking at the same due tick start one run.
/// </summary>
public sealed class RetrainingPolicyEntity
{
    public const int MaxReasonLength = 1000;

    public Guid Id { get; set; }
    public Guid? SeriesId { get; set; }
    public Guid? CollectionId { get; set; }
    public Guid OwnerKeyId { get; set; }
    public required string Name { get; set; }
    public required RetrainingPolicy Policy { get; set; }

    /// <summary>Why the policy paused itself; null while it is active.</summary>
    public string? PausedReason { get; set; }

    /// <summary>Cron ticks up to this instant are served: when the policy was put, or the last tick it acted on.</summary>
    public DateTime ServedUntil { get; set; }

    /// <summary>The points of the series (or the collection's members together) when the policy's last run started, or when it was put.</summary>
    public int ObservedPoints { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One time a policy acted: the run it started, or why it skipped, failed to start, or paused.</summary>
public sealed class RetrainingEventEntity
{
    public long Id { get; set; }
    public Guid PolicyId { get; set; }
    public Guid OwnerKeyId { get; set; }
    public DateTime At { get; set; }
    public RetrainingAction Action { get; set; }

    /// <summary>What fired, and for a skip or pause why; for a run that could not start, why not.</summary>
    public required string Reason { get; set; }

    /// <summary>The run started; null when none was.</summary>
    public Guid? RunId { get; set; }

    /// <summary>True when a run should have started and could not (refused, or its champion gone): it counts as a failure.</summary>
    public bool Refused { get; set; }
}
