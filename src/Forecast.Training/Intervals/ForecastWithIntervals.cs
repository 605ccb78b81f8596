using Forecast.Domain;

namespace Forecast.Training.Intervals;

/// <summary>Puts a model's prediction intervals around its point forecast.</summary>
public static class ForecastWithIntervals
{
    /// <param name="pointForecast">The recursive forecast from one origin; index 0 is one step ahead.</param>
    /// <param name="calibration">The model's calibration; null when it was trained without a validation part.</param>
    /// <param name="scale">The calibration's <see cref="ConformalCalibration.ScaleAt"/> at the forecast's origin.</param>
    /// <exception cref="UnprocessableException">Levels asked of a model without a calibration.</exception>
    public static IReadOnlyList<ForecastStep> Assemble(
        IReadOnlyList<double> pointForecast, IntervalLevels levels, ConformalCalibration? calibration, double scale)
    {
        if (levels.Values.Count == 0)
        {
            return pointForecast.Select(value => new ForecastStep(value, null)).ToArray();
        }
        if (calibration is null)
        {
            throw new UnprocessableException(
                "This model was trained without a validation part (validationFraction 0), so it has no errors to calibrate intervals on; ask without level.",
                "level");
        }
        var intervals = calibration.IntervalsAlong(pointForecast, levels.Values, scale);
        return pointForecast.Select((value, i) => new ForecastStep(value, intervals[i])).ToArray();
    }
}
