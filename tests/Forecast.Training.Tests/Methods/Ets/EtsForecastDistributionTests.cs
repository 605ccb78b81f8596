using Forecast.Training.Methods.Ets;
using MathNet.Numerics.Distributions;

namespace Forecast.Training.Tests.Methods.Ets;

public sealed class EtsForecastDistributionTests
{
    [Fact]
    public void A_damped_trend_under_a_multiplicative_season_has_the_mean_and_variance_of_its_simulated_paths()
    {
        // Where the distribution departs from R's class 3 (which leaves the damped trend's first step undamped), simulated
        // paths of ETS(M,Ad,M) settle the question: at h = 1 R's mean would be (100 + 5) 1.1 = 115.5, the model's is 114.95.
        var form = EtsForm.Parse("ETS(M,Ad,M)");
        var p = EtsParameters.For(form, alpha: 0.3, beta: 0.1, gamma: 0.2, phi: 0.9);
        const double Sigma2 = 0.01;
        double[] states = [100, 5, 1.2, 0.9, 0.8, 1.1];
        const int Horizon = 8, Paths = 200_000;

        var (means, variances) = EtsForecastDistribution.Of(form, p, 4, Sigma2, states, Horizon, withVariance: true);

        var (sums, squares) = (new double[Horizon], new double[Horizon]);
        var random = new Random(7);
        for (var path = 0; path < Paths; path++)
        {
            var (level, trend) = (states[0], states[1]);
            // Newest index first, as R orders them; the oldest is the one the next point sees.
            var seasons = states[2..];
            for (var h = 0; h < Horizon; h++)
            {
                var e = Math.Sqrt(Sigma2) * Normal.Sample(random, 0, 1);
                var expected = level + p.Phi * trend;
                var y = expected * seasons[^1] * (1 + e);
                sums[h] += y;
                squares[h] += y * y;
                level = expected * (1 + p.Alpha * e);
                trend = p.Phi * trend + p.Beta * expected * e;
                seasons = [seasons[^1] * (1 + p.Gamma * e), .. seasons[..^1]];
            }
        }

        Assert.Equal(114.95, means[0], 1e-9);
        for (var h = 0; h < Horizon; h++)
        {
            var mean = sums[h] / Paths;
            Assert.Equal(mean, means[h], mean * 1e-3);
            Assert.Equal(squares[h] / Paths - mean * mean, variances![h], variances[h] * 0.02);
        }
    }
}
