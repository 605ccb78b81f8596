using Forecast.Training.Methods.Ets;
using MathNet.Numerics.LinearAlgebra;

namespace Forecast.Training.Tests.Methods.Ets;

public sealed class EtsParameterSpaceTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(12)]
    public void The_root_test_decides_as_the_roots_themselves_do(int m)
    {
        var random = new Random(m);
        var decided = new[] { 0, 0 };
        for (var i = 0; i < 2000; i++)
        {
            var (alpha, beta, gamma, phi) = (random.NextDouble(), 0.3 * random.NextDouble(), random.NextDouble(), 0.8 + 0.2 * random.NextDouble());
            var largest = LargestRootModulus(alpha, beta, gamma, phi, m);
            // Within rounding of R's limit the two computations may part; elsewhere they must not.
            if (Math.Abs(largest - 1) < 1e-6)
            {
                continue;
            }
            var admitted = EtsParameterSpace.RootsWithinUnitCircle(alpha, beta, gamma, phi, m);
            Assert.Equal(largest <= 1 + 1e-10, admitted);
            decided[admitted ? 1 : 0]++;
        }
        // Both answers come up often enough for the comparison to mean something.
        Assert.All(decided, count => Assert.True(count > 50));
    }

    [Fact]
    public void A_season_without_trend_is_admissible_though_its_polynomial_always_has_the_root_one()
    {
        // Without a trend (beta 0, phi 1) the coefficients sum to 0: z = 1 is a root, on R's limit, which R admits.
        var form = new EtsForm(Component.Additive, Component.None, false, Component.Additive);
        var start = EtsParameterSpace.Start(form, 12);

        Assert.Equal(1, LargestRootModulus(start.Alpha, start.Beta, start.Gamma, start.Phi, 12), 1e-9);
        Assert.True(EtsParameterSpace.Contains(form, start, 12));
    }

    [Fact]
    public void Parameters_outside_the_usual_bounds_are_refused()
    {
        var form = new EtsForm(Component.Multiplicative, Component.Additive, true, Component.Multiplicative);
        var start = EtsParameterSpace.Start(form, 12);

        Assert.True(EtsParameterSpace.Contains(form, start, 12));
        Assert.False(EtsParameterSpace.Contains(form, start with { Beta = start.Alpha * 1.01 }, 12));
        Assert.False(EtsParameterSpace.Contains(form, start with { Gamma = 1.01 - start.Alpha }, 12));
        Assert.False(EtsParameterSpace.Contains(form, start with { Phi = 0.99 }, 12));
        Assert.False(EtsParameterSpace.Contains(form, start with { Alpha = 0.99995 }, 12));
    }

    /// <summary>The largest modulus among the roots of the characteristic polynomial, as eigenvalues of its companion matrix.</summary>
    private static double LargestRootModulus(double alpha, double beta, double gamma, double phi, int m)
    {
        // Monic, degree m + 1; a[k] is the coefficient of z^k.
        var a = new double[m + 1];
        a[m] = alpha + beta - phi;
        for (var k = 2; k < m; k++)
        {
            a[k] = alpha + beta - alpha * phi;
        }
        a[1] = alpha + beta - alpha * phi + gamma - 1;
        a[0] = phi * (1 - alpha - gamma);
        var companion = Matrix<double>.Build.Dense(m + 1, m + 1);
        for (var k = 0; k <= m; k++)
        {
            companion[k, m] = -a[k];
            if (k > 0)
            {
                companion[k, k - 1] = 1;
            }
        }
        return companion.Evd().EigenValues.Max(root => root.Magnitude);
    }
}
