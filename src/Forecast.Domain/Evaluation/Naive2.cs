namespace Forecast.Domain.Evaluation;

/// <summary>
/// The M4 competition's Naive2 benchmark (and M3's Naive2): the naive forecast of the seasonally adjusted
/// series, seasonalised again, so that a seasonal series is not forecast flat at the level of its last month.
/// </summary>
public static class Naive2
{
    /// <param name="history">The series, oldest first.</param>
    /// <param name="horizon">Points to forecast after the history.</param>
    /// <param name="period">The seasonal period m; 1 or less gives plain naive.</param>
    public static double[] Forecast(IReadOnlyList<double> history, int horizon, int period)
    {
        var adjustment = SeasonalAdjustment.Of(history, period);
        return adjustment.Reseasonalize(Baselines.Naive(adjustment.Adjusted, horizon));
    }
}
