using System.Globalization;

namespace Forecast.Training.Methods.Arima;

/// <summary>The deterministic term of an ARIMA model, as R's forecast package offers it.</summary>
internal enum ArimaConstant
{
    /// <summary>No constant.</summary>
    None,

    /// <summary>A non-zero mean: only for an undifferenced model (d + D = 0).</summary>
    Mean,

    /// <summary>A linear drift c·t (t = 1, 2, ... the position in the series): only when d + D = 1.</summary>
    Drift,
}

/// <summary>
/// ARIMA(p,d,q)(P,D,Q)[m]: orders, season, constant and covariates. Coefficients are laid out as R's <c>arima</c> lays
/// them out: ar[1..p], ma[1..q], sar[1..P], sma[1..Q], then the mean or drift, then one per covariate.
/// </summary>
/// <param name="Period">m; 1 when the model has no seasonal part.</param>
/// <param name="CovariateCount">
/// The covariates regressed on: with any, the model is a regression with ARIMA errors, y_t = x_t'β + η_t with η the
/// ARIMA process, as R's <c>arima(xreg = )</c> fits it.
/// </param>
internal sealed record ArimaSpec(
    int ArOrder, int Differences, int MaOrder,
    int SeasonalArOrder, int SeasonalDifferences, int SeasonalMaOrder,
    int Period, ArimaConstant Constant, int CovariateCount = 0)
{
    /// <summary>The number of ARMA coefficients, before the regression's.</summary>
    public int ArmaCount => ArOrder + MaOrder + SeasonalArOrder + SeasonalMaOrder;

    /// <summary>The regression's coefficients: the mean or drift, then the covariates'.</summary>
    public int RegressionCount => (Constant == ArimaConstant.None ? 0 : 1) + CovariateCount;

    /// <summary>Every coefficient the likelihood estimates.</summary>
    public int CoefficientCount => ArmaCount + RegressionCount;

    /// <summary>d + D.</summary>
    public int TotalDifferences => Differences + SeasonalDifferences;

    /// <summary>Points lost to differencing: d + D·m.</summary>
    public int DifferencedAway => Differences + SeasonalDifferences * Period;

    public bool IsSeasonal => Period > 1 && SeasonalArOrder + SeasonalDifferences + SeasonalMaOrder > 0;

    /// <summary>
    /// The coefficients δ of (1 - B)^d (1 - B^m)^D = 1 - δ_1 B - δ_2 B² - ..., so that the undifferenced series follows
    /// y_t = w_t + Σ δ_i y_{t-i} with w the ARMA part.
    /// </summary>
    public double[] DifferencingPolynomial()
    {
        double[] product = [1.0];
        for (var i = 0; i < Differences; i++)
        {
            product = Multiply(product, 1);
        }
        for (var i = 0; i < SeasonalDifferences; i++)
        {
            product = Multiply(product, Period);
        }
        return product.Skip(1).Select(c => -c).ToArray();

        // (Σ c_i B^i)(1 - B^lag)
        static double[] Multiply(double[] c, int lag)
        {
            var result = new double[c.Length + lag];
            for (var i = 0; i < c.Length; i++)
            {
                result[i] += c[i];
                result[i + lag] -= c[i];
            }
            return result;
        }
    }

    /// <summary>R's spelling: ARIMA(3,0,2)(1,1,0)[12] with drift; Regression with ARIMA(1,1,0) errors.</summary>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"ARIMA({ArOrder},{Differences},{MaOrder})");
        if (IsSeasonal)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"({SeasonalArOrder},{SeasonalDifferences},{SeasonalMaOrder})[{Period}]");
        }
        if (CovariateCount > 0)
        {
            // R names the mean or drift among the coefficients of a regression, not in its label.
            return $"Regression with {text} errors";
        }
        return Constant switch
        {
            ArimaConstant.Mean => text + " with non-zero mean",
            ArimaConstant.Drift => text + " with drift",
            _ when TotalDifferences == 0 => text + " with zero mean",
            _ => text,
        };
    }
}
