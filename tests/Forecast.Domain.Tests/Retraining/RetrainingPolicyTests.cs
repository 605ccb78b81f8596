using Forecast.Domain.Retraining;
using Forecast.Domain.Runs;

namespace Forecast.Domain.Tests.Retraining;

/// <summary>A policy is checked whole: each field's rule, and the field named when one is broken.</summary>
public sealed class RetrainingPolicyTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static readonly RetrainingPolicy Valid = new("production", null, false, "0 3 * * *", "Europe/Paris", 30, new AccuracyTrigger(0.2, 5), new RetrainingPromotion());

    public static TheoryData<string, RetrainingPolicy, bool> Broken => new()
    {
        { "alias", Valid with { Alias = "Production" }, false },
        { "cron", Valid with { Cron = null, AfterObservations = null, Accuracy = null, TimeZone = null }, false },
        { "timeZone", Valid with { Cron = null }, false },
        { "afterObservations", Valid with { AfterObservations = 0 }, false },
        { "accuracy.margin", Valid with { Accuracy = new AccuracyTrigger(double.NaN, 5) }, false },
        { "accuracy.margin", Valid with { Accuracy = new AccuracyTrigger(-0.1, 5) }, false },
        { "accuracy.origins", Valid with { Accuracy = new AccuracyTrigger(0.2, 0) }, false },
        { "accuracy", Valid, true },
        { "promote.backtestWindows", Valid with { Promote = new RetrainingPromotion(BacktestWindows: 0) }, false },
        { "warmStart", Valid with { WarmStart = true, Hyperparameters = new HyperparameterRequest(Method: "theta") }, false },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_field_is_refused_naming_it(string field, RetrainingPolicy policy, bool forCollection)
    {
        var refused = Assert.ThrowsAny<DomainValidationException>(() => RetrainingPolicy.Check(policy, forCollection, Now));

        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void A_policy_within_every_rule_is_kept_as_asked()
    {
        Assert.Same(Valid, RetrainingPolicy.Check(Valid, forCollection: false, Now));
        Assert.Equal(Valid with { Accuracy = null }, RetrainingPolicy.Check(Valid with { Accuracy = null }, forCollection: true, Now));
    }
}
