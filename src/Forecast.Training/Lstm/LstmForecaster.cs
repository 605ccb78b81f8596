using Forecast.Domain.Series;
using Forecast.Training.Intervals;
using Forecast.Training.Methods;

namespace Forecast.Training.Lstm;

/// <summary>
/// A trained network behind the forecaster contract: its recursive forecasts with the split-conformal intervals of its
/// calibration, scaled to the volatility before each origin. Disposing it disposes the network.
/// </summary>
public sealed class LstmForecaster(LstmModel network, ConformalCalibration? calibration) : IFittedForecaster, IDisposable
{
    public string Method => LstmMethod.MethodName;

    public LstmModel Network => network;

    public bool HasIntervals => calibration is not null;

    public int FirstPredictable => network.FirstPredictable;

    public IReadOnlyList<string> CovariateNames => network.CovariateNames;

    public IReadOnlyList<ForecastStep>[] Forecast(IReadOnlyList<double> series, IReadOnlyList<int> origins, int horizon, IntervalLevels levels) =>
        Forecast(series, Covariates.None, origins, horizon, levels);

    public IReadOnlyList<ForecastStep>[] Forecast(IReadOnlyList<double> series, Covariates covariates, IReadOnlyList<int> origins, int horizon, IntervalLevels levels)
    {
        var forecasts = network.PredictRecursive(series, covariates, origins, horizon);
        return forecasts.Select((forecast, i) =>
        {
            var scale = calibration is null || levels.Values.Count == 0 ? 1 : calibration.ScaleAt(origins[i] == series.Count ? series : series.Take(origins[i]).ToArray());
            return ForecastWithIntervals.Assemble(forecast, levels, calibration, scale);
        }).ToArray();
    }

    public IReadOnlyList<ForecastStep> OneStepAhead(IReadOnlyList<double> series, int firstIndex, int endIndex, IntervalLevels levels) =>
        OneStepAhead(series, Covariates.None, firstIndex, endIndex, levels);

    public IReadOnlyList<ForecastStep> OneStepAhead(IReadOnlyList<double> series, Covariates covariates, int firstIndex, int endIndex, IntervalLevels levels)
    {
        var predicted = network.PredictOneStep(series, covariates, firstIndex, endIndex);
        if (levels.Values.Count == 0)
        {
            return predicted.Select(value => new ForecastStep(value, null)).ToArray();
        }
        var calibrated = calibration ?? throw new Domain.UnprocessableException(
            "This model was trained without a validation part (validationFraction 0), so it has no errors to calibrate intervals on; ask without level.", "level");
        var scaleAt = calibrated.ScalesAlong(series);
        return predicted.Select((value, i) => new ForecastStep(value,
            levels.Values.Select(level => calibrated.Interval(value, level, step: 1, scaleAt(firstIndex + i))).ToArray())).ToArray();
    }

    public void Dispose() => network.Dispose();
}
