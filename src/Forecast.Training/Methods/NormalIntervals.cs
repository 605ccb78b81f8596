using Forecast.Training.Intervals;
using MathNet.Numerics.Distributions;

namespace Forecast.Training.Methods;

/// <summary>Intervals from a forecast's normal distribution, as R's forecast package gives them: mean ± z · standard error.</summary>
public static class NormalIntervals
{
    /// <summary>The intervals of one step at each of <paramref name="levels"/>, in their order; null when none was asked for.</summary>
    public static IReadOnlyList<PredictionInterval>? Around(double mean, double standardError, IntervalLevels levels) =>
        levels.Values.Count == 0 ? null : levels.Values.Select(level =>
        {
            var z = Normal.InvCDF(0, 1, 0.5 + level / 200);
            return new PredictionInterval(level, mean - z * standardError, mean + z * standardError);
        }).ToArray();
}
