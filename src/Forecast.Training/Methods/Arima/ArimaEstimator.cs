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
    /// <param name="covariates">The values of the spec's covariates at the series' points, one column each; none by default.</param>
    /// <returns>The fit, or null where R's <c>arima</c> fails (a non-stationary start, a singular Hessian).</returns>
    public static ArimaFit? Fit(
        IReadOnlyList<double> series, ArimaSpec spec, bool approximate, double offset = 0, IReadOnlyList<IReadOnlyList<double>>? covariates = null)
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

        var regression = RegressionColumns.For(spec, covariates ?? [], n);
        // R's arima estimates the coefficients of more than one regressor along their principal axes, X·V for X = U·D·V',
        // and turns them back at the end. The optimum is the same; the optimiser's path to it, and where it stops on a flat
        // likelihood, are R's only so.
        var rotation = regression.Count > 1 ? regression.Design(n).Svd().VT.Transpose() : null;
        var regressors = rotation is null ? regression : regression.Rotated(rotation, n);

        var start = new double[k];
        var scale = Enumerable.Repeat(1.0, k).ToArray();
        if (regressors.Count > 0)
        {
            if (RegressionStart(y, regressors, spec) is not { } regressionStart)
            {
                return null;
            }
            regressionStart.Coefficients.CopyTo(start, spec.ArmaCount);
            for (var j = 0; j < regressors.Count; j++)
            {
                scale[spec.ArmaCount + j] = 10 * regressionStart.StandardErrors[j];
            }
        }

        double Css(double[] coefficients) => 0.5 * Math.Log(CssMeanSquare(y, spec, regressors, coefficients));

        if (approximate)
        {
            var final = k == 0 ? start : NumericalOptimizer.Minimize(Css, start, scale).Parameters;
            var meanSquare = CssMeanSquare(y, spec, regressors, final);
            if (k > 0 && !HasUsableVariance(NumericalOptimizer.Hessian(Css, final, scale), used, null, spec, rotation))
            {
                return Rejected(spec, Unrotated(spec, final, rotation), approximate, "its Hessian has no positive-definite inverse");
            }
            var aic = offset + used * Math.Log(meanSquare) + 2 * (k + 1);
            var sumOfSquares = meanSquare * (n - ConditionalSumOfSquares.ConditioningPoints(spec));
            return Completed(spec, Unrotated(spec, final, rotation), used, aic, double.NaN, sumOfSquares, k + 1, approximate);
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

        double Ml(double[] unconstrained) => Filter(y, spec, regressors, ArimaPolynomials.ToStationary(spec, unconstrained)).Objective;

        var unconstrained = ArimaPolynomials.FromStationary(spec, start);
        InvertMaBlocks(spec, unconstrained);
        if (k > 0)
        {
            unconstrained = NumericalOptimizer.Minimize(Ml, unconstrained, scale).Parameters;
            InvertMaBlocks(spec, unconstrained);
            var jacobian = ArimaPolynomials.StationaryJacobian(spec, unconstrained);
            if (!HasUsableVariance(NumericalOptimizer.Hessian(Ml, unconstrained, scale), used, jacobian, spec, rotation))
            {
                return Rejected(spec, Unrotated(spec, ArimaPolynomials.ToStationary(spec, unconstrained), rotation), approximate,
                    "its Hessian has no positive-definite inverse");
            }
        }
        return Exact(spec, y, regression, Unrotated(spec, ArimaPolynomials.ToStationary(spec, unconstrained), rotation), k);
    }

    /// <summary>
    /// A model with every coefficient fixed, scored as R's <c>Arima(y, ..., fixed = coefficients)</c> scores it: the
    /// innovation variance is then the only estimated parameter.
    /// </summary>
    public static ArimaFit Fixed(IReadOnlyList<double> series, ArimaSpec spec, double[] coefficients) =>
        Exact(spec, series.ToArray(), RegressionColumns.For(spec, [], series.Count), coefficients, 0);

    /// <summary>
    /// R's constant for the approximate search, -2 log L - n log σ² of the exact fit of ARIMA(0,d,0)(0,D,0)[m] (with a
    /// mean when undifferenced, and the covariates), so that CSS criteria n* log σ²_CSS + offset are on the likelihood's
    /// scale; 0 when that fit fails.
    /// </summary>
    public static double ApproximationOffset(
        IReadOnlyList<double> series, int differences, int seasonalDifferences, int period, IReadOnlyList<IReadOnlyList<double>> covariates)
    {
        var spec = new ArimaSpec(0, differences, 0, 0, seasonalDifferences, 0, period,
            differences + seasonalDifferences == 0 ? ArimaConstant.Mean : ArimaConstant.None, covariates.Count);
        var fit = Fit(series, spec, approximate: false, covariates: covariates);
        if (fit is null || fit.Rejection is not null)
        {
            return 0;
        }
        var used = series.Count - spec.DifferencedAway;
        var filtered = Filter(series.ToArray(), spec, RegressionColumns.For(spec, covariates, series.Count), fit.Coefficients);
        return -2 * fit.LogLikelihood - series.Count * Math.Log(filtered.SumOfSquares / used);
    }

    /// <summary>Scores final coefficients by the exact likelihood, <paramref name="estimated"/> of them estimated.</summary>
    private static ArimaFit Exact(ArimaSpec spec, double[] y, RegressionColumns regression, double[] coefficients, int estimated)
    {
        var used = y.Length - spec.DifferencedAway;
        var filtered = Filter(y, spec, regression, coefficients);
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
        var filtered = Filter(series.ToArray(), spec, RegressionColumns.For(spec, [], series.Count), coefficients);
        return LogLikelihood(filtered.Objective, series.Count - spec.DifferencedAway);
    }

    private static double LogLikelihood(double objective, int used) =>
        -0.5 * (2 * used * objective + used + used * Math.Log(2 * Math.PI));

    private static FilterResult Filter(double[] y, ArimaSpec spec, RegressionColumns regression, double[] coefficients) =>
        ArimaStateSpace.For(spec, coefficients).Filter(regression.Net(y, coefficients.AsSpan(spec.ArmaCount), y.Length));

    private static double CssMeanSquare(double[] y, ArimaSpec spec, RegressionColumns regression, double[] coefficients)
    {
        var (phi, theta) = ArimaPolynomials.Expand(spec, coefficients);
        return ConditionalSumOfSquares.MeanSquare(spec, regression.Net(y, coefficients.AsSpan(spec.ArmaCount), y.Length), phi, theta);
    }

    /// <summary>
    /// R's start for the regression: least squares of the differenced series on the differenced regressors (on the series
    /// and regressors themselves when differencing leaves no more points than regressors, or nothing to regress on), with
    /// ten standard errors of each coefficient as the optimiser's scale for it; null where that regression has no
    /// unique solution or no residual scatter, which leave R's optimiser unusable starts or scales.
    /// </summary>
    private static (double[] Coefficients, double[] StandardErrors)? RegressionStart(double[] y, RegressionColumns regressors, ArimaSpec spec)
    {
        var x = regressors.Design(y.Length);
        var dy = Vector<double>.Build.DenseOfArray(Differencing.Apply(y, spec.Differences, spec.SeasonalDifferences, spec.Period));
        var dx = Matrix<double>.Build.DenseOfColumnArrays(x.EnumerateColumns()
            .Select(c => Differencing.Apply(c.ToArray(), spec.Differences, spec.SeasonalDifferences, spec.Period)));
        if (dy.Count <= x.ColumnCount || dx.Enumerate().All(v => v == 0))
        {
            (dy, dx) = (Vector<double>.Build.DenseOfArray(y), x);
        }
        if (dx.Rank() < dx.ColumnCount)
        {
            return null;
        }
        var coefficients = dx.QR().Solve(dy);
        var residuals = dy - dx * coefficients;
        var variance = residuals.DotProduct(residuals) / (dy.Count - dx.ColumnCount);
        var standardErrors = dx.TransposeThisAndMultiply(dx).Inverse().Diagonal().Select(v => Math.Sqrt(variance * v)).ToArray();
        return standardErrors.All(se => se > 0 && double.IsFinite(se)) && coefficients.All(double.IsFinite)
            ? (coefficients.ToArray(), standardErrors)
            : null;
    }

    /// <summary>The coefficients with the regression's turned back from the regressors' principal axes, β = V·γ.</summary>
    private static double[] Unrotated(ArimaSpec spec, double[] coefficients, Matrix<double>? rotation)
    {
        if (rotation is null)
        {
            return coefficients;
        }
        var beta = rotation * Vector<double>.Build.DenseOfArray(coefficients[spec.ArmaCount..]);
        return [.. coefficients[..spec.ArmaCount], .. beta];
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
    /// stationarity transform when there is one and back from the regressors' principal axes when they were
    /// <paramref name="rotation"/>'s, must exist and have no negative variance.
    /// </summary>
    private static bool HasUsableVariance(double[,] hessian, int used, double[,]? jacobian, ArimaSpec spec, Matrix<double>? rotation)
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
        if (rotation is not null)
        {
            var back = Matrix<double>.Build.DenseIdentity(covariance.RowCount);
            back.SetSubMatrix(spec.ArmaCount, spec.ArmaCount, rotation);
            covariance = back * covariance.TransposeAndMultiply(back);
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
