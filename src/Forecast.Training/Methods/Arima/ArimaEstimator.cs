using MathNet.Numerics.LinearAlgebra;

namespace Forecast.Training.Methods.Arima;

/// <summary>One fitted candidate of the search.</summary>
/// <param name="Coefficients">In <see cref="ArimaSpec"/>'s layout, the AR blocks stationary.</param>
/// <param name="Sigma2">The innovation variance as R's forecast package estimates it: the residuals' sum of squares over n* - k (n* = n - d - D·m, k coefficients).</param>
/// <param name="LogLikelihood">The exact Gaussian log-likelihood; NaN for an approximate (CSS) fit.</param>
/// <param name="Aic">The AIC; for a CSS fit R's approximation of it.</param>
/// <param name="Aicc">The corrected AIC, likewise.</param>
/// <param name="Rejection">Why R's checks would not let the search choose the fit, when they would not.</param>
internal sealed record ArimaFit(
    ArimaSpec Spec, double[] Coefficients, double Sigma2, double LogLikelihood, double Aic, double Aicc, bool Approximate, string? Rejection)
{
    /// <summary>What the search compares: the AICc (the AIC for R's tiniest samples), +∞ for a rejected fit.</summary>
    public double Criterion(bool corrected)
    {
        var value = corrected ? Aicc : Aic;
        return Rejection is null && !double.IsNaN(value) ? value : double.PositiveInfinity;
    }
}

/// <summary>
/// Fits one ARIMA specification as R's <c>forecast:::myarima</c> calls <c>stats::arima</c>: by conditional sums of
/// squares alone (the search's approximation), or by exact maximum likelihood started from them ("CSS-ML"); then the
/// information criteria and the checks that reject a fit.
/// </summary>
internal static class ArimaEstimator
{
    /// <summary>A root this close to the unit circle makes a fit unusable (R's auto.arima: 1 + 0.01).</summary>
    private const double SmallestRoot = 1.01;

    /// <summary>Lag coefficients at most this large are not part of the polynomial whose roots are checked.</summary>
    private const double NegligibleCoefficient = 1e-8;

    private const int MaximumStateLength = 350;

    /// <param name="offset">For an approximate fit: R's constant that puts the CSS information criteria on the likelihood's scale.</param>
    /// <returns>The fit, or null where R's <c>arima</c> fails (a non-stationary start, a singular Hessian).</returns>
    public static ArimaFit? Fit(IReadOnlyList<double> series, ArimaSpec spec, bool approximate, double offset = 0)
    {
        var y = series.ToArray();
        var n = y.Length;
        var k = spec.CoefficientCount;
        var used = n - spec.DifferencedAway;
        // R's arima cannot start a state longer than 350 (getQ0's limit), so such a seasonal model fails there too.
        var stateLength = Math.Max(spec.ArOrder + spec.Period * spec.SeasonalArOrder, spec.MaOrder + spec.Period * spec.SeasonalMaOrder + 1);
        if (used <= 0 || stateLength > MaximumStateLength)
        {
            return null;
        }

        var start = new double[k];
        var scale = Enumerable.Repeat(1.0, k).ToArray();
        if (Regressor(spec, n) is { } regressor)
        {
            var (coefficient, standardError) = RegressionStart(y, regressor, spec);
            // A regression without residual scatter leaves R's optimiser an unusable scale.
            if (!(standardError > 0) || !double.IsFinite(coefficient))
            {
                return null;
            }
            start[^1] = coefficient;
            scale[^1] = 10 * standardError;
        }

        double Css(double[] coefficients) => 0.5 * Math.Log(CssMeanSquare(y, spec, coefficients));

        if (approximate)
        {
            var final = k == 0 ? start : NumericalOptimizer.Minimize(Css, start, scale).Parameters;
            var meanSquare = CssMeanSquare(y, spec, final);
            if (k > 0 && !HasUsableVariance(NumericalOptimizer.Hessian(Css, final, scale), used, null))
            {
                return Rejected(spec, final, approximate, "its Hessian has no positive-definite inverse");
            }
            var aic = offset + used * Math.Log(meanSquare) + 2 * (k + 1);
            var sumOfSquares = meanSquare * (n - ConditionalSumOfSquares.ConditioningPoints(spec));
            return Completed(spec, final, used, aic, double.NaN, sumOfSquares, k + 1, approximate);
        }

        if (k > 0)
        {
            var css = NumericalOptimizer.Minimize(Css, start, scale);
            if (css.Converged)
            {
                start = css.Parameters;
            }
        }
        if (!IsStationary(start.AsSpan(0, spec.ArOrder)) ||
            !IsStationary(start.AsSpan(spec.ArOrder + spec.MaOrder, spec.SeasonalArOrder)))
        {
            return null;
        }

        double Ml(double[] unconstrained) => Filter(y, spec, ArimaPolynomials.ToStationary(spec, unconstrained)).Objective;

        var unconstrained = ArimaPolynomials.FromStationary(spec, start);
        InvertMaBlocks(spec, unconstrained);
        if (k > 0)
        {
            unconstrained = NumericalOptimizer.Minimize(Ml, unconstrained, scale).Parameters;
            InvertMaBlocks(spec, unconstrained);
            var jacobian = ArimaPolynomials.StationaryJacobian(spec, unconstrained);
            if (!HasUsableVariance(NumericalOptimizer.Hessian(Ml, unconstrained, scale), used, jacobian))
            {
                return Rejected(spec, ArimaPolynomials.ToStationary(spec, unconstrained), approximate, "its Hessian has no positive-definite inverse");
            }
        }
        return Exact(spec, y, ArimaPolynomials.ToStationary(spec, unconstrained), k);
    }

