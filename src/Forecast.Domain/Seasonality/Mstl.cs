namespace Forecast.Domain.Seasonality;

/// <summary>One season of an <see cref="Mstl"/> decomposition: its period and its values at every point.</summary>
public sealed record SeasonalComponent(int Period, double[] Values);

/// <summary>An MSTL decomposition: the series is the trend plus every seasonal component plus the remainder.</summary>
/// <param name="Seasonals">One per period kept, shortest period first.</param>
public sealed record MstlDecomposition(double[] Trend, IReadOnlyList<SeasonalComponent> Seasonals, double[] Remainder)
{
    /// <summary>The series with every season taken out: trend plus remainder (R's <c>seasadj</c>).</summary>
    public double[] SeasonallyAdjusted() => Trend.Select((t, i) => t + Remainder[i]).ToArray();
}

/// <summary>
/// MSTL (Bandara, Hyndman and Bergmeir 2021) as forecast 8.20's <c>mstl</c> without a Box-Cox transform: one
/// <see cref="Stl"/> per period, shortest first, each on the series less the other seasons' latest estimates, the whole
/// round repeated; the trend is the last STL's.
/// </summary>
public static class Mstl
{
    /// <summary>R's default number of rounds.</summary>
    public const int DefaultIterations = 2;

    /// <summary>
    /// R's default seasonal windows, 7 + 4·k for the k-th shortest period: a shorter season, with more cycles to
    /// smooth over, may change faster.
    /// </summary>
    public static int SeasonalWindow(int index) => 7 + 4 * (index + 1);

    /// <summary>The periods of at least 2 that a series of <paramref name="count"/> points holds more than twice, shortest first: those MSTL decomposes.</summary>
    public static int[] PeriodsHeld(int count, IReadOnlyList<int> periods) =>
        [.. periods.Where(p => p >= 2 && p < count / 2.0).Distinct().Order()];

    /// <param name="periods">The seasons, each at least 2; those of half the series or more are dropped, as R drops them.</param>
    /// <exception cref="ArgumentException">No period of at least 2 that the series holds more than twice (<see cref="PeriodsHeld"/>).</exception>
    public static MstlDecomposition Decompose(IReadOnlyList<double> series, IReadOnlyList<int> periods, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(periods);
        var kept = PeriodsHeld(series.Count, periods);
        if (kept.Length == 0)
        {
            throw new ArgumentException(
                $"MSTL needs periods of at least 2 that the series of {series.Count} points holds more than twice; got {string.Join(", ", periods)}.",
                nameof(periods));
        }
        var seasonals = kept.Select(_ => new double[series.Count]).ToArray();
        var deseasonalized = series.ToArray();
        Stl.Decomposition? last = null;
        for (var round = 0; round < Math.Max(1, iterations); round++)
        {
            for (var k = 0; k < kept.Length; k++)
            {
                // The series less every other season's latest estimate, the order R's running sum takes.
                for (var i = 0; i < deseasonalized.Length; i++)
                {
                    deseasonalized[i] += seasonals[k][i];
                }
                last = Stl.Decompose(deseasonalized, kept[k], SeasonalWindow(k));
                seasonals[k] = last.Seasonal;
                for (var i = 0; i < deseasonalized.Length; i++)
                {
                    deseasonalized[i] -= seasonals[k][i];
                }
            }
        }
        var trend = last!.Trend;
        var remainder = deseasonalized.Select((d, i) => d - trend[i]).ToArray();
        return new MstlDecomposition(trend, kept.Select((p, k) => new SeasonalComponent(p, seasonals[k])).ToArray(), remainder);
    }
}
