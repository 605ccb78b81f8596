using System.Text.Json;
using Forecast.Training.Diagnostics;

namespace Forecast.Training.Tests.Diagnostics;

/// <summary>Every number the reference file holds, for each data set, against statsmodels 0.13.5.</summary>
public class StatsmodelsAgreementTests
{
    private const double RelativeTolerance = 1e-6;
    private const double PValueTolerance = 1e-4;

    public static TheoryData<string> DataSets => new(RepositoryData.DataSets);

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Adf_matches_adfuller_with_aic_lag_selection(string file)
    {
        var expected = RepositoryData.ReferenceFor(file).GetProperty("adf");
        var adf = AugmentedDickeyFuller.Test(RepositoryData.Series(file));

        Assert.Equal(expected.GetProperty("usedlag").GetInt32(), adf.UsedLag);
        Assert.Equal(expected.GetProperty("nobs").GetInt32(), adf.Observations);
        AssertRelative(expected.GetProperty("statistic").GetDouble(), adf.Statistic, "statistic");
        AssertAbsolute(expected.GetProperty("pvalue").GetDouble(), adf.PValue, "p-value");
        var critical = expected.GetProperty("critical");
        AssertRelative(critical.GetProperty("1%").GetDouble(), adf.CriticalValues.OnePercent, "1 % critical value");
        AssertRelative(critical.GetProperty("5%").GetDouble(), adf.CriticalValues.FivePercent, "5 % critical value");
        AssertRelative(critical.GetProperty("10%").GetDouble(), adf.CriticalValues.TenPercent, "10 % critical value");
    }

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Kpss_matches_kpss_with_automatic_lags(string file)
    {
        var expected = RepositoryData.ReferenceFor(file).GetProperty("kpss");
        var kpss = Kpss.Test(RepositoryData.Series(file));

        Assert.Equal(expected.GetProperty("lags").GetInt32(), kpss.Lags);
        AssertRelative(expected.GetProperty("statistic").GetDouble(), kpss.Statistic, "statistic");
        AssertAbsolute(expected.GetProperty("pvalue_interpolated").GetDouble(), kpss.PValue, "p-value");
    }

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Ljung_box_matches_acorr_ljungbox(string file)
    {
        var expected = RepositoryData.ReferenceFor(file).GetProperty("ljungbox");
        var lags = expected.EnumerateObject().Select(p => int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var results = PortmanteauTests.LjungBox(RepositoryData.Series(file), lags);

        Assert.Equal(lags, results.Select(r => r.Lag));
        foreach (var result in results)
        {
            var reference = expected.GetProperty(result.Lag.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(result.Lag, result.DegreesOfFreedom);
            AssertRelative(reference.GetProperty("statistic").GetDouble(), result.Statistic, $"Q({result.Lag})");
            AssertAbsolute(reference.GetProperty("pvalue").GetDouble(), result.PValue!.Value, $"p({result.Lag})");
        }
    }

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Acf_matches_acf_without_fft(string file)
    {
        var expected = Doubles(RepositoryData.ReferenceFor(file).GetProperty("acf"));
        var acf = Autocorrelation.Acf(RepositoryData.Series(file), expected.Length - 1);

        Assert.Equal(expected.Length, acf.Count);
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.Equal(k, acf[k].Lag);
            AssertRelative(expected[k], acf[k].Value, $"acf[{k}]");
        }
    }

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Pacf_matches_pacf_yule_walker(string file)
    {
        var expected = Doubles(RepositoryData.ReferenceFor(file).GetProperty("pacf_yw"));
        var pacf = Autocorrelation.Pacf(RepositoryData.Series(file), expected.Length - 1);

        Assert.Equal(expected.Length, pacf.Count);
        for (var k = 0; k < expected.Length; k++)
        {
            AssertRelative(expected[k], pacf[k].Value, $"pacf[{k}]");
        }
    }

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static void AssertRelative(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= RelativeTolerance * Math.Abs(expected),
            $"{what}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / Math.Abs(expected):E2})");

    private static void AssertAbsolute(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= PValueTolerance,
            $"{what}: expected {expected:R}, got {actual:R}");
}
