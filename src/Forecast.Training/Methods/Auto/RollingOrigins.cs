using Forecast.Domain.Evaluation;

namespace Forecast.Training.Methods.Auto;

/// <summary>
/// The origins a history is cross-validated from: up to <see cref="MaxOrigins"/> windows of h points at its end, one after
/// another without overlap (the last ends with the history), each forecast from the points before it, as the test tail will be.
/// </summary>
/// <remarks>
/// Several windows rather than one: a single window of h points, for every series at the same dates, measured one period's
/// luck on the tourism sets and chose the method that was worse on the test tails (docs/accuracy.md). Windows that overlap
/// would count the same points' errors more than once; windows further back than three say less about the future.
/// </remarks>
public static class RollingOrigins
{
    public const int MaxOrigins = 3;

    /// <summary>The points a window's origin needs before it: two seasons and two, so that a seasonal form can be fitted, and at least ten.</summary>
    public static int MinimumHistory(int seasonalPeriod) => Math.Max(2 * seasonalPeriod + 2, 10);

    /// <summary>The origins of a history of <paramref name="count"/> points, latest first; none when the history is too short for one.</summary>
    public static IReadOnlyList<int> Of(int count, int horizon, int seasonalPeriod) =>
        [.. Enumerable.Range(1, MaxOrigins).Select(k => count - k * horizon).TakeWhile(origin => origin >= MinimumHistory(seasonalPeriod))];

    /// <summary>
    /// The mean absolute error of <paramref name="forecast"/> against the history's points from <paramref name="origin"/>, over
    /// the MASE scale of the points before it (plain when that scale is 0: a flat history, where every method is compared alike).
    /// </summary>
    public static double ScaledError(IReadOnlyList<double> history, int origin, IReadOnlyList<double> forecast, int seasonalPeriod)
    {
        var error = forecast.Select((f, k) => Math.Abs(f - history[origin + k])).Average();
        var scale = AccuracyMetrics.MaseScale(history.Take(origin).ToArray(), seasonalPeriod);
        return scale > 0 ? error / scale : error;
    }
}
