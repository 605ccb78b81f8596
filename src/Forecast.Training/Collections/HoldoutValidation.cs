using Forecast.Domain.Evaluation;
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
    private readonly List<(string Key, IReadOnlyList<double> History)> histories;
    private readonly double[][] actuals;
    private readonly int horizon;

    /// <param name="seen">How the network sees every member, as trained before the validation parts; its weights are ignored.</param>
    /// <param name="members">Every member whole, test tail included.</param>
    public HoldoutValidation(GlobalModelArtifact seen, IReadOnlyList<GlobalMember> members, int horizon)
    {
        this.seen = seen;
        this.horizon = horizon;
        histories = members.Select(m => (m.Key, (IReadOnlyList<double>)m.Values.Take(m.Values.Count - (2 * horizon)).ToArray())).ToList();
        actuals = members.Select(m => m.Values.Skip(m.Values.Count - (2 * horizon)).Take(horizon).ToArray()).ToArray();
    }

    public double Score(IReadOnlyList<TrainingMember> members) => Score(WeightBundle.Pack(members.Select(m => m.SaveWeights())));

    /// <summary>The mean MASE of the networks of <paramref name="weights"/> over the members whose scale is positive.</summary>
    public double Score(byte[] weights)
    {
        var forecasts = Forecast(weights);
        return histories.Select((h, i) => AccuracyMetrics.MaseScale(h.History, seen.SeasonalPeriod) is var scale and > 0
                ? forecasts[i].Zip(actuals[i], (f, a) => Math.Abs(f - a)).Average() / scale
                : double.NaN)
            .Where(double.IsFinite).DefaultIfEmpty(0).Average();
    }

    /// <summary>
    /// Intervals for the networks trained again on everything before the test tails, from the errors of
    /// <paramref name="weights"/> (the networks validation chose, which never saw the validation parts) pooled over the
    /// members (<see cref="PooledCalibration"/>).
    /// </summary>
    public ConformalCalibration Calibrate(byte[] weights) =>
        PooledCalibration.Of(histories.Select(h => h.History).ToList(), Forecast(weights), actuals, seen.SeasonalPeriod);

    private IReadOnlyList<double[]> Forecast(byte[] weights)
    {
        using var model = new GlobalModel(seen with { Weights = weights });
        return model.ForecastAll(histories, horizon);
    }
}
