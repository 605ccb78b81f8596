namespace Forecast.Domain.Evaluation;

/// <summary>The simple forecasts every model must be compared with.</summary>
public static class Baselines
{
    /// <summary>Repeats the last observed value.</summary>
    public static double[] Naive(IReadOnlyList<double> history, int horizon) =>
        Enumerable.Repeat(history[^1], horizon).ToArray();

    /// <summary>Repeats the last observed season of length <paramref name="period"/> (R's snaive).</summary>
    public static double[] SeasonalNaive(IReadOnlyList<double> history, int horizon, int period)
    {
        if (period <= 1 || period > history.Count)
        {
            return Naive(history, horizon);
        }
        var forecast = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            forecast[h] = history[history.Count - period + (h % period)];
        }
        return forecast;
    }

    /// <summary>Extends the line through the first and last observations (R's rwf with drift).</summary>
    public static double[] Drift(IReadOnlyList<double> history, int horizon)
    {
        var slope = history.Count > 1 ? (history[^1] - history[0]) / (history.Count - 1) : 0;
        return Enumerable.Range(1, horizon).Select(h => history[^1] + h * slope).ToArray();
    }
}
