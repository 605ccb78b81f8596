using System.Globalization;
using Forecast.Domain.Registry;
using Forecast.Domain.Runs;

namespace Forecast.Domain.Retraining;

/// <summary>
/// Retrain when live accuracy has slipped: the mean MASE of the champion's forecasts from its newest <paramref name="Origins"/>
/// origins is worse than its test MASE by more than <paramref name="Margin"/> (0.2: 20 % worse).
/// </summary>
public sealed record AccuracyTrigger(double Margin, int Origins)
{
    public const double MaxMargin = 10;
    public const int MaxOrigins = 100;

    /// <summary>Whether <paramref name="liveMase"/> over the recent origins is worse than <paramref name="testMase"/> by more than the margin.</summary>
    public bool Fires(double? liveMase, double? testMase) =>
        liveMase is { } live && testMase is { } test && double.IsFinite(live) && double.IsFinite(test) && live > test * (1 + Margin);
}

/// <summary>How a policy's run is judged against the alias's current model (the champion) before it may take the alias.</summary>
/// <param name="OnlyIfBetter">Move the alias only when the new model's mean MASE over the windows is lower than the champion's on the same points.</param>
/// <param name="BacktestWindows">Origins both models are scored from, the last at the new run's test tail (1 to <see cref="Evaluation.BacktestRequest.MaxWindows"/>).</param>
public sealed record RetrainingPromotion(bool OnlyIfBetter = true, int BacktestWindows = RetrainingPromotion.DefaultWindows)
{
    public const int DefaultWindows = 3;
}

/// <summary>
/// A rule that retrains a series' or a collection's model on its own and offers the new model to an alias: what to
/// train, when (a cron schedule, a number of new observations, or slipping live accuracy, any of them), and how the
/// new model must compare with the alias's current one (the champion) to replace it.
/// </summary>
/// <param name="Alias">The alias the new models are offered to; it must exist when the policy is made, and its model is the champion.</param>
/// <param name="Hyperparameters">What each run trains; null for the champion's method, test size and season (and its network's shape when warm-started).</param>
/// <param name="WarmStart">Start a network from the champion's weights rather than random ones (a statistical champion is fitted afresh).</param>
/// <param name="Cron">Five-field cron expression, read in <paramref name="TimeZone"/>; null for no schedule.</param>
/// <param name="TimeZone">IANA time zone of <paramref name="Cron"/>; UTC when null.</param>
/// <param name="AfterObservations">Retrain once this many observations were appended since the last run (or since the policy was made).</param>
/// <param name="Accuracy">Retrain when live accuracy slipped (series only).</param>
public sealed record RetrainingPolicy(
    string Alias,
    HyperparameterRequest? Hyperparameters,
    bool WarmStart,
    string? Cron,
    string? TimeZone,
    int? AfterObservations,
    AccuracyTrigger? Accuracy,
    RetrainingPromotion Promote)
{
    public const int MaxAfterObservations = 1_000_000;

    /// <summary>The schedule, parsed; null without one.</summary>
    public CronSchedule? Schedule(DateTime now) => Cron is null ? null : CronSchedule.Parse(Cron, TimeZone, now);

    /// <summary>The policy as asked, every field checked.</summary>
    /// <param name="forCollection">A collection's policy: accuracy triggers are a series' only.</param>
    /// <exception cref="DomainValidationException">A field breaks its rule; <see cref="DomainValidationException.Field"/> names it.</exception>
    public static RetrainingPolicy Check(RetrainingPolicy asked, bool forCollection, DateTime now)
    {
        if (asked.Alias is null || !AliasName.IsValid(asked.Alias))
        {
            throw new DomainValidationException(
                $"alias names the alias the new models are offered to: lower-case letters, digits and hyphens, starting with a letter; got '{asked.Alias}'.", "alias");
        }
        if (asked.Cron is null && asked.AfterObservations is null && asked.Accuracy is null)
        {
            throw new DomainValidationException("A policy needs at least one trigger: cron, afterObservations or accuracy.", "cron");
        }
        if (asked.Cron is null && asked.TimeZone is not null)
        {
            throw new DomainValidationException("timeZone is the zone cron is read in; give cron too, or leave timeZone out.", "timeZone");
        }
        asked.Schedule(now);
        if (asked.AfterObservations is { } count and (< 1 or > MaxAfterObservations))
        {
            throw new DomainValidationException(Invariant($"afterObservations must be between 1 and {MaxAfterObservations}; got {count}."), "afterObservations");
        }
        if (asked.Accuracy is { } accuracy)
        {
            if (forCollection)
            {
                throw new DomainValidationException("accuracy triggers a series' policy only; a collection's policy retrains on cron or afterObservations.", "accuracy");
            }
            if (!double.IsFinite(accuracy.Margin) || accuracy.Margin <= 0 || accuracy.Margin > AccuracyTrigger.MaxMargin)
            {
                throw new DomainValidationException(
                    Invariant($"accuracy.margin is how much worse than the champion's test MASE live accuracy may get, as a fraction (0.2: 20 % worse), above 0 and at most {AccuracyTrigger.MaxMargin}; got {accuracy.Margin}."),
                    "accuracy.margin");
            }
            if (accuracy.Origins is < 1 or > AccuracyTrigger.MaxOrigins)
            {
                throw new DomainValidationException(Invariant($"accuracy.origins must be between 1 and {AccuracyTrigger.MaxOrigins}; got {accuracy.Origins}."), "accuracy.origins");
            }
        }
        if (asked.Promote is null)
        {
            throw new DomainValidationException("promote says how a new model is judged against the champion; leave it out for the defaults, not null.", "promote");
        }
        if (asked.Promote.BacktestWindows is < 1 or > Evaluation.BacktestRequest.MaxWindows)
        {
            throw new DomainValidationException(
                Invariant($"promote.backtestWindows must be between 1 and {Evaluation.BacktestRequest.MaxWindows}; got {asked.Promote.BacktestWindows}."), "promote.backtestWindows");
        }
        if (asked.WarmStart && asked.Hyperparameters?.Method is { } method && method != "lstm")
        {
            throw new DomainValidationException($"warmStart continues a network's weights; {method} is fitted afresh. Leave warmStart out, or train lstm.", "warmStart");
        }
        return asked;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
