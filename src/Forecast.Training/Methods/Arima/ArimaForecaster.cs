using Forecast.Training.Intervals;

namespace Forecast.Training.Methods.Arima;

/// <summary>
/// A fitted ARIMA model as the service uses it: coefficients and σ² fixed by the fit, the Kalman filter carried through
/// the points before an origin, then the forecast and its variances from there, as R's
/// <c>forecast(Arima(y, model = fit), h)</c> forecasts a longer or shorter y with the fit's model.
/// </summary>
internal sealed class ArimaForecaster : IFittedForecaster
{
    private readonly ArimaStateSpace _stateSpace;

    public ArimaForecaster(ArimaSpec spec, double[] coefficients, double sigma2)
    {
        Spec = spec;
        Coefficients = coefficients;
        Sigma2 = sigma2;
        _stateSpace = ArimaStateSpace.For(spec, coefficients);
    }

    public ArimaSpec Spec { get; }

    public double[] Coefficients { get; }

    public double Sigma2 { get; }

    public string Method => ArimaMethod.MethodName;

    /// <summary>The points the differencing takes (d + D·m) pin its diffuse start; a stationary model needs one point.</summary>
    public bool HasIntervals => true;

    public int FirstPredictable => Math.Max(1, Spec.DifferencedAway);

    public IReadOnlyList<ForecastStep>[] Forecast(IReadOnlyList<double> series, IReadOnlyList<int> origins, int horizon, IntervalLevels levels)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        foreach (var origin in origins)
        {
            CheckOrigin(origin, series.Count, nameof(origins));
        }
        var last = origins.Count == 0 ? 0 : origins.Max();
        var wanted = origins.ToHashSet();
        var states = new Dictionary<int, (double[] State, double[] Covariance)>();
        _stateSpace.Filter(ArimaEstimator.Net(Spec, Coefficients, series, last), afterPoint: (seen, state, covariance) =>
        {
            if (wanted.Contains(seen))
            {
                states[seen] = ((double[])state.Clone(), (double[])covariance.Clone());
            }
        });

        var forecasts = new IReadOnlyList<ForecastStep>[origins.Count];
        for (var i = 0; i < origins.Count; i++)
        {
            var origin = origins[i];
            var (state, covariance) = states[origin];
            var (means, variances) = _stateSpace.Forecast(state, covariance, horizon);
            var deterministic = ArimaEstimator.Deterministic(Spec, Coefficients, origin, horizon);
            forecasts[i] = means.Select((mean, h) =>
            {
                var value = mean + deterministic[h];
                return new ForecastStep(value, NormalIntervals.Around(value, Math.Sqrt(variances[h] * Sigma2), levels));
            }).ToArray();
        }
        return forecasts;
    }

    public IReadOnlyList<ForecastStep> OneStepAhead(IReadOnlyList<double> series, int firstIndex, int endIndex, IntervalLevels levels)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(levels);
        CheckOrigin(firstIndex, series.Count, nameof(firstIndex));
        ArgumentOutOfRangeException.ThrowIfLessThan(endIndex, firstIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(endIndex, series.Count);

        var predictions = new double[endIndex];
        var variances = new double[endIndex];
        _stateSpace.Filter(ArimaEstimator.Net(Spec, Coefficients, series, endIndex), predictions, variances);
        var deterministic = ArimaEstimator.Deterministic(Spec, Coefficients, 0, endIndex);
        var steps = new ForecastStep[endIndex - firstIndex];
        for (var t = firstIndex; t < endIndex; t++)
        {
            var value = predictions[t] + deterministic[t];
            steps[t - firstIndex] = new ForecastStep(value, NormalIntervals.Around(value, Math.Sqrt(variances[t] * Sigma2), levels));
        }
        return steps;
    }

    private void CheckOrigin(int origin, int count, string name)
    {
        if (origin < FirstPredictable || origin > count)
        {
            throw new ArgumentOutOfRangeException(name, origin,
                $"An origin must lie between {FirstPredictable} (the points {Spec} needs) and the series' end ({count}).");
        }
    }
}
