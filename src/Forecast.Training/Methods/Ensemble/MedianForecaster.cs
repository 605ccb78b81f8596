using Forecast.Training.Intervals;
using Forecast.Training.Lstm;

namespace Forecast.Training.Methods.Ensemble;

/// <summary>
/// Forecasts by the median per step of its components' forecasts from the same origin (of an even count, the mean of the
/// middle two), with intervals from a calibration of the median's own errors, when it has one.
/// </summary>
/// <remarks>A forecast needs every component's, so it needs as many points before its origin as the most demanding component.</remarks>
internal sealed class MedianForecaster(string method, IReadOnlyList<IFittedForecaster> components, ConformalCalibration? calibration) : IFittedForecaster
{
    public string Method => method;

    public bool HasIntervals => calibration is not null;

    public int FirstPredictable => components.Max(c => c.FirstPredictable);

    public IReadOnlyList<ForecastStep>[] Forecast(IReadOnlyList<double> series, IReadOnlyList<int> origins, int horizon, IntervalLevels levels)
    {
        var each = components.Select(c => c.PointForecasts(series, origins, horizon)).ToList();
        var scales = ScalesAlong(series, levels);
        return [.. origins.Select((origin, o) => ForecastWithIntervals.Assemble(EnsembleMedian.Of(each.Select(c => c[o]).ToList()), levels, calibration, scales(origin)))];
    }

    public IReadOnlyList<ForecastStep> OneStepAhead(IReadOnlyList<double> series, int firstIndex, int endIndex, IntervalLevels levels)
    {
        var median = EnsembleMedian.Of(components.Select(c => c.OneStepAhead(series, firstIndex, endIndex, IntervalLevels.None).Select(s => s.Value).ToArray()).ToList());
        var scales = ScalesAlong(series, levels);
        return [.. median.Select((value, i) => ForecastWithIntervals.Assemble([value], levels, calibration, scales(firstIndex + i))[0])];
    }

    // No scale is needed where no interval is asked for, nor where there is no calibration to scale (Assemble refuses levels then).
    private Func<int, double> ScalesAlong(IReadOnlyList<double> series, IntervalLevels levels) =>
        levels.Values.Count == 0 || calibration is null ? _ => 1 : calibration.ScalesAlong(series);
}
