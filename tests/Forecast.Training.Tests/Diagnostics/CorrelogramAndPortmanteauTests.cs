using Forecast.Training.Diagnostics;
using MathNet.Numerics.Distributions;

namespace Forecast.Training.Tests.Diagnostics;

public class CorrelogramAndPortmanteauTests
{
    private static readonly double[] Nottem = RepositoryData.Series("nottem.csv");

    [Fact]
    public void Acf_intervals_follow_bartletts_formula()
    {
        var acf = Autocorrelation.Acf(Nottem, 20, alpha: 0.05);
        var n = Nottem.Length;

        Assert.Equal((0, 1.0, 1.0, 1.0), (acf[0].Lag, acf[0].Value, acf[0].Lower, acf[0].Upper));
        var cumulative = 0.0;
        for (var k = 1; k <= 20; k++)
        {
            var halfWidth = 1.959963984540054 * Math.Sqrt((1 + 2 * cumulative) / n);
            Assert.Equal(acf[k].Value - halfWidth, acf[k].Lower, 12);
            Assert.Equal(acf[k].Value + halfWidth, acf[k].Upper, 12);
            cumulative += acf[k].Value * acf[k].Value;
        }
    }

    [Fact]
    public void Pacf_intervals_are_z_over_root_n_around_the_estimate()
    {
        var pacf = Autocorrelation.Pacf(Nottem, 20, alpha: 0.01);
        var halfWidth = 2.5758293035489004 / Math.Sqrt(Nottem.Length);

        Assert.Equal((1.0, 1.0, 1.0), (pacf[0].Value, pacf[0].Lower, pacf[0].Upper));
        Assert.All(pacf.Skip(1), p => Assert.Equal(halfWidth, p.Upper - p.Value, 12));
        Assert.All(pacf.Skip(1), p => Assert.Equal(halfWidth, p.Value - p.Lower, 12));
    }

    [Fact]
    public void Residual_ljung_box_takes_the_model_parameters_off_the_degrees_of_freedom()
    {
        var results = SeriesDiagnostics.LjungBox(Nottem, [2, 10], modelDf: 2);
        var plain = PortmanteauTests.LjungBox(Nottem, [2, 10]);

        Assert.Equal([0, 8], results.Select(r => r.DegreesOfFreedom));
        Assert.Null(results[0].PValue);
        Assert.Equal(plain[1].Statistic, results[1].Statistic);
        Assert.Equal(1 - ChiSquared.CDF(8, results[1].Statistic), results[1].PValue!.Value, 12);
    }

    [Fact]
    public void White_noise_residuals_pass_the_ljung_box_check()
    {
        var random = new Random(42);
        var residuals = Enumerable.Range(0, 400).Select(_ => Normal.Sample(random, 0, 1)).ToArray();

        Assert.All(SeriesDiagnostics.LjungBox(residuals), r => Assert.True(r.PValue > 0.05, $"lag {r.Lag}: p = {r.PValue}"));
    }

    [Fact]
    public void Long_lag_ranges_via_the_fft_agree_with_the_direct_sums()
    {
        // Lags up to 19,000 on 20,000 points (3.8e8 products) cross over to the FFT; lag 10 alone stays direct.
        var random = new Random(3);
        var series = new double[20_000];
        for (var i = 1; i < series.Length; i++)
        {
            series[i] = 0.6 * series[i - 1] + Normal.Sample(random, 0, 1);
        }

        var direct = PortmanteauTests.LjungBox(series, [10]).Single();
        var viaFourier = PortmanteauTests.LjungBox(series, [10, 19_000])[0];

        Assert.Equal(direct.Statistic, viaFourier.Statistic, direct.Statistic * 1e-10);
    }

    [Fact]
    public void A_stationary_white_noise_gets_the_limit_adf_p_value()
    {
        var random = new Random(9);
        var noise = Enumerable.Range(0, 2000).Select(_ => Normal.Sample(random, 0, 1)).ToArray();

        var adf = AugmentedDickeyFuller.Test(noise);

        Assert.True(adf.Statistic < -18.83);
        Assert.Equal(0, adf.PValue);
    }
}
