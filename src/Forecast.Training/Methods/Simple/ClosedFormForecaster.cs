using System.Text.Json;
using Forecast.Training.Intervals;

namespace Forecast.Training.Methods.Simple;

/// <summary>A forecast's means and their standard errors, one per step.</summary>
public sealed record NormalForecast(double[] Mean, double[] StandardError);

/// <summary>
/// A method with nothing to fit in advance: each forecast is computed afresh from the points before its origin in closed
/// form (a last value, a season, a line, Theta's smoothing), as R's forecast package computes it on that history. The
/// stored state is empty: the season is all it needs.
/// </summary>
internal sealed class ClosedFormForecaster(string method, int firstPredictable, Func<IReadOnlyList<double>, int, NormalForecast> forecast)
    : IFittedForecaster
{
    /// <summary>What such a method stores: nothing beyond its season, which the model store keeps.</summary>
    public static JsonElement EmptyState { get; } = JsonSerializer.SerializeToElement(new { });

    public string Method => method;

    public bool HasIntervals => true;

    public int FirstPredictable => firstPredictable;

    public IReadOnlyList<ForecastStep>[] Forecast(IReadOnlyList<double> series, IReadOnlyList<int> origins, int horizon, IntervalLevels levels) =>
        origins.Select(origin =>
        {
            if (origin < firstPredictable || origin > series.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(origins),
                    $"A forecast origin must lie in {firstPredictable}..{series.Count}: {method} needs {firstPredictable} points of history.");
            }
            var history = origin == series.Count ? series : series.Take(origin).ToArray();
            var (mean, se) = forecast(history, horizon);
            return (IReadOnlyList<ForecastStep>)mean.Select((value, h) => new ForecastStep(value, NormalIntervals.Around(value, se[h], levels))).ToArray();
        }).ToArray();

    public IReadOnlyList<ForecastStep> OneStepAhead(IReadOnlyList<double> series, int firstIndex, int endIndex, IntervalLevels levels) =>
        Forecast(series, Enumerable.Range(firstIndex, endIndex - firstIndex).ToArray(), 1, levels).Select(steps => steps[0]).ToArray();
}
