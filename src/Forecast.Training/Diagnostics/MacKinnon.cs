using MathNet.Numerics.Distributions;

namespace Forecast.Training.Diagnostics;

/// <summary>
/// MacKinnon's response-surface approximations for the Dickey-Fuller tau statistic, restricted to the case
/// the service uses: one I(1) series and a regression with a constant ("c", N = 1).
/// </summary>
/// <remarks>
/// Coefficients are copied from statsmodels 0.13.5, <c>statsmodels/tsa/adfvalues.py</c>
/// (<c>tau_*_c</c>, <c>tau_c_smallp</c>, <c>tau_c_largep</c>, <c>tau_c_2010</c>), so that p-values and critical
/// values agree with <c>adfuller</c> to the last digit.
/// </remarks>
internal static class MacKinnon
{
    // Beyond these the 1994 surfaces are not fitted; statsmodels returns the limit p-values 1 and 0.
    private const double TauMax = 2.74;
    private const double TauMin = -18.83;

    // Left of this the small-p polynomial applies, right of it the large-p one.
    private const double TauStar = -1.61;

    // MacKinnon (1994) Table 3, polynomials in tau whose normal CDF is the p-value (coefficients of tau^0, tau^1, ...).
    private static readonly double[] SmallP = [2.1659, 1.4412, 3.8269 * 1e-2];
    private static readonly double[] LargeP = [1.7339, 9.3202 * 1e-1, -1.2745 * 1e-1, -1.0368 * 1e-2];

    // MacKinnon (2010) critical values at 1 %, 5 %, 10 %: polynomials in 1/nobs.
    private static readonly double[] Critical1 = [-3.43035, -6.5393, -16.786, -79.433];
    private static readonly double[] Critical5 = [-2.86154, -2.8903, -4.234, -40.040];
    private static readonly double[] Critical10 = [-2.56677, -1.5384, -2.809, 0];

    /// <summary>Approximate p-value of an ADF tau statistic (statsmodels' <c>mackinnonp(tau, "c", N=1)</c>).</summary>
    public static double PValue(double tau)
    {
        if (tau > TauMax)
        {
            return 1.0;
        }
        if (tau < TauMin)
        {
            return 0.0;
        }
        var coefficients = tau <= TauStar ? SmallP : LargeP;
        return Normal.CDF(0, 1, Polynomial(coefficients, tau));
    }

    /// <summary>Finite-sample critical values for <paramref name="nobs"/> regression observations (<c>mackinnoncrit</c>).</summary>
    public static AdfCriticalValues CriticalValues(int nobs)
    {
        var inverse = 1.0 / nobs;
        return new AdfCriticalValues(
            Polynomial(Critical1, inverse),
            Polynomial(Critical5, inverse),
            Polynomial(Critical10, inverse));
    }

    private static double Polynomial(double[] coefficients, double x)
    {
        // Horner from the highest power, as numpy's polyval evaluates it.
        var value = 0.0;
        for (var i = coefficients.Length - 1; i >= 0; i--)
        {
            value = value * x + coefficients[i];
        }
        return value;
    }
}
