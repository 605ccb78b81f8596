using Forecast.Domain.Series;
using Forecast.Training.Intervals;

namespace Forecast.Training.Methods.Arima;

/// <summary>
/// A fitted ARIMA model as the service uses it: coefficients and σ² fixed by the fit, the Kalman filter carried through
/// the points before an origin, then the forecast and its variances from there, as R's
/// <c>forecast(Arima(y, model = fit), h)</c> forecasts a longer or shorter y with the fit's model. A regression with
/// ARIMA errors filters the series net of its regression and adds the regression back at each step, with the
/// covariates' values there, as R's <c>predict(fit, newxreg = )</c> does; its intervals are the errors' alone.
/// </summary>
internal sealed class ArimaForecaster : IFittedForecaster
{
    private readonly ArimaStateSpace _stateSpace;

    /// <param name="covariates">The covariates regressed on, in the coefficients' order; none for a model of the series alone.</param>
    public ArimaForecaster(ArimaSpec spec, double[] coefficients, double sigma2, IReadOnlyList<string>? covariates = null)
    {
        Spec = spec;
        Coefficients = coefficients;
        Sigma2 = sigma2;
        CovariateNames = covariates ?? [];
        if (CovariateNames.Count != spec.CovariateCount)
        {
            throw new ArgumentException($"{spec} regresses on {spec.CovariateCount} covariates; {CovariateNames.Count} were named.", nameof(covariates));
        }
        _stateSpace = ArimaStateSpace.For(spec, coefficients);
    }

    public ArimaSpec Spec { get; }

    public double[] Coefficients { get; }

    public double Sigma2 { get; }

    public IReadOnlyList<string> CovariateNames { get; }

    public string Method => ArimaMethod.MethodName;

    public bool HasIntervals => true;

    /// <summary>The points the differencing takes (d + D·m) pin its diffuse start; a stationary model needs one point.</summary>
    public int FirstPredictable => Math.Max(1, Spec.DifferencedAway);

    private ReadOnlySpan<double> Beta => Coefficients.AsSpan(Spec.ArmaCount);

    public IReadOnlyList<ForecastStep>[] Forecast(IReadOnlyList<double> series, IReadOnlyList<int> origins, int horizon, IntervalLevels levels) =>
        Forecast(series, Covariates.None, origins, horizon, levels);

    public IReadOnlyList<ForecastStep>[] Forecast(
        IReadOnlyList<double> series, Covariates covariates, IReadOnlyList<int> origins, int horizon, IntervalLevels levels)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(covariates);
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        foreach (var origin in origins)
        {
            CheckOrigin(origin, series.Count, nameof(origins));
        }
        // The earliest origin short of a value names the first step a client must supply.
        foreach (var origin in origins.Order())
        {
            covariates.Require(CovariateNames, origin + horizon, origin);
        }
        var last = origins.Count == 0 ? 0 : origins.Max();
        var end = origins.Count == 0 ? 0 : last + horizon;
        var regression = RegressionColumns.For(Spec, covariates.Require(CovariateNames, end), end);
        var wanted = origins.ToHashSet();
        var states = new Dictionary<int, (double[] State, double[] Covariance)>();
        _stateSpace.Filter(regression.Net(series, Beta, last), afterPoint: (seen, state, covariance) =>
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
            var effect = regression.Effect(Beta, origin, horizon);
            forecasts[i] = means.Select((mean, h) =>
            {
                var value = mean + effect[h];
                return new ForecastStep(value, NormalIntervals.Around(value, Math.Sqrt(variances[h] * Sigma2), levels));
            }).ToArray();
        }
        return forecasts;
    }

    public IReadOnlyList<ForecastStep> OneStepAhead(IReadOnlyList<double> series, int firstIndex, int endIndex, IntervalLevels levels) =>
        OneStepAhead(series, Covariates.None, firstIndex, endIndex, levels);

    public IReadOnlyList<ForecastStep> OneStepAhead(
        IReadOnlyList<double> series, Covariates covariates, int firstIndex, int endIndex, IntervalLevels levels)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(covariates);
        ArgumentNullException.ThrowIfNull(levels);
        CheckOrigin(firstIndex, series.Count, nameof(firstIndex));
        ArgumentOutOfRangeException.ThrowIfLessThan(endIndex, firstIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(endIndex, series.Count);

        var regression = RegressionColumns.For(Spec, covariates.Require(CovariateNames, endIndex), endIndex);
        var predictions = new double[endIndex];
        var variances = new double[endIndex];
        _stateSpace.Filter(regression.Net(series, Beta, endIndex), predictions, variances);
        var effect = regression.Effect(Beta, 0, endIndex);
        var steps = new ForecastStep[endIndex - firstIndex];
        for (var t = firstIndex; t < endIndex; t++)
        {
            var value = predictions[t] + effect[t];
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
