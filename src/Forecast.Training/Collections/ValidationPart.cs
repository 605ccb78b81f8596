using Forecast.Domain.Series;
using Forecast.Domain.Evaluation;
using Forecast.Training.Intervals;

namespace Forecast.Training.Collections;

/// <summary>
/// A member's validation part: the <c>horizon</c> points before its test tail, and the history before them that a model
/// forecasts them from. A collection's models are judged and calibrated on these parts as their test tails will be judged.
/// </summary>
/// <param name="History">The member's points before its validation part.</param>
/// <param name="Actual">The validation part itself.</param>
public sealed record ValidationPart(string Key, IReadOnlyList<double> History, double[] Actual)
{
    /// <summary>The member's covariates, aligned with <see cref="History"/> and known past it; none by default.</summary>
    public Covariates Covariates { get; init; } = Covariates.None;

    /// <param name="member">The member whole, test tail included.</param>
    public static ValidationPart Of(GlobalMember member, int horizon) => new(
        member.Key,
        member.Values.Take(member.Values.Count - (2 * horizon)).ToArray(),
        member.Values.Skip(member.Values.Count - (2 * horizon)).Take(horizon).ToArray())
    {
        Covariates = member.Covariates,
    };

    /// <summary>Every part's covariates by its key, as a collection forecaster takes them.</summary>
    public static IReadOnlyDictionary<string, Covariates> CovariatesOf(IEnumerable<ValidationPart> parts) =>
        parts.ToDictionary(p => p.Key, p => p.Covariates, StringComparer.Ordinal);

    /// <summary>
    /// The mean MASE of <paramref name="forecasts"/> (one per part, in their order), each member's errors divided by its
    /// in-sample seasonal-naive MAE; members whose scale is 0 are left out, and none left scores 0.
    /// </summary>
    public static double MeanMase(IReadOnlyList<ValidationPart> parts, IReadOnlyList<double[]> forecasts, int seasonalPeriod) =>
        parts.Select((part, i) => AccuracyMetrics.MaseScale(part.History, seasonalPeriod) is var scale and > 0
                ? forecasts[i].Zip(part.Actual, (f, a) => Math.Abs(f - a)).Average() / scale
                : double.NaN)
            .Where(double.IsFinite).DefaultIfEmpty(0).Average();

    /// <summary>The pooled calibration of <paramref name="forecasts"/> (one per part, in their order) by their errors on the parts (<see cref="PooledCalibration"/>).</summary>
    public static ConformalCalibration Calibrate(IReadOnlyList<ValidationPart> parts, IReadOnlyList<double[]> forecasts, int seasonalPeriod) =>
        PooledCalibration.Of(parts.Select(p => p.History).ToList(), forecasts, parts.Select(p => p.Actual).ToList(), seasonalPeriod);
}
