using Forecast.Training.Intervals;

namespace Forecast.Training.Methods.Ets;

/// <summary>
/// A fitted exponential smoothing form: its parameters and initial state are fixed, and its state is carried by the recursion
/// through the points before each origin, so a forecast from an origin sees nothing after it, whichever version of the series
/// it is given. Immutable; each call carries its own state.
/// </summary>
/// <param name="period">m for a seasonal form, 1 otherwise.</param>
/// <param name="initialStates">x_0 in R's order, [l, b, s_1, ..., s_m].</param>
/// <param name="sigma2">The variance of the one-step errors (relative ones for multiplicative errors).</param>
internal sealed class EtsModel(EtsForm form, int period, EtsParameters parameters, double[] initialStates, double sigma2)
    : IFittedForecaster
{
    public EtsForm Form { get; } = form;

    public int Period { get; } = period;

    public EtsParameters Parameters { get; } = parameters;

    public IReadOnlyList<double> InitialStates => initialStates;

    public double Sigma2 { get; } = sigma2;

    public string Method => EtsMethod.MethodName;

    /// <summary>The state starts from the fitted initial state, so even an origin at 0 has a forecast.</summary>
    public bool HasIntervals => true;

    public int FirstPredictable => 0;

    public IReadOnlyList<ForecastStep>[] Forecast(IReadOnlyList<double> series, IReadOnlyList<int> origins, int horizon, IntervalLevels levels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        foreach (var origin in origins)
        {
            if (origin < FirstPredictable || origin > series.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(origins), $"An origin must lie in {FirstPredictable}..{series.Count}; got {origin}.");
            }
        }
        // One pass through the series, stopping at each origin in time order.
        var forecasts = new IReadOnlyList<ForecastStep>[origins.Count];
        var state = Start();
        var t = 0;
        foreach (var i in Enumerable.Range(0, origins.Count).OrderBy(i => origins[i]))
        {
            for (; t < origins[i]; t++)
            {
                state.Observe(Parameters, series[t]);
            }
            forecasts[i] = From(state.ToArray(), horizon, levels);
        }
        return forecasts;
    }

    public IReadOnlyList<ForecastStep> OneStepAhead(IReadOnlyList<double> series, int firstIndex, int endIndex, IntervalLevels levels)
    {
        if (firstIndex < 0 || firstIndex > endIndex || endIndex > series.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(firstIndex), $"The points must lie in 0..{series.Count}; got {firstIndex}..{endIndex}.");
        }
        var sigma = Math.Sqrt(Sigma2);
        var steps = new ForecastStep[endIndex - firstIndex];
        var state = Start();
        for (var t = 0; t < endIndex; t++)
        {
            var forecast = state.Observe(Parameters, series[t]);
            if (t >= firstIndex)
            {
                // One step ahead every class has the variance sigma^2, times the squared forecast when errors are relative.
                var standardError = Form.Error == Component.Additive ? sigma : Math.Sqrt(Sigma2 * forecast * forecast);
                steps[t - firstIndex] = new ForecastStep(forecast, NormalIntervals.Around(forecast, standardError, levels));
            }
        }
        return steps;
    }

    private EtsStateVector Start()
    {
        var state = new EtsStateVector(Form, Period);
        state.Reset(initialStates);
        return state;
    }

    private ForecastStep[] From(double[] states, int horizon, IntervalLevels levels)
    {
        var (means, variances) = EtsForecastDistribution.Of(Form, Parameters, Period, Sigma2, states, horizon, levels.Values.Count > 0);
        return means.Select((mean, h) => new ForecastStep(
            mean,
            variances is null ? null : NormalIntervals.Around(mean, Math.Sqrt(Math.Max(variances[h], 0)), levels))).ToArray();
    }
}
