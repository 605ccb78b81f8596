using System.Globalization;
using Forecast.Training.Diagnostics;

namespace Forecast.Training.Tests.Diagnostics;

/// <summary>The facade with default options reproduces the reference run (lags 10 and 20, nlags 20).</summary>
public class ReportAgreementTests
{
    public static TheoryData<string> DataSets => new(RepositoryData.DataSets);

    [Theory]
    [MemberData(nameof(DataSets))]
    public void The_default_report_carries_the_reference_numbers(string file)
    {
        var reference = RepositoryData.ReferenceFor(file);
        var report = SeriesDiagnostics.Compute(RepositoryData.Series(file));

        Assert.Equal(reference.GetProperty("n").GetInt32(), report.Summary.Count);
        Assert.NotNull(report.Adf);
        Assert.Equal(reference.GetProperty("adf").GetProperty("usedlag").GetInt32(), report.Adf.UsedLag);
        AssertClose(reference.GetProperty("adf").GetProperty("statistic").GetDouble(), report.Adf.Statistic);
        Assert.NotNull(report.Kpss);
        Assert.Equal(reference.GetProperty("kpss").GetProperty("lags").GetInt32(), report.Kpss.Lags);
        AssertClose(reference.GetProperty("kpss").GetProperty("statistic").GetDouble(), report.Kpss.Statistic);

        Assert.Equal([10, 20], report.LjungBox.Select(r => r.Lag));
        foreach (var result in report.LjungBox)
        {
            var expected = reference.GetProperty("ljungbox").GetProperty(result.Lag.ToString(CultureInfo.InvariantCulture));
            AssertClose(expected.GetProperty("statistic").GetDouble(), result.Statistic);
        }

        var acf = reference.GetProperty("acf").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var pacf = reference.GetProperty("pacf_yw").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(21, report.Acf.Count);
        Assert.NotNull(report.Pacf);
        Assert.Equal(21, report.Pacf.Count);
        for (var k = 0; k <= 20; k++)
        {
            AssertClose(acf[k], report.Acf[k].Value);
            AssertClose(pacf[k], report.Pacf[k].Value);
        }
    }

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Box_pierce_is_n_times_the_sum_of_the_reference_squared_autocorrelations(string file)
    {
        var values = RepositoryData.Series(file);
        var acf = RepositoryData.ReferenceFor(file).GetProperty("acf").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var results = PortmanteauTests.BoxPierce(values, [10, 20]);

        foreach (var result in results)
        {
            var expected = values.Length * acf.Skip(1).Take(result.Lag).Sum(r => r * r);
            AssertClose(expected, result.Statistic);
            Assert.Equal(result.Lag, result.DegreesOfFreedom);
            Assert.InRange(result.PValue!.Value, 0, 1);
        }
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-6 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
