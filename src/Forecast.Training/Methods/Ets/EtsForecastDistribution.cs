using MathNet.Numerics.LinearAlgebra;

namespace Forecast.Training.Methods.Ets;

/// <summary>
/// The mean and variance of a form's forecast h steps from a state, in closed form, as R's <c>forecast.ets</c> has them for
/// the three classes of Hyndman et al. (2008, chapter 6). Every form searched belongs to one of them (R simulates only for
/// multiplicative trends, which are not searched), so no interval here is simulated.
/// </summary>
/// <remarks>
/// <para>Class 1, additive errors and components: the linear model's mean w'F^(h-1)x and variance
/// sigma^2 (1 + c_1^2 + ... + c_(h-1)^2), c_j = w'F^(j-1)g.</para>
/// <para>Class 2, multiplicative errors with additive components: the same mean; the variance (1 + sigma^2) theta_h - mu_h^2 with
/// theta_h = mu_h^2 + sigma^2 (c_1^2 theta_(h-1) + ... + c_(h-1)^2 theta_1).</para>
/// <para>Class 3, multiplicative errors and season: the level-and-trend states and the seasonal ones as a product, whose mean
/// and covariance are carried forward; its mean grows by a sigma^2 term beyond the plain recursion's forecast.</para>
/// <para>Two places differ from forecast 8.20 on purpose. In class 1 and 2 without a trend, R puts gamma on the second seasonal
/// state instead of the newest (fixed in later versions of the package): its intervals for ETS(A,N,A) and ETS(M,N,A) are
/// slightly off, the means are not. In class 3 with a damped trend, R neither damps the trend's first step nor weighs the
/// trend by phi in the observation (H1 = [1, 1]); here the damped trend enters as it does in the recursion, [1, phi], so the
/// means of ETS(M,Ad,M) are R's less b (1 - phi^h) times the season, a relative difference of order b / l.</para>
/// </remarks>
internal static class EtsForecastDistribution
{
    /// <summary>The means, and the variances unless <paramref name="withVariance"/> is false, of steps 1..<paramref name="horizon"/>.</summary>
    /// <param name="states">The state at the forecast's origin, in R's order.</param>
    public static (double[] Means, double[]? Variances) Of(
        EtsForm form, in EtsParameters p, int period, double sigma2, double[] states, int horizon, bool withVariance) =>
        form.Error == Component.Multiplicative && form.Season == Component.Multiplicative
            ? ProductOfStates(form, p, period, sigma2, states, horizon, withVariance)
            : LinearStates(form, p, period, sigma2, states, horizon, withVariance);

