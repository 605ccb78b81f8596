using Forecast.Domain.Runs;

namespace Forecast.Domain.Tests.Runs;

public class RunCrashesTests
{
    [Fact]
    public void A_run_that_dies_before_its_first_checkpoint_every_time_is_poison_at_the_limit()
    {
        var crashes = RunCrashes.None.After(null).After(null);
        Assert.False(crashes.IsPoison(maxCrashes: 3));

        crashes = crashes.After(null);

        Assert.True(crashes.IsPoison(maxCrashes: 3));
        Assert.Contains("3 times during this run before its first checkpoint", crashes.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_between_deaths_resets_the_count_however_many_deaths_there_are()
    {
        var crashes = RunCrashes.None;
        for (var death = 1; death <= 50; death++)
        {
            crashes = crashes.After(checkpointEpoch: death * 10);
            Assert.Equal(1, crashes.WithoutProgress);
        }
        Assert.False(crashes.IsPoison(maxCrashes: 2));
    }

    [Fact]
    public void Deaths_at_the_same_checkpoint_count_up_and_a_first_checkpoint_counts_as_progress()
    {
        var crashes = RunCrashes.None.After(null).After(null).After(checkpointEpoch: 7);
        Assert.Equal(new RunCrashes(1, 1, 7), crashes);

        crashes = crashes.After(7).After(7);

        Assert.Equal(new RunCrashes(3, 3, 7), crashes);
        Assert.True(crashes.IsPoison(maxCrashes: 3));
        Assert.Contains("without its checkpoint advancing past epoch 7", crashes.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_death_shared_with_two_other_runs_counts_a_third_so_it_takes_three_times_as_many_to_fail_a_run()
    {
        var crashes = RunCrashes.None;
        for (var death = 1; death <= 8; death++)
        {
            crashes = crashes.After(checkpointEpoch: null, runsInFlight: 3);
        }
        Assert.False(crashes.IsPoison(maxCrashes: 3));

        crashes = crashes.After(checkpointEpoch: null, runsInFlight: 3);

        Assert.True(crashes.IsPoison(maxCrashes: 3));
        Assert.Contains("9 times during this run before its first checkpoint", crashes.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Once_the_others_have_finished_a_run_alone_takes_each_death_whole()
    {
        var crashes = RunCrashes.None.After(null, runsInFlight: 2).After(null, runsInFlight: 2);

        crashes = crashes.After(null).After(null);

        Assert.Equal(3, crashes.Blame, precision: 9);
        Assert.True(crashes.IsPoison(maxCrashes: 3));
    }
}
