using Forecast.Domain.Runs;

namespace Forecast.Domain.Tests.Runs;

public class RunLifecycleTests
{
    [Theory]
    [InlineData(TrainingRunStatus.Queued, RunTransition.Claim, TrainingRunStatus.Running)]
    [InlineData(TrainingRunStatus.Running, RunTransition.Succeed, TrainingRunStatus.Succeeded)]
    [InlineData(TrainingRunStatus.Running, RunTransition.Fail, TrainingRunStatus.Failed)]
    [InlineData(TrainingRunStatus.Queued, RunTransition.Cancel, TrainingRunStatus.Cancelled)]
    [InlineData(TrainingRunStatus.Running, RunTransition.Cancel, TrainingRunStatus.Cancelled)]
    [InlineData(TrainingRunStatus.Running, RunTransition.RequeueAtStop, TrainingRunStatus.Queued)]
    [InlineData(TrainingRunStatus.Running, RunTransition.RequeueOrphan, TrainingRunStatus.Queued)]
    [InlineData(TrainingRunStatus.Running, RunTransition.FailPoison, TrainingRunStatus.Failed)]
    public void Each_transition_leads_from_where_it_starts_to_where_it_ends(TrainingRunStatus from, RunTransition transition, TrainingRunStatus to) =>
        Assert.Equal(to, RunLifecycle.Apply(from, transition));

    [Fact]
    public void Every_other_status_and_transition_is_refused_and_the_refusal_says_where_the_transition_starts()
    {
        var allowed = new HashSet<(TrainingRunStatus, RunTransition)>
        {
            (TrainingRunStatus.Queued, RunTransition.Claim), (TrainingRunStatus.Running, RunTransition.Succeed),
            (TrainingRunStatus.Running, RunTransition.Fail), (TrainingRunStatus.Queued, RunTransition.Cancel),
            (TrainingRunStatus.Running, RunTransition.Cancel), (TrainingRunStatus.Running, RunTransition.RequeueAtStop),
            (TrainingRunStatus.Running, RunTransition.RequeueOrphan), (TrainingRunStatus.Running, RunTransition.FailPoison),
        };
        var refused = Enum.GetValues<TrainingRunStatus>()
            .SelectMany(status => Enum.GetValues<RunTransition>().Select(transition => (status, transition)))
            .Where(pair => !allowed.Contains(pair))
            .ToList();

        Assert.Equal(5 * 7 - allowed.Count, refused.Count);
        Assert.All(refused, pair =>
        {
            var error = Assert.Throws<IllegalRunTransitionException>(() => RunLifecycle.Apply(pair.status, pair.transition));
            Assert.Contains($"A {pair.status} run cannot {pair.transition}", error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Nothing_leaves_a_finished_run_and_only_queued_and_running_runs_are_open()
    {
        foreach (var status in Enum.GetValues<TrainingRunStatus>())
        {
            var leaves = Enum.GetValues<RunTransition>().Any(t => RunLifecycle.Allows(status, t));
            Assert.Equal(status.IsOpen(), leaves);
            Assert.Equal(!status.IsOpen(), status.IsFinished());
        }
        Assert.Equal([TrainingRunStatus.Queued, TrainingRunStatus.Running], RunLifecycle.Open);
    }
}
