using Forecast.Domain.Seasonality;
using Forecast.Training.Intervals;

namespace Forecast.Training.Methods.MultipleSeasons;

/// <summary>
/// R's <c>forecast(mstl(x), method = "ets")</c> from any origin: the points before it decomposed by MSTL, the fitted ETS
/// carried through their seasonally adjusted values and forecast, and each season's last cycle added back, to the mean and
/// to the ETS's bounds alike.
/// </summary>
/// <remarks>
/// The decomposition has no parameters to fit, so it is made afresh from the points before each origin (a forecast sees
/// nothing after its origin); the ETS keeps the parameters and initial states fitted to the history's adjusted values.
/// Before an origin that holds no period more than twice, there is no season: the ETS forecasts the points themselves.
/// </remarks>
/// <param name="periods">The seasons asked for, shortest first.</param>
/// <param name="adjusted">The ETS fitted to the history's seasonally adjusted values.</param>
internal sealed class MstlForecaster(IReadOnlyList<int> periods, IFittedForecaster adjusted) : IFittedForecaster
{
    public IReadOnlyList<int> Periods => periods;

    public string Method => MstlMethod.MethodName;

    public bool HasIntervals => adjusted.HasIntervals;

    public int FirstPredictable => adjusted.FirstPredictable;

    public IReadOnlyList<ForecastStep>[] Forecast(IReadOnlyList<double> series, IReadOnlyList<int> origins, int horizon, IntervalLevels levels)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(origins);
        return origins.Select(origin =>
        {
            if (origin < FirstPredictable || origin > series.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(origins), $"An origin must lie in {FirstPredictable}..{series.Count}; got {origin}.");
            }
            var (seasonallyAdjusted, lastCycles) = Decompose(series, origin);
            var steps = adjusted.Forecast(seasonallyAdjusted, [origin], horizon, levels)[0];
            return (IReadOnlyList<ForecastStep>)steps.Select((step, h) => Shifted(step, lastCycles.Sum(cycle => cycle[h % cycle.Length]))).ToArray();
        }).ToArray();
    }

    public IReadOnlyList<ForecastStep> OneStepAhead(IReadOnlyList<double> series, int firstIndex, int endIndex, IntervalLevels levels)
    {
        if (firstIndex < FirstPredictable || firstIndex > endIndex || endIndex > series.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(firstIndex), $"The points must lie in {FirstPredictable}..{series.Count}; got {firstIndex}..{endIndex}.");
        }
        return Forecast(series, [.. Enumerable.Range(firstIndex, endIndex - firstIndex)], 1, levels).Select(steps => steps[0]).ToArray();
    }

    /// <summary>
    /// The points before <paramref name="origin"/> with their seasons taken out, and each season's last cycle, which its
    /// seasonal naive forecast repeats.
    /// </summary>
    private (double[] Adjusted, double[][] LastCycles) Decompose(IReadOnlyList<double> series, int origin)
    {
        var history = series.Take(origin).ToArray();
        if (Mstl.PeriodsHeld(origin, periods).Length == 0)
        {
            return (history, []);
        }
        var decomposition = Mstl.Decompose(history, periods);
        return (decomposition.SeasonallyAdjusted(), [.. decomposition.Seasonals.Select(s => s.Values[^s.Period..])]);
    }

    private static ForecastStep Shifted(ForecastStep step, double season) =>
        new(step.Value + season, step.Intervals?.Select(i => i with { Lower = i.Lower + season, Upper = i.Upper + season }).ToArray());
}