    /// <summary>Classes 1 and 2.</summary>
    private static (double[] Means, double[]? Variances) LinearStates(
        EtsForm form, in EtsParameters p, int period, double sigma2, double[] states, int horizon, bool withVariance)
    {
        var means = new double[horizon];
        var x = (double[])states.Clone();
        var scratch = new double[x.Length];
        for (var h = 0; h < horizon; h++)
        {
            means[h] = Observation(form, p, x);
            Transition(form, p, period, x, scratch);
        }
        if (!withVariance)
        {
            return (means, null);
        }
        // c_j = w'F^(j-1)g: how a shock now moves the forecast j steps on (c_0 = 0 is never used).
        var c = new double[horizon];
        var g = new double[x.Length];
        g[0] = p.Alpha;
        if (form.HasTrend)
        {
            g[1] = p.Beta;
        }
        if (form.HasSeason)
        {
            g[form.HasTrend ? 2 : 1] = p.Gamma;
        }
        for (var j = 1; j < horizon; j++)
        {
            c[j] = Observation(form, p, g);
            Transition(form, p, period, g, scratch);
        }
        var variances = new double[horizon];
        if (form.Error == Component.Additive)
        {
            var sum = 0.0;
            for (var h = 0; h < horizon; h++)
            {
                sum += c[h] * c[h];
                variances[h] = sigma2 * (1 + sum);
            }
            return (means, variances);
        }
        var theta = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            var sum = 0.0;
            for (var j = 1; j <= h; j++)
            {
                sum += c[j] * c[j] * theta[h - j];
            }
            theta[h] = means[h] * means[h] + sigma2 * sum;
            // (1 + sigma^2) theta_h - mu_h^2 without the cancellation: one step ahead it is sigma^2 mu^2 exactly.
            variances[h] = sigma2 * means[h] * means[h] + (1 + sigma2) * sigma2 * sum;
        }
        return (means, variances);
    }

    /// <summary>w'x: the level, the damped trend and the season the next observation sees.</summary>
    private static double Observation(EtsForm form, in EtsParameters p, double[] x) =>
        x[0] + (form.HasTrend ? p.Phi * x[1] : 0) + (form.HasSeason ? x[^1] : 0);

    /// <summary>x &lt;- Fx: the level takes the damped trend, the trend is damped, the oldest seasonal index becomes the newest.</summary>
    private static void Transition(EtsForm form, in EtsParameters p, int period, double[] x, double[] scratch)
    {
        if (form.HasTrend)
        {
            x[0] += p.Phi * x[1];
            x[1] *= p.Phi;
        }
        if (form.HasSeason)
        {
            var first = form.HasTrend ? 2 : 1;
            scratch[first] = x[^1];
            Array.Copy(x, first, scratch, first + 1, period - 1);
            Array.Copy(scratch, first, x, first, period);
        }
    }

    /// <summary>
    /// Class 3. The observation is (H1 x1)(H2 x2)(1 + e) with x1 the level (and trend), x2 the seasonal indices; both evolve as
    /// x &lt;- (F + G e) x. The mean of x1 x2' (M) and the covariance of its vectorisation (V) are carried forward.
    /// </summary>
    private static (double[] Means, double[]? Variances) ProductOfStates(
        EtsForm form, in EtsParameters p, int period, double sigma2, double[] states, int horizon, bool withVariance)
    {
        var build = Matrix<double>.Build;
        var m = period;
        var trend = form.HasTrend;
        var phi = p.Phi;
        var h1 = trend ? build.DenseOfRowArrays([1, phi]) : build.Dense(1, 1, 1);
        var f1 = trend ? build.DenseOfRowArrays([1, phi], [0, phi]) : build.Dense(1, 1, 1);
        var g1 = trend ? build.DenseOfRowArrays([p.Alpha, p.Alpha * phi], [p.Beta, p.Beta * phi]) : build.Dense(1, 1, p.Alpha);
        var h2 = build.Dense(1, m);
        h2[0, m - 1] = 1;
        // The oldest index becomes the newest; the others age by one.
        var f2 = build.Dense(m, m);
        f2[0, m - 1] = 1;
        for (var age = 1; age < m; age++)
        {
            f2[age, age - 1] = 1;
        }
        var g2 = build.Dense(m, m);
        g2[0, m - 1] = p.Gamma;

        var k1 = trend ? 2 : 1;
        var mean = build.DenseOfColumnArrays(states[..k1]) * build.DenseOfRowArrays(states[k1..]);
        var means = new double[horizon];
        var variances = withVariance ? new double[horizon] : null;
        // Kronecker products act on the column-major vectorisation of x1 x2': vec(A X B') = (B kron A) vec(X).
        var h21 = h2.KroneckerProduct(h1);
        var f21 = f2.KroneckerProduct(f1);
        var g21 = g2.KroneckerProduct(g1);
        var k = g2.KroneckerProduct(f1) + f2.KroneckerProduct(g1);
        var covariance = build.Dense(f21.RowCount, f21.RowCount);
        for (var h = 0; h < horizon; h++)
        {
            means[h] = (h1 * mean * h2.Transpose())[0, 0];
            if (variances is not null)
            {
                variances[h] = (1 + sigma2) * (h21 * covariance * h21.Transpose())[0, 0] + sigma2 * means[h] * means[h];
                var vec = build.DenseOfColumnMajor(f21.RowCount, 1, mean.ToColumnMajorArray());
                var outer = vec * vec.Transpose();
                covariance = f21 * covariance * f21.Transpose()
                    + sigma2 * (f21 * covariance * g21.Transpose() + g21 * covariance * f21.Transpose()
                        + k * (covariance + outer) * k.Transpose()
                        + sigma2 * (g21 * (3 * covariance + 2 * outer) * g21.Transpose()));
            }
            mean = f1 * mean * f2.Transpose() + sigma2 * (g1 * mean * g2.Transpose());
        }
        return (means, variances);
    }
}
