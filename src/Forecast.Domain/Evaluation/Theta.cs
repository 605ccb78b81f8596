namespace Forecast.Domain.Evaluation;

/// <summary>
/// The Theta method of Assimakopoulos and Nikolopoulos (2000), winner of the M3 competition and a benchmark of
/// M4, as R's <c>forecast::thetaf</c> (forecast 8.20) computes it. Hyndman and Billah (2003) showed it to be
/// simple exponential smoothing with a drift of half the slope of the series' least-squares line; thetaf
/// applies it to the seasonally adjusted series when the series is seasonal and seasonalises the forecasts.
/// </summary>
public static class Theta
{
    /// <param name="history">The series, oldest first.</param>
    /// <param name="horizon">Points to forecast after the history.</param>
    /// <param name="period">The seasonal period m; 1 or less means no season.</param>
    public static double[] Forecast(IReadOnlyList<double> history, int horizon, int period) => Fit(history, horizon, period).Mean;

    /// <summary>The forecast with what its prediction intervals need, as <c>thetaf</c> computes them.</summary>
    public static ThetaForecast Fit(IReadOnlyList<double> history, int horizon, int period)
    {
        var adjustment = SeasonalAdjustment.Of(history, period);
        var x = adjustment.Adjusted;
        var ses = SimpleExponentialSmoothing.Fit(x);
        var drift = LeastSquaresSlope(x) / 2;
        // Hyndman and Billah's form, as thetaf writes it: the drift for h steps plus about the steps by which
        // SES trails a straight line at the end of the series, (1 - (1 - alpha)^n) / alpha - 1.
        var lag = (1 - Math.Pow(1 - ses.Alpha, x.Count)) / ses.Alpha;
        var forecast = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            forecast[h] = ses.LastLevel + drift * (h + lag);
        }
        // ses's sigma2: the squared one-step errors over n - 2 (alpha and the initial level were fitted).
        var variance = x.Count > 2 ? ses.MeanSquaredError * x.Count / (x.Count - 2) : double.NaN;
        return new ThetaForecast(adjustment.Reseasonalize(forecast), ses.Alpha, variance);
    }

    /// <summary>The slope of R's <c>lsfit(0:(n - 1), x)</c>; 0 for a single point, which has no trend.</summary>
    private static double LeastSquaresSlope(IReadOnlyList<double> x)
    {
        var n = x.Count;
        var meanTime = (n - 1) / 2.0;
        var meanValue = x.Average();
        double covariance = 0, variance = 0;
        for (var t = 0; t < n; t++)
        {
            covariance += (t - meanTime) * (x[t] - meanValue);
            variance += (t - meanTime) * (t - meanTime);
        }
        return n > 1 ? covariance / variance : 0;
    }
}

/// <summary>Theta's forecast and what thetaf builds its intervals from.</summary>
/// <param name="Mean">The point forecast, seasonalised.</param>
/// <param name="Alpha">The smoothing parameter of the SES fit of the adjusted series.</param>
/// <param name="ResidualVariance">That fit's one-step error variance (R's sigma2); NaN with fewer than 3 points.</param>
public sealed record ThetaForecast(double[] Mean, double Alpha, double ResidualVariance)
{
    /// <summary>
    /// The standard error <paramref name="step"/> steps ahead (1-based), as thetaf puts it around the seasonalised forecast:
    /// simple exponential smoothing's, sigma · sqrt(1 + (h - 1) alpha²), on the adjusted scale.
    /// </summary>
    public double StandardError(int step) => Math.Sqrt(ResidualVariance * (1 + (step - 1) * Alpha * Alpha));
}
