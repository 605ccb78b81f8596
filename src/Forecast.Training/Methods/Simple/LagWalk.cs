namespace Forecast.Training.Methods.Simple;

/// <summary>
/// The random walks of R's forecast package (<c>naive</c>, <c>snaive</c>, <c>rwf(drift = TRUE)</c>, its <c>lagwalk</c>):
/// the value one lag back, plus a drift, with R's standard errors: the residuals' mean square times the lags spanned,
/// plus the drift's own uncertainty.
/// </summary>
internal static class LagWalk
{
    /// <param name="lag">1 for naive, the seasonal period for seasonal naive.</param>
    /// <param name="drift">Whether to add the mean step (the line through the first and last observations).</param>
    public static NormalForecast Forecast(IReadOnlyList<double> history, int horizon, int lag, bool drift)
    {
        var n = history.Count;
        var steps = new double[n - lag];
        for (var t = lag; t < n; t++)
        {
            steps[t - lag] = history[t] - history[t - lag];
        }
        var slope = drift ? steps.Average() : 0;
        // R fits the drift as lm(step ~ 1): its standard error is the steps' standard deviation over sqrt(count).
        var slopeError = drift ? Math.Sqrt(steps.Sum(s => (s - slope) * (s - slope)) / (steps.Length - 1) / steps.Length) : 0;
        var meanSquare = steps.Sum(s => (s - slope) * (s - slope)) / (steps.Length - (drift ? 1 : 0));
        var mean = new double[horizon];
        var standardError = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            var lags = h / lag + 1;
            mean[h] = history[n - lag + h % lag] + lags * slope;
            standardError[h] = Math.Sqrt(meanSquare * lags + lags * slopeError * lags * slopeError);
        }
        return new NormalForecast(mean, standardError);
    }
}
