using System.Numerics;
using MathNet.Numerics;

namespace Forecast.Training.Methods.Arima;

/// <summary>
/// The lag polynomials behind the coefficients: the seasonal products, the reparametrisation that keeps the AR part
/// stationary during the search, and the root checks with which R's auto.arima rejects a fit.
/// </summary>
internal static class ArimaPolynomials
{
    /// <summary>
    /// φ and θ of the full model, (1 - Σφ_k B^k) = (1 - Σ ar_i B^i)(1 - Σ sar_j B^{jm}) and
    /// (1 + Σθ_k B^k) = (1 + Σ ma_i B^i)(1 + Σ sma_j B^{jm}), from coefficients in <see cref="ArimaSpec"/>'s layout.
    /// </summary>
    public static (double[] Phi, double[] Theta) Expand(ArimaSpec spec, ReadOnlySpan<double> coefficients)
    {
        int p = spec.ArOrder, q = spec.MaOrder, sp = spec.SeasonalArOrder, sq = spec.SeasonalMaOrder, m = spec.Period;
        var ar = coefficients[..p];
        var ma = coefficients.Slice(p, q);
        var sar = coefficients.Slice(p + q, sp);
        var sma = coefficients.Slice(p + q + sp, sq);

        var phi = new double[p + m * sp];
        var theta = new double[q + m * sq];
        ar.CopyTo(phi);
        ma.CopyTo(theta);
        for (var j = 0; j < sp; j++)
        {
            var lag = (j + 1) * m;
            phi[lag - 1] += sar[j];
            for (var i = 0; i < p; i++)
            {
                phi[lag + i] -= ar[i] * sar[j];
            }
        }
        for (var j = 0; j < sq; j++)
        {
            var lag = (j + 1) * m;
            theta[lag - 1] += sma[j];
            for (var i = 0; i < q; i++)
            {
                theta[lag + i] += ma[i] * sma[j];
            }
        }
        return (phi, theta);
    }

    /// <summary>
    /// Maps unconstrained values to the AR and seasonal AR blocks of a stationary model (Jones 1980, as R's
    /// <c>transform.pars</c>): each value's tanh is a partial autocorrelation in (-1, 1), and the Durbin-Levinson recursion
    /// turns those into AR coefficients. MA and constant entries pass through.
    /// </summary>
    public static double[] ToStationary(ArimaSpec spec, ReadOnlySpan<double> unconstrained)
    {
        var result = unconstrained.ToArray();
        PartialToAr(result.AsSpan(0, spec.ArOrder));
        PartialToAr(result.AsSpan(spec.ArOrder + spec.MaOrder, spec.SeasonalArOrder));
        return result;
    }

    /// <summary>The inverse of <see cref="ToStationary"/>; the AR blocks must be stationary.</summary>
    public static double[] FromStationary(ArimaSpec spec, ReadOnlySpan<double> coefficients)
    {
        var result = coefficients.ToArray();
        ArToPartial(result.AsSpan(0, spec.ArOrder));
        ArToPartial(result.AsSpan(spec.ArOrder + spec.MaOrder, spec.SeasonalArOrder));
        return result;
    }

    /// <summary>
    /// The Jacobian J[i, j] = ∂ out_j / ∂ in_i of <see cref="ToStationary"/> by forward differences of 1e-3, the step R takes
    /// to carry the Hessian of the transformed parameters back to the coefficients.
    /// </summary>
    public static double[,] StationaryJacobian(ArimaSpec spec, ReadOnlySpan<double> unconstrained)
    {
        const double step = 1e-3;
        var n = unconstrained.Length;
        var jacobian = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            jacobian[i, i] = 1;
        }
        Block(0, spec.ArOrder, unconstrained);
        Block(spec.ArOrder + spec.MaOrder, spec.SeasonalArOrder, unconstrained);
        return jacobian;

