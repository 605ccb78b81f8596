using Forecast.Domain.Retraining;
using Forecast.Domain.Runs;

namespace Forecast.Api.Contracts;

/// <summary>
/// A retraining policy as a client puts it, e.g. <c>{"alias": "production", "cron": "0 3 * * *", "timeZone": "Europe/Paris",
/// "afterObservations": 30, "warmStart": true, "promote": {"onlyIfBetter": true, "backtestWindows": 3}}</c>. At least one
/// trigger (cron, afterObservations, accuracy); each run is an ordinary training run, backtested with the alias's current
/// model (the champion) on the same windows and promoted by <c>promote</c>'s rule.
/// </summary>
/// <param name="Alias">The alias to feed; it must point at a model already (the champion).</param>
/// <param name="Hyperparameters">What each run trains, as a training run takes it; left out, the champion's method, test size and season.</param>
/// <param name="WarmStart">Start from the champion's network weights (lstm runs on an lstm champion).</param>
/// <param name="Cron">Five-field cron expression (minute hour day-of-month month day-of-week), at most every 15 minutes.</param>
/// <param name="TimeZone">IANA time zone cron is read in (default UTC).</param>
/// <param name="AfterObservations">Retrain once this many observations were appended since the last run.</param>
/// <param name="Accuracy">Retrain when the champion's live MASE over its newest origins is worse than its test MASE by more than the margin (series only).</param>
/// <param name="Promote">How a new model must compare with the champion; left out or null, only if better over 3 backtest windows.</param>
public sealed record RetrainingPolicyRequest(
    string Alias,
    HyperparameterRequest? Hyperparameters = null,
    bool WarmStart = false,
    string? Cron = null,
    string? TimeZone = null,
    int? AfterObservations = null,
    AccuracyTrigger? Accuracy = null,
    RetrainingPromotion? Promote = null)
{
    public RetrainingPolicy ToDomain() => new(Alias, Hyperparameters, WarmStart, Cron, TimeZone, AfterObservations, Accuracy, Promote ?? new RetrainingPromotion());
}

/// <summary>One time a policy acted, with its run's outcome once known.</summary>
/// <param name="Action">start, skip or pause.</param>
/// <param name="Reason">What fired; for a skip or pause, why; for a start that was refused, why.</param>
/// <param name="RunId">The run it started; null when none was.</param>
/// <param name="RunStatus">The run's status now.</param>
/// <param name="ModelId">The run's model, once it succeeded.</param>
/// <param name="PromotionOutcome">Whether the model took the alias, with both models' scores on the same windows.</param>
public sealed record RetrainingHistoryItem(
    DateTime At, RetrainingAction Action, string Reason, Guid? RunId, TrainingRunStatus? RunStatus, Guid? ModelId, string? PromotionOutcome, string? Error);

/// <param name="Id">The policy's id: its recurring job is <c>retraining-{id}</c> on the Hangfire dashboard.</param>
/// <param name="Status">active, or paused (after repeated failures; put the policy again to resume it).</param>
/// <param name="NextRunAt">The next cron tick (UTC); null without cron or while paused.</param>
/// <param name="NewObservations">Observations appended since the last run started (or the policy was put).</param>
/// <param name="History">What the policy did, newest first (the newest 50 in a list of policies, up to 500 for one).</param>
public sealed record RetrainingPolicyResponse(
    Guid Id, string Name, Guid? SeriesId, Guid? CollectionId, RetrainingPolicy Policy, string Status, string? PausedReason, DateTime? NextRunAt,
    int NewObservations, IReadOnlyList<RetrainingHistoryItem> History, DateTime CreatedAt, DateTime UpdatedAt);
