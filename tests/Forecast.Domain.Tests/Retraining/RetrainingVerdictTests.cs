using Forecast.Domain.Retraining;

namespace Forecast.Domain.Tests.Retraining;

/// <summary>What a policy does when it is looked at: start when a trigger fired, else nothing; skip while its run is open; back off after failing; pause after three.</summary>
public sealed class RetrainingVerdictTests
{
    private static readonly DateTime Served = new(2027, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime AfterTick = new(2027, 3, 2, 3, 0, 10, DateTimeKind.Utc);

    private static readonly RetrainingPolicy Nightly = new("production", null, false, "0 3 * * *", null, null, null, new RetrainingPromotion());

    private static RetrainingFacts Facts(DateTime now, int newObservations = 0, Guid? openRun = null, DateTime[]? failures = null, double? live = null, double? test = null) =>
        new(now, Served, newObservations, live, test, openRun, failures ?? []);

    [Fact]
    public void Nothing_happens_before_a_trigger_fires()
    {
        var verdict = RetrainingVerdict.Decide(Nightly with { AfterObservations = 30 }, Facts(AfterTick.AddHours(-1), newObservations: 29));

        Assert.Equal(RetrainingAction.None, verdict.Action);
    }

    [Fact]
    public void A_due_tick_starts_a_run_and_names_the_tick_it_serves()
    {
        var verdict = RetrainingVerdict.Decide(Nightly, Facts(AfterTick));

        Assert.Equal((RetrainingAction.Start, "cron '0 3 * * *' fired at 2027-03-02 03:00 UTC"), (verdict.Action, verdict.Reason));
        Assert.Equal(new DateTime(2027, 3, 2, 3, 0, 0, DateTimeKind.Utc), verdict.DueTick);
    }

    [Fact]
    public void Every_trigger_that_fired_is_named()
    {
        var policy = Nightly with { AfterObservations = 30, Accuracy = new AccuracyTrigger(0.2, 5) };

        var verdict = RetrainingVerdict.Decide(policy, Facts(AfterTick, newObservations: 31, live: 1.3, test: 1.0));

        Assert.Equal(
            "cron '0 3 * * *' fired at 2027-03-02 03:00 UTC; 31 observations appended since the last run (afterObservations 30); " +
            "the champion's MASE over its newest 5 origins is 1.3, more than 0.2 worse than its test MASE 1",
            verdict.Reason);
    }

    [Theory]
    [InlineData(1.2, false)]
    [InlineData(1.2001, true)]
    public void Accuracy_fires_only_past_the_margin(double live, bool fires)
    {
        var policy = Nightly with { Cron = null, Accuracy = new AccuracyTrigger(0.2, 5) };

        var verdict = RetrainingVerdict.Decide(policy, Facts(AfterTick, live: live, test: 1.0));

        Assert.Equal(fires ? RetrainingAction.Start : RetrainingAction.None, verdict.Action);
    }

    [Fact]
    public void A_trigger_while_the_previous_run_is_open_is_skipped_and_the_tick_counted_as_served()
    {
        var run = Guid.NewGuid();

        var verdict = RetrainingVerdict.Decide(Nightly, Facts(AfterTick, openRun: run));

        Assert.Equal(RetrainingAction.Skip, verdict.Action);
        Assert.EndsWith($"but its previous run {run} is still open: skipped", verdict.Reason, StringComparison.Ordinal);
        Assert.NotNull(verdict.DueTick);
    }

    [Fact]
    public void After_failures_a_policy_waits_longer_each_time_before_it_tries_again()
    {
        var policy = Nightly with { Cron = null, AfterObservations = 1 };
        var failedAt = AfterTick.AddMinutes(-10);

        var once = RetrainingVerdict.Decide(policy, Facts(AfterTick, newObservations: 1, failures: [failedAt]));
        var onceLater = RetrainingVerdict.Decide(policy, Facts(failedAt.AddMinutes(15), newObservations: 1, failures: [failedAt]));
        var twice = RetrainingVerdict.Decide(policy, Facts(failedAt.AddMinutes(59), newObservations: 1, failures: [failedAt, failedAt.AddHours(-1)]));

        Assert.Equal(RetrainingAction.Skip, once.Action);
        Assert.Contains("backing off after 1 failure(s) in a row until 2027-03-02 03:05 UTC", once.Reason, StringComparison.Ordinal);
        Assert.Equal(RetrainingAction.Start, onceLater.Action);
        Assert.Equal(RetrainingAction.Skip, twice.Action);
        Assert.Equal([15, 60, 240], new[] { 1, 2, 3 }.Select(n => RetrainingVerdict.Backoff(n).TotalMinutes));
    }

    [Fact]
    public void Three_failures_in_a_row_pause_the_policy_at_its_next_trigger()
    {
        var failures = new[] { AfterTick.AddDays(-1), AfterTick.AddDays(-2), AfterTick.AddDays(-3) };

        var verdict = RetrainingVerdict.Decide(Nightly, Facts(AfterTick, failures: failures));

        Assert.Equal((RetrainingAction.Pause, "paused after 3 failures in a row; put the policy again to resume it"), (verdict.Action, verdict.Reason));
    }
}
