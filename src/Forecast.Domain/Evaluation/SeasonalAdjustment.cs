namespace Forecast.Domain.Evaluation;

/// <summary>
/// A series with its multiplicative season divided out when <see cref="SeasonalityTest"/> finds one, and the
/// way back: the common first and last step of the M4 Naive2 benchmark and of <c>forecast::thetaf</c>, which
/// forecast the adjusted series (R's <c>seasadj(decompose(x, "multiplicative"))</c>) and multiply each forecast
/// by the index of its phase.
/// </summary>
public sealed class SeasonalAdjustment
{
    private readonly double[]? indices;
    private readonly int historyLength;

    private SeasonalAdjustment(IReadOnlyList<double> adjusted, double[]? indices)
    {
        Adjusted = adjusted;
        this.indices = indices;
        historyLength = adjusted.Count;
    }

    /// <summary>The history divided by the index of each point's phase, or the history itself when not seasonal.</summary>
    public IReadOnlyList<double> Adjusted { get; }

    /// <summary>Whether the history passed the seasonality test and was adjusted.</summary>
    public bool IsSeasonal => indices is not null;

    /// <summary>The multiplicative index per phase, counted from the history's first point; null when not seasonal.</summary>
    public IReadOnlyList<double>? Indices => indices;

    /// <param name="history">The series, oldest first.</param>
    /// <param name="period">The seasonal period m; 1 or less means no season.</param>
    public static SeasonalAdjustment Of(IReadOnlyList<double> history, int period)
    {
        if (!SeasonalityTest.IsSeasonal(history, period))
        {
            return new SeasonalAdjustment(history, null);
        }
        var indices = ClassicalDecomposition.MultiplicativeSeasonalIndices(history, period);
        var adjusted = new double[history.Count];
        for (var t = 0; t < adjusted.Length; t++)
        {
            adjusted[t] = history[t] / indices[t % period];
        }
        return new SeasonalAdjustment(adjusted, indices);
    }

    /// <summary>
    /// Forecasts of the adjusted series for the points after the history, multiplied by their phases'
    /// indices, the phases continuing cyclically after the history's last point; unchanged when not seasonal.
    /// </summary>
    public double[] Reseasonalize(IReadOnlyList<double> adjustedForecast)
    {
        if (indices is null)
        {
            return adjustedForecast.ToArray();
        }
        return adjustedForecast.Select((f, h) => f * indices[(historyLength + h) % indices.Length]).ToArray();
    }
}
