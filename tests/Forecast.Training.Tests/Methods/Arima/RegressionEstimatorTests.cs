using Forecast.Training.Methods.Arima;
using MathNet.Numerics.LinearAlgebra;

namespace Forecast.Training.Tests.Methods.Arima;

/// <summary>Fixed orders of regression with ARIMA errors, checked against what they must equal whatever R says.</summary>
public sealed class RegressionEstimatorTests
{
    [Fact]
    public void With_white_noise_errors_the_regression_is_ordinary_least_squares_and_its_AICc_the_closed_form()
    {
        var (y, x) = RegressionData.Simulated(60, intercept: 3, beta: [0.5, 2], phi: 0, seed: 11);
        var spec = new ArimaSpec(0, 0, 0, 0, 0, 0, 1, ArimaConstant.Mean, CovariateCount: 2);

        var fit = ArimaEstimator.Fit(y, spec, approximate: false, covariates: x)!;

        var design = Matrix<double>.Build.Dense(60, 3, (t, j) => j == 0 ? 1 : x[j - 1][t]);
        var observed = Vector<double>.Build.DenseOfArray(y);
        var ols = design.QR().Solve(observed);
        var residuals = observed - design * ols;
        var n = 60.0;
        // The Gaussian log-likelihood at its maximum, with σ² = RSS / n; four parameters (three coefficients and σ²).
        var logLikelihood = -n / 2 * (Math.Log(2 * Math.PI * residuals.DotProduct(residuals) / n) + 1);
        var aicc = -2 * logLikelihood + 2 * 4 + 2.0 * 4 * 5 / (n - 4 - 1);
        Assert.Null(fit.Rejection);
        Assert.Equal(ols.ToArray(), fit.Coefficients, (a, b) => Math.Abs(a - b) <= 1e-4 * Math.Max(1, Math.Abs(a)));
        Assert.Equal(aicc, fit.Aicc, 1e-6);
    }

    [Fact]
    public void With_random_walk_errors_the_coefficient_is_least_squares_on_the_differences()
    {
        var (levels, x) = RegressionData.Simulated(80, intercept: 0, beta: [1.5, -1], phi: 0, seed: 5);
        // A random walk under the regression: the differenced errors are white noise.
        var y = levels.Select((_, t) => levels.Take(t + 1).Sum()).ToArray();
        var covariate = x[0].Select((_, t) => x[0].Take(t + 1).Sum()).ToArray();
        var spec = new ArimaSpec(0, 1, 0, 0, 0, 0, 1, ArimaConstant.None, CovariateCount: 1);

        var fit = ArimaEstimator.Fit(y, spec, approximate: false, covariates: [covariate])!;

        var dy = y.Zip(y.Skip(1), (a, b) => b - a).ToArray();
        var dx = covariate.Zip(covariate.Skip(1), (a, b) => b - a).ToArray();
        var expected = dx.Zip(dy, (a, b) => a * b).Sum() / dx.Sum(v => v * v);
        Assert.Null(fit.Rejection);
        Assert.Equal(expected, fit.Coefficients[0], 1e-4 * Math.Abs(expected));
    }

    [Fact]
    public void A_simulated_regression_with_AR1_errors_recovers_its_coefficients()
    {
        var (y, x) = RegressionData.Simulated(500, intercept: 5, beta: [2, -1.5], phi: 0.6, seed: 2026);
        var spec = new ArimaSpec(1, 0, 0, 0, 0, 0, 1, ArimaConstant.Mean, CovariateCount: 2);

        var fit = ArimaEstimator.Fit(y, spec, approximate: false, covariates: x)!;

        // Within about four standard errors at n = 500: 0.036 for φ, 0.11 for the mean, 0.05 and 0.02 for the slopes.
        Assert.Null(fit.Rejection);
        Assert.Equal(0.6, fit.Coefficients[0], 0.15);
        Assert.Equal(5, fit.Coefficients[1], 0.45);
        Assert.Equal(2, fit.Coefficients[2], 0.2);
        Assert.Equal(-1.5, fit.Coefficients[3], 0.08);
        Assert.Equal(1, fit.Sigma2, 0.15);
    }
}
