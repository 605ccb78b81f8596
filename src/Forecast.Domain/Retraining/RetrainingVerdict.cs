using System.Globalization;

namespace Forecast.Domain.Retraining;

/// <summary>What a policy does when it is looked at: nothing, start a run, skip this time, or pause itself.</summary>
public enum RetrainingAction
{
    None,
    Start,
    Skip,
    Pause,
}

/// <summary>What a policy knows when it is looked at (a cron tick, or observations appended).</summary>
/// <param name="Now">The service's clock.</param>
/// <param name="ServedUntil">Cron ticks up to this instant are served: the last tick acted on, or when the policy was made or changed.</param>
/// <param name="NewObservations">Observations appended since the policy's last run started (or since it was made).</param>
/// <param name="LiveMase">The champion's mean MASE over its newest origins; null when not measured.</param>
/// <param name="ChampionMase">The champion's MASE on its test tail; null when not measured.</param>
/// <param name="OpenRun">The policy's previous run when it is still queued or running; null otherwise.</param>
/// <param name="Failures">When each failure since the policy's last good run happened (a run that failed or could not start), newest first.</param>
public sealed record RetrainingFacts(
    DateTime Now, DateTime ServedUntil, int NewObservations, double? LiveMase, double? ChampionMase, Guid? OpenRun, IReadOnlyList<DateTime> Failures);

/// <summary>
/// A policy's decision, and why in plain words. A failing policy backs off (<see cref="Backoff"/>) and pauses itself after
/// <see cref="MaxFailures"/> failures in a row, so that a broken policy does not queue a failing run at every tick.
/// </summary>
/// <param name="DueTick">The cron occurrence this decision serves (recorded so that it is served once); null when cron did not fire.</param>
public sealed record RetrainingVerdict(RetrainingAction Action, string Reason, DateTime? DueTick = null)
{
    public const int MaxFailures = 3;

    /// <summary>How long after the last of <paramref name="failures"/> failures in a row a policy waits before it tries again.</summary>
    public static TimeSpan Backoff(int failures) => TimeSpan.FromMinutes(15 * Math.Pow(4, failures - 1));

    public static RetrainingVerdict Decide(RetrainingPolicy policy, RetrainingFacts facts)
    {
        var due = policy.Schedule(facts.Now)?.DueBetween(facts.ServedUntil, facts.Now);
        var reasons = new List<string>();
        if (due is { } tick)
        {
            reasons.Add(Invariant($"cron '{policy.Cron}' fired at {tick:yyyy-MM-dd HH:mm} UTC"));
        }
        if (policy.AfterObservations is { } wanted && facts.NewObservations >= wanted)
        {
            reasons.Add(Invariant($"{facts.NewObservations} observations appended since the last run (afterObservations {wanted})"));
        }
        if (policy.Accuracy is { } accuracy && accuracy.Fires(facts.LiveMase, facts.ChampionMase))
        {
            reasons.Add(Invariant($"the champion's MASE over its newest {accuracy.Origins} origins is {facts.LiveMase:0.###}, more than {accuracy.Margin:0.##} worse than its test MASE {facts.ChampionMase:0.###}"));
        }
        if (reasons.Count == 0)
        {
            return new RetrainingVerdict(RetrainingAction.None, "no trigger fired");
        }
        var why = string.Join("; ", reasons);
        if (facts.OpenRun is { } open)
        {
            return new RetrainingVerdict(RetrainingAction.Skip, $"{why}, but its previous run {open} is still open: skipped", due);
        }
        if (facts.Failures.Count >= MaxFailures)
        {
            return new RetrainingVerdict(RetrainingAction.Pause, Invariant($"paused after {facts.Failures.Count} failures in a row; put the policy again to resume it"), due);
        }
        if (facts.Failures.Count > 0 && facts.Failures[0] + Backoff(facts.Failures.Count) is var until && facts.Now < until)
        {
            return new RetrainingVerdict(RetrainingAction.Skip,
                Invariant($"{why}, but it is backing off after {facts.Failures.Count} failure(s) in a row until {until:yyyy-MM-dd HH:mm} UTC: skipped"), due);
        }
        return new RetrainingVerdict(RetrainingAction.Start, why, due);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