    /// <summary>
    /// A model with every coefficient fixed, scored as R's <c>Arima(y, ..., fixed = coefficients)</c> scores it: the
    /// innovation variance is then the only estimated parameter.
    /// </summary>
    public static ArimaFit Fixed(IReadOnlyList<double> series, ArimaSpec spec, double[] coefficients) =>
        Exact(spec, series.ToArray(), coefficients, 0);

    /// <summary>
    /// R's constant for the approximate search, -2 log L - n log σ² of the exact fit of ARIMA(0,d,0)(0,D,0)[m] (with a
    /// mean when undifferenced), so that CSS criteria n* log σ²_CSS + offset are on the likelihood's scale; 0 when that
    /// fit fails.
    /// </summary>
    public static double ApproximationOffset(IReadOnlyList<double> series, int differences, int seasonalDifferences, int period)
    {
        var spec = new ArimaSpec(0, differences, 0, 0, seasonalDifferences, 0, period,
            differences + seasonalDifferences == 0 ? ArimaConstant.Mean : ArimaConstant.None);
        var fit = Fit(series, spec, approximate: false);
        if (fit is null || fit.Rejection is not null)
        {
            return 0;
        }
        var used = series.Count - spec.DifferencedAway;
        var filtered = Filter(series.ToArray(), spec, fit.Coefficients);
        return -2 * fit.LogLikelihood - series.Count * Math.Log(filtered.SumOfSquares / used);
    }

    /// <summary>Scores final coefficients by the exact likelihood, <paramref name="estimated"/> of them estimated.</summary>
    private static ArimaFit Exact(ArimaSpec spec, double[] y, double[] coefficients, int estimated)
    {
        var used = y.Length - spec.DifferencedAway;
        var filtered = Filter(y, spec, coefficients);
        var logLikelihood = LogLikelihood(filtered.Objective, used);
        var aic = -2 * logLikelihood + 2 * (estimated + 1);
        return Completed(spec, coefficients, used, aic, logLikelihood, filtered.StandardizedSquares, estimated + 1, approximate: false);
    }

    /// <summary>The corrected AIC, σ² and R's root checks, as forecast's <c>myarima</c> adds them to a fit.</summary>
    /// <param name="parameters">The estimated coefficients and σ².</param>
    private static ArimaFit Completed(
        ArimaSpec spec, double[] coefficients, int used, double aic, double logLikelihood, double sumOfSquares, int parameters, bool approximate)
    {
        var aicc = aic + 2.0 * parameters * (parameters + 1) / (used - parameters - 1);
        var sigma2 = sumOfSquares / (used - parameters + 1);
        var rejection = double.IsNaN(aic) ? "its likelihood is not finite" : RootRejection(spec, coefficients);
        return new ArimaFit(spec, coefficients, sigma2, logLikelihood, aic, aicc, approximate, rejection);
    }

    /// <summary>
    /// The exact log-likelihood of <paramref name="series"/> under <paramref name="spec"/> with every coefficient fixed,
    /// as R's <c>Arima(y, ..., fixed = coefficients)$loglik</c>.
    /// </summary>
    public static double LogLikelihood(IReadOnlyList<double> series, ArimaSpec spec, double[] coefficients)
    {
        var filtered = Filter(series.ToArray(), spec, coefficients);
        return LogLikelihood(filtered.Objective, series.Count - spec.DifferencedAway);
    }

    /// <summary>The mean or drift at positions start..start+length (0-based; R's drift regressor is the position from 1).</summary>
    public static double[] Deterministic(ArimaSpec spec, ReadOnlySpan<double> coefficients, int start, int length)
    {
        var values = new double[length];
        if (spec.Constant == ArimaConstant.None)
        {
            return values;
        }
        var c = coefficients[^1];
        for (var i = 0; i < length; i++)
        {
            values[i] = spec.Constant == ArimaConstant.Mean ? c : c * (start + i + 1);
        }
        return values;
    }

    /// <summary>series[0..length) net of its mean or drift: what the ARMA part with its differencing models.</summary>
    public static double[] Net(ArimaSpec spec, ReadOnlySpan<double> coefficients, IReadOnlyList<double> series, int length)
    {
        var net = Deterministic(spec, coefficients, 0, length);
        for (var t = 0; t < length; t++)
        {
            net[t] = series[t] - net[t];
        }
        return net;
    }

    private static double LogLikelihood(double objective, int used) =>
        -0.5 * (2 * used * objective + used + used * Math.Log(2 * Math.PI));

