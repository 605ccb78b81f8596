using Forecast.Domain.Seasonality;
using Forecast.Training.Intervals;

namespace Forecast.Training.Methods.MultipleSeasons;

/// <summary>
/// R's <c>forecast(mstl(x), method = "ets")</c> from any origin: the points before it decomposed by MSTL, the fitted ETS
/// carried through their seasonally adjusted values and forecast, and each season's last cycle added back, to the mean and
/// to the ETS's bounds alike.
/// </summary>
/// <remarks>
/// <para>
/// The decomposition has no parameters to fit, so it is made from the points before the origin; the ETS keeps the
/// parameters and initial states fitted to the history's adjusted values. Before an origin that holds no period more
/// than twice there is no season: the ETS forecasts the points themselves.
/// </para>
/// <para>
/// An MSTL costs tens of milliseconds on a few thousand points, and a one-step read of a whole history (residual
/// diagnostics, anomalies) forecasts from every point. So the decomposition is renewed once every shortest period, at
/// renewal points counted in whole periods from the end of the fitted history: an origin between two of them takes the
/// latest one before it, with the seasons' repeated cycles standing for the seasons of the points since. A forecast
/// from the end of the fitted history is exactly R's; none sees anything after its origin.
/// </para>
/// </remarks>
/// <param name="periods">The seasons decomposed, shortest first.</param>
/// <param name="adjusted">The ETS fitted to the history's seasonally adjusted values.</param>
/// <param name="fittedLength">The points of the history it was fitted on: the first renewal point.</param>
internal sealed class MstlForecaster(IReadOnlyList<int> periods, IFittedForecaster adjusted, int fittedLength) : IFittedForecaster
{
    private readonly int renewalStride = periods.Count > 0 ? periods[0] : 1;

    public string Method => MstlMethod.MethodName;

    public bool HasIntervals => adjusted.HasIntervals;

    public int FirstPredictable => adjusted.FirstPredictable;

    public IReadOnlyList<ForecastStep>[] Forecast(IReadOnlyList<double> series, IReadOnlyList<int> origins, int horizon, IntervalLevels levels)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(origins);
        foreach (var origin in origins)
        {
            if (origin < FirstPredictable || origin > series.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(origins), $"An origin must lie in {FirstPredictable}..{series.Count}; got {origin}.");
            }
        }
        var forecasts = new IReadOnlyList<ForecastStep>[origins.Count];
        foreach (var group in Enumerable.Range(0, origins.Count).GroupBy(i => RenewalAt(origins[i])))
        {
            // Every origin of the group shares the decomposition at its renewal point and the adjusted values after it.
            var renewal = group.Key;
            var last = group.Max(i => origins[i]);
            var seasons = SeasonsFrom(series, renewal);
            var adjustedSeries = seasons.Adjusted.Concat(Enumerable.Range(renewal, last - renewal).Select(t => series[t] - seasons.At(t))).ToArray();
            var groupOrigins = group.ToArray();
            var steps = adjusted.Forecast(adjustedSeries, [.. groupOrigins.Select(i => origins[i])], horizon, levels);
            for (var g = 0; g < groupOrigins.Length; g++)
            {
                var origin = origins[groupOrigins[g]];
                forecasts[groupOrigins[g]] = [.. steps[g].Select((step, h) => Shifted(step, seasons.At(origin + h)))];
            }
        }
        return forecasts;
    }

    public IReadOnlyList<ForecastStep> OneStepAhead(IReadOnlyList<double> series, int firstIndex, int endIndex, IntervalLevels levels)
    {
        if (firstIndex < FirstPredictable || firstIndex > endIndex || endIndex > series.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(firstIndex), $"The points must lie in {FirstPredictable}..{series.Count}; got {firstIndex}..{endIndex}.");
        }
        return Forecast(series, [.. Enumerable.Range(firstIndex, endIndex - firstIndex)], 1, levels).Select(steps => steps[0]).ToArray();
    }

    /// <summary>The latest renewal point at or before <paramref name="origin"/>: the fitted history's end, less or plus whole strides.</summary>
    private int RenewalAt(int origin) =>
        origin >= fittedLength
            ? fittedLength + (origin - fittedLength) / renewalStride * renewalStride
            : Math.Max(0, fittedLength - (fittedLength - origin + renewalStride - 1) / renewalStride * renewalStride);

    /// <summary>The points before <paramref name="renewal"/> with their seasons taken out, and the seasons' naive forecast after it.</summary>
    private Seasons SeasonsFrom(IReadOnlyList<double> series, int renewal)
    {
        var history = series.Take(renewal).ToArray();
        if (Mstl.PeriodsHeld(renewal, periods).Length == 0)
        {
            return new Seasons(history, renewal, []);
        }
        var decomposition = Mstl.Decompose(history, periods);
        return new Seasons(decomposition.SeasonallyAdjusted(), renewal, [.. decomposition.Seasonals.Select(s => s.Values[^s.Period..])]);
    }

    /// <summary>A decomposition at a renewal point: its adjusted values before it, and each season's last cycle, repeated after it.</summary>
    private sealed record Seasons(double[] Adjusted, int Renewal, double[][] LastCycles)
    {
        /// <summary>The seasons' sum at point <paramref name="t"/> (at or after the renewal point): each one's seasonal naive forecast.</summary>
        public double At(int t) => LastCycles.Sum(cycle => cycle[(t - Renewal) % cycle.Length]);
    }

    private static ForecastStep Shifted(ForecastStep step, double season) =>
        new(step.Value + season, step.Intervals?.Select(i => i with { Lower = i.Lower + season, Upper = i.Upper + season }).ToArray());
}
