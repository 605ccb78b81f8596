using Forecast.Domain.Registry;

namespace Forecast.Domain.Tests.Registry;

public class PromotionDecisionTests
{
    private static readonly Guid Holder = Guid.Parse("00000000-0000-0000-0000-0000000000aa");

    [Fact]
    public void An_alias_without_a_holder_moves_to_the_new_model()
    {
        var decision = PromotionDecision.Decide(new PromotionRequest("production"), 0.8, holder: null, holderMase: null, PromotionDecision.OnLastPoints(12));

        Assert.True(decision.Moves);
        Assert.StartsWith("'production' pointed at no model", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.79, 0.8, true, "moved 'production' from model")]
    [InlineData(0.8, 0.8, false, "kept 'production' on model")]
    [InlineData(0.9, 0.8, false, "kept 'production' on model")]
    public void On_merit_the_alias_moves_only_when_the_new_mase_is_lower_on_the_same_points(double candidate, double holder, bool moves, string reason)
    {
        var decision = PromotionDecision.Decide(new PromotionRequest("production"), candidate, Holder, holder, PromotionDecision.OnLastPoints(12));

        Assert.Equal(moves, decision.Moves);
        Assert.StartsWith(reason, decision.Reason, StringComparison.Ordinal);
        Assert.Contains("on the last 12 points", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_candidate_never_wins_on_merit_and_an_undefined_holder_always_loses()
    {
        Assert.False(PromotionDecision.Decide(new PromotionRequest("production"), null, Holder, 0.8, PromotionDecision.OnLastPoints(12)).Moves);
        Assert.True(PromotionDecision.Decide(new PromotionRequest("production"), 0.9, Holder, null, PromotionDecision.OnLastPoints(12)).Moves);
    }

    [Fact]
    public void Without_only_if_better_the_alias_moves_regardless()
    {
        var decision = PromotionDecision.Decide(new PromotionRequest("staging", OnlyIfBetter: false), 2.0, Holder, 0.5, PromotionDecision.OnLastPoints(12));

        Assert.True(decision.Moves);
        Assert.Contains("without comparing", decision.Reason, StringComparison.Ordinal);
    }
}