        void Block(int start, int length, ReadOnlySpan<double> values)
        {
            var input = values.Slice(start, length).ToArray();
            var baseline = input.ToArray();
            PartialToAr(baseline);
            for (var i = 0; i < length; i++)
            {
                var shifted = input.ToArray();
                shifted[i] += step;
                PartialToAr(shifted);
                for (var j = 0; j < length; j++)
                {
                    jacobian[start + i, start + j] = (shifted[j] - baseline[j]) / step;
                }
            }
        }
    }

    private static void PartialToAr(Span<double> values)
    {
        for (var j = 0; j < values.Length; j++)
        {
            values[j] = Math.Tanh(values[j]);
        }
        Span<double> previous = stackalloc double[values.Length];
        for (var j = 1; j < values.Length; j++)
        {
            values[..j].CopyTo(previous);
            var a = values[j];
            for (var k = 0; k < j; k++)
            {
                values[k] = previous[k] - a * previous[j - k - 1];
            }
        }
    }

    private static void ArToPartial(Span<double> values)
    {
        Span<double> previous = stackalloc double[values.Length];
        for (var j = values.Length - 1; j > 0; j--)
        {
            values[..j].CopyTo(previous);
            var a = values[j];
            for (var k = 0; k < j; k++)
            {
                values[k] = (previous[k] + a * previous[j - k - 1]) / (1 - a * a);
            }
        }
        for (var j = 0; j < values.Length; j++)
        {
            values[j] = Math.Atanh(values[j]);
        }
    }

    /// <summary>
    /// The invertible MA polynomial with the same autocovariances: each root of 1 + Σ ma_i B^i inside the unit circle
    /// is replaced by its reciprocal, as R's <c>arima</c> does before and after its search.
    /// </summary>
    public static void InvertMa(Span<double> ma)
    {
        var order = LastNonZero(ma, 0);
        if (order == 0)
        {
            return;
        }
        var roots = Roots(ma[..order], +1);
        if (roots.All(r => r.Magnitude >= 1))
        {
            return;
        }
        if (order == 1)
        {
            ma[0] = 1 / ma[0];
            return;
        }
        // Rebuild Π (1 - B / r) from the reflected roots; its constant term stays 1.
        var polynomial = new Complex[order + 1];
        polynomial[0] = Complex.One;
        var degree = 0;
        foreach (var root in roots)
        {
            var r = root.Magnitude < 1 ? 1 / root : root;
            degree++;
            for (var k = degree; k > 0; k--)
            {
                polynomial[k] -= polynomial[k - 1] / r;
            }
        }
        for (var k = 0; k < order; k++)
        {
            ma[k] = polynomial[k + 1].Real;
        }
    }

    /// <summary>
    /// The smallest modulus of the roots of 1 - Σ φ_k B^k (<paramref name="sign"/> -1) or 1 + Σ θ_k B^k (+1), ignoring
    /// trailing coefficients with magnitude at most <paramref name="negligible"/>; +∞ for a polynomial of degree 0.
    /// </summary>
    public static double SmallestRootModulus(ReadOnlySpan<double> coefficients, int sign, double negligible)
    {
        var order = LastNonZero(coefficients, negligible);
        return order == 0 ? double.PositiveInfinity : Roots(coefficients[..order], sign).Min(r => r.Magnitude);
    }

    private static int LastNonZero(ReadOnlySpan<double> coefficients, double negligible)
    {
        for (var k = coefficients.Length; k > 0; k--)
        {
            if (Math.Abs(coefficients[k - 1]) > negligible)
            {
                return k;
            }
        }
        return 0;
    }

    private static Complex[] Roots(ReadOnlySpan<double> coefficients, int sign)
    {
        var ascending = new double[coefficients.Length + 1];
        ascending[0] = 1;
        for (var k = 0; k < coefficients.Length; k++)
        {
            ascending[k + 1] = sign * coefficients[k];
        }
        return new Polynomial(ascending).Roots();
    }
}