    private static double[]? Regressor(ArimaSpec spec, int n) => spec.Constant switch
    {
        ArimaConstant.Mean => Enumerable.Repeat(1.0, n).ToArray(),
        ArimaConstant.Drift => Enumerable.Range(1, n).Select(t => (double)t).ToArray(),
        _ => null,
    };

    private static FilterResult Filter(double[] y, ArimaSpec spec, double[] coefficients) =>
        ArimaStateSpace.For(spec, coefficients).Filter(Net(spec, coefficients, y, y.Length));

    private static double CssMeanSquare(double[] y, ArimaSpec spec, double[] coefficients)
    {
        var (phi, theta) = ArimaPolynomials.Expand(spec, coefficients);
        return ConditionalSumOfSquares.MeanSquare(spec, Net(spec, coefficients, y, y.Length), phi, theta);
    }

    /// <summary>
    /// R's start for a mean or drift: least squares of the differenced series on the differenced regressor, with ten
    /// standard errors as the optimiser's scale for it.
    /// </summary>
    private static (double Coefficient, double StandardError) RegressionStart(double[] y, double[] regressor, ArimaSpec spec)
    {
        var dy = Differencing.Apply(y, spec.Differences, spec.SeasonalDifferences, spec.Period);
        var dz = Differencing.Apply(regressor, spec.Differences, spec.SeasonalDifferences, spec.Period);
        if (dy.Length <= 1)
        {
            (dy, dz) = (y, regressor);
        }
        double zz = 0, zy = 0;
        for (var t = 0; t < dy.Length; t++)
        {
            zz += dz[t] * dz[t];
            zy += dz[t] * dy[t];
        }
        var coefficient = zy / zz;
        var residualSquares = 0.0;
        for (var t = 0; t < dy.Length; t++)
        {
            var e = dy[t] - coefficient * dz[t];
            residualSquares += e * e;
        }
        return (coefficient, Math.Sqrt(residualSquares / (dy.Length - 1) / zz));
    }

    /// <summary>R's <c>arCheck</c>: every root of 1 - Σ ar_i B^i strictly outside the unit circle.</summary>
    private static bool IsStationary(ReadOnlySpan<double> ar) => ArimaPolynomials.SmallestRootModulus(ar, -1, 0) > 1;

    private static void InvertMaBlocks(ArimaSpec spec, double[] coefficients)
    {
        ArimaPolynomials.InvertMa(coefficients.AsSpan(spec.ArOrder, spec.MaOrder));
        ArimaPolynomials.InvertMa(coefficients.AsSpan(spec.ArOrder + spec.MaOrder + spec.SeasonalArOrder, spec.SeasonalMaOrder));
    }

    /// <summary>
    /// R's <c>checkarima</c>: the coefficients' covariance, (n H)⁻¹ carried through the <paramref name="jacobian"/> of the
    /// stationarity transform when there is one, must exist and have no negative variance.
    /// </summary>
    private static bool HasUsableVariance(double[,] hessian, int used, double[,]? jacobian)
    {
        var h = Matrix<double>.Build.DenseOfArray(hessian) * used;
        if (!h.Enumerate().All(double.IsFinite))
        {
            return false;
        }
        var lu = h.LU();
        // LAPACK's solve refuses a system whose reciprocal condition number is below machine epsilon; so does this.
        if (lu.Determinant == 0 || 1 / h.ConditionNumber() < 2.220446049250313e-16)
        {
            return false;
        }
        var covariance = lu.Inverse();
        if (jacobian is not null)
        {
            var a = Matrix<double>.Build.DenseOfArray(jacobian);
            covariance = a.TransposeThisAndMultiply(covariance * a);
        }
        return covariance.Diagonal().All(v => v >= 0);
    }

    /// <summary>R's auto.arima refuses a model whose AR or MA polynomial has a root within 1.01 of the origin.</summary>
    /// <remarks>
    /// The roots are the eigenvalues of the companion matrix; where MathNet's QR iteration does not converge on them (it
    /// did not for one of the tourism monthly validation histories) the model is refused too: its roots cannot be checked.
    /// </remarks>
    private static string? RootRejection(ArimaSpec spec, double[] coefficients)
    {
        var (phi, theta) = ArimaPolynomials.Expand(spec, coefficients);
        try
        {
            if (ArimaPolynomials.SmallestRootModulus(phi, -1, NegligibleCoefficient) < SmallestRoot)
            {
                return "its AR part is too close to non-stationary";
            }
            if (ArimaPolynomials.SmallestRootModulus(theta, +1, NegligibleCoefficient) < SmallestRoot)
            {
                return "its MA part is too close to non-invertible";
            }
        }
        catch (MathNet.Numerics.NonConvergenceException)
        {
            return "the roots of its polynomials could not be found";
        }
        return null;
    }

    private static ArimaFit Rejected(ArimaSpec spec, double[] coefficients, bool approximate, string reason) =>
        new(spec, coefficients, double.NaN, double.NaN, double.NaN, double.NaN, approximate, reason);
}
