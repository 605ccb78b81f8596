using Forecast.Training.Intervals;
using Forecast.Training.Lstm;

namespace Forecast.Training.Collections;

/// <summary>
/// Judges a global network as its test will: every member's validation part (the <c>testSize</c> points before its test
/// tail) forecast at once from the history before it, in MASE (each member's errors divided by its in-sample
/// seasonal-naive MAE), averaged over the members.
/// </summary>
internal sealed class HoldoutValidation : IValidation
{
    private readonly GlobalModelArtifact seen;
    private readonly List<ValidationPart> parts;
    private readonly int horizon;

    /// <param name="seen">How the network sees every member, as trained before the validation parts; its weights are ignored.</param>
    /// <param name="members">Every member whole, test tail included.</param>
    public HoldoutValidation(GlobalModelArtifact seen, IReadOnlyList<GlobalMember> members, int horizon)
    {
        this.seen = seen;
        this.horizon = horizon;
        parts = members.Select(m => ValidationPart.Of(m, horizon)).ToList();
    }

    public double Score(IReadOnlyList<TrainingMember> members) => Score(WeightBundle.Pack(members.Select(m => m.SaveWeights())));

    /// <summary>The mean MASE of the networks of <paramref name="weights"/> over the members whose scale is positive.</summary>
    public double Score(byte[] weights) => ValidationPart.MeanMase(parts, Forecast(weights), seen.SeasonalPeriod);

    /// <summary>
    /// Intervals for the networks trained again on everything before the test tails, from the errors of
    /// <paramref name="forecasts"/> (those of the networks validation chose, which never saw the validation parts) pooled
    /// over the members (<see cref="PooledCalibration"/>).
    /// </summary>
    public ConformalCalibration Calibrate(IReadOnlyList<double[]> forecasts) => ValidationPart.Calibrate(parts, forecasts, seen.SeasonalPeriod);

    /// <summary>The networks of <paramref name="weights"/>' forecast of every member's validation part, in the members' order.</summary>
    public IReadOnlyList<double[]> Forecast(byte[] weights)
    {
        using var model = new GlobalModel(seen with { Weights = weights });
        return model.ForecastAll(parts.Select(p => (p.Key, p.History)).ToList(), horizon, ValidationPart.CovariatesOf(parts));
    }

    /// <summary>The members' keys, in the order of <see cref="Forecast"/>.</summary>
    public IEnumerable<string> Keys => parts.Select(p => p.Key);
}
