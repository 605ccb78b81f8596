using MathNet.Numerics.LinearAlgebra;

namespace Forecast.Training.Methods.Arima;

/// <summary>The covariates a regression with ARIMA errors can use, and why any other is left out.</summary>
/// <param name="Used">The indices of the covariates used, in their order.</param>
/// <param name="Reasons">Why each covariate left out was, in plain words; empty when every one is used.</param>
internal sealed record ScreenedCovariates(IReadOnlyList<int> Used, IReadOnlyList<string> Reasons);

/// <summary>
/// What R's <c>auto.arima(xreg = )</c> does with the covariates before its search: it sets aside the constant ones for
/// the choice of differences, refuses a set that is rank deficient together with an intercept, and chooses the
/// differences on the residuals of the covariates' least-squares regression.
/// </summary>
/// <remarks>
/// Two departures, since a fit here falls back rather than fails: a constant covariate is left out of the model too (R
/// keeps it in the regression, where it duplicates the mean or, differenced, vanishes), and a rank-deficient set leaves
/// every covariate out (R stops with "xreg is rank deficient").
/// </remarks>
internal static class RegressionScreening
{
    /// <param name="names">The covariates' names, for the reasons.</param>
    /// <param name="columns">Their values at the history's points.</param>
    public static ScreenedCovariates Screen(IReadOnlyList<string> names, IReadOnlyList<IReadOnlyList<double>> columns)
    {
        var used = new List<int>();
        var reasons = new List<string>();
        for (var j = 0; j < columns.Count; j++)
        {
            if (Differencing.IsConstant(columns[j]))
            {
                reasons.Add($"{names[j]} is constant over the history, so its coefficient could not be told from a mean: it is left out.");
            }
            else
            {
                used.Add(j);
            }
        }
        if (used.Count > 0 && IsRankDeficient(used.Select(j => columns[j]).ToArray()))
        {
            var which = string.Join(", ", used.Select(j => names[j]));
            return new ScreenedCovariates([], [.. reasons, $"{which} are linearly dependent (with an intercept) over the history, so no coefficient of theirs could be told apart: the covariates are left out."]);
        }
        return new ScreenedCovariates(used, reasons);
    }

    /// <summary>The residuals of the least-squares regression of <paramref name="x"/> on an intercept and <paramref name="covariates"/>.</summary>
    public static double[] Residuals(double[] x, IReadOnlyList<IReadOnlyList<double>> covariates)
    {
        var design = WithIntercept(covariates);
        var y = Vector<double>.Build.DenseOfArray(x);
        return (y - design * design.QR().Solve(y)).ToArray();
    }

    /// <summary>Whether <paramref name="differences"/> first and <paramref name="seasonalDifferences"/> seasonal differences leave any covariate constant.</summary>
    public static bool AnyConstantAfter(IReadOnlyList<IReadOnlyList<double>> covariates, int differences, int seasonalDifferences, int period) =>
        covariates.Any(c => Differencing.IsConstant(Differencing.Apply(c, differences, seasonalDifferences, period)));

    /// <summary>R's test: the smallest singular value of [1, X] below machine epsilon times their sum.</summary>
    private static bool IsRankDeficient(IReadOnlyList<IReadOnlyList<double>> covariates)
    {
        var singularValues = WithIntercept(covariates).Svd(computeVectors: false).S;
        return singularValues.Minimum() / singularValues.Sum() < 2.220446049250313e-16;
    }

    private static Matrix<double> WithIntercept(IReadOnlyList<IReadOnlyList<double>> covariates) =>
        Matrix<double>.Build.Dense(covariates[0].Count, covariates.Count + 1, (t, j) => j == 0 ? 1 : covariates[j - 1][t]);
}
