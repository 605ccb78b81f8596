using System.Text.Json;
using Forecast.Domain;
using Forecast.Training.Diagnostics;

namespace Forecast.Training.Tests.Diagnostics;

/// <summary>Bad input gets a clear exception naming the field, or a null section with a note; never a NaN.</summary>
public class DegenerateInputTests
{
    private static readonly double[] Series = RepositoryData.Series("nottem.csv");

    [Fact]
    public void A_constant_series_is_unprocessable()
    {
        var error = Assert.Throws<UnprocessableException>(() => SeriesDiagnostics.Compute(Enumerable.Repeat(4.2, 50).ToArray()));
        Assert.Equal("values", error.Field);
        Assert.Contains("constant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_series_shorter_than_the_minimum_is_unprocessable()
    {
        var error = Assert.Throws<UnprocessableException>(() => SeriesDiagnostics.Compute([1, 3, 2, 5, 4]));
        Assert.Equal("values", error.Field);
        Assert.Contains($"at least {SeriesDiagnostics.MinimumLength}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_test_refuses_a_series_too_short_for_it()
    {
        Assert.Throws<UnprocessableException>(() => AugmentedDickeyFuller.Test([1, 2, 4]));
        Assert.Throws<UnprocessableException>(() => Kpss.Test([1, 2]));
        Assert.Throws<UnprocessableException>(() => PortmanteauTests.LjungBox([1], [1]));
        Assert.Throws<UnprocessableException>(() => Seasonality.Detect([1, 2, 3]));
    }

    [Fact]
    public void Each_test_refuses_a_constant_series()
    {
        var constant = Enumerable.Repeat(1.0, 30).ToArray();
        Assert.Throws<UnprocessableException>(() => AugmentedDickeyFuller.Test(constant));
        Assert.Throws<UnprocessableException>(() => Kpss.Test(constant));
        Assert.Throws<UnprocessableException>(() => PortmanteauTests.LjungBox(constant, [5]));
        Assert.Throws<UnprocessableException>(() => Autocorrelation.Acf(constant, 5));
        Assert.Throws<UnprocessableException>(() => Autocorrelation.Pacf(constant, 5));
    }

    [Fact]
    public void A_value_that_is_not_finite_is_refused()
    {
        var values = Series.ToArray();
        values[7] = double.NaN;
        var error = Assert.Throws<DomainValidationException>(() => SeriesDiagnostics.Compute(values));
        Assert.Equal("values", error.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(240)]
    [InlineData(1000)]
    public void A_lag_of_zero_or_beyond_the_series_is_refused(int lag)
    {
        var error = Assert.Throws<DomainValidationException>(
            () => SeriesDiagnostics.Compute(Series, new DiagnosticsOptions { Lags = [10, lag] }));
        Assert.Equal("lags", error.Field);
        Assert.IsNotType<UnprocessableException>(error);
        Assert.Throws<DomainValidationException>(() => SeriesDiagnostics.LjungBox(Series, [lag]));
    }

    [Fact]
    public void An_empty_lag_list_is_refused()
    {
        var error = Assert.Throws<DomainValidationException>(() => SeriesDiagnostics.Compute(Series, new DiagnosticsOptions { Lags = [] }));
        Assert.Equal("lags", error.Field);
    }

    [Fact]
    public void The_largest_lag_below_the_series_length_is_accepted()
    {
        var report = SeriesDiagnostics.Compute(Series, new DiagnosticsOptions { Lags = [Series.Length - 1] });
        Assert.Equal(Series.Length - 1, report.LjungBox.Single().Lag);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(120)]
    [InlineData(-1)]
    public void Nlags_out_of_range_is_refused(int nlags)
    {
        var error = Assert.Throws<DomainValidationException>(
            () => SeriesDiagnostics.Compute(Series, new DiagnosticsOptions { Nlags = nlags }));
        Assert.Equal("nlags", error.Field);
    }

    [Fact]
    public void Nlags_up_to_half_the_series_minus_one_is_accepted()
    {
        var report = SeriesDiagnostics.Compute(Series, new DiagnosticsOptions { Nlags = 119 });
        Assert.Equal(120, report.Acf.Count);
        Assert.Equal(120, report.Pacf!.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.05)]
    [InlineData(double.NaN)]
    public void Alpha_outside_the_open_unit_interval_is_refused(double alpha)
    {
        var error = Assert.Throws<DomainValidationException>(
            () => SeriesDiagnostics.Compute(Series, new DiagnosticsOptions { Alpha = alpha }));
        Assert.Equal("alpha", error.Field);
    }

    [Fact]
    public void A_negative_model_df_is_refused()
    {
        var error = Assert.Throws<DomainValidationException>(() => SeriesDiagnostics.LjungBox(Series, [10], modelDf: -1));
        Assert.Equal("modelDf", error.Field);
    }

    [Fact]
    public void Short_series_get_lags_and_nlags_that_fit_them()
    {
        var report = SeriesDiagnostics.Compute([3, 1, 4, 1, 5, 9, 2, 6, 5, 3]);
        Assert.Equal([2], report.LjungBox.Select(r => r.Lag));
        Assert.Equal(5, report.Acf.Count);
        AssertSerializable(report);
    }

    [Fact]
    public void An_exact_trend_leaves_adf_null_with_a_note_and_the_rest_of_the_report()
    {
        var line = Enumerable.Range(0, 60).Select(i => 3.0 + 0.5 * i).ToArray();
        var report = SeriesDiagnostics.Compute(line);

        Assert.Null(report.Adf);
        Assert.Contains(report.Interpretation, f => f.StartsWith("ADF test not computed", StringComparison.Ordinal));
        Assert.NotNull(report.Kpss);
        Assert.False(report.Seasonality.IsSeasonal);
        AssertSerializable(report);
    }

    public static TheoryData<string, double[]> OddSeries => new()
    {
        { "alternating", Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? 1.0 : -1.0).ToArray() },
        { "exact cycle", Enumerable.Range(0, 48).Select(i => (double)(i % 4)).ToArray() },
        { "single spike", Enumerable.Range(0, 30).Select(i => i == 15 ? 10.0 : 0.0).ToArray() },
        { "one step", Enumerable.Range(0, 30).Select(i => i < 20 ? 0.0 : 1.0).ToArray() },
        { "huge offset", Enumerable.Range(0, 50).Select(i => 1e12 + Math.Sin(i)).ToArray() },
        { "tiny scale", Enumerable.Range(0, 50).Select(i => 1e-200 * Math.Sin(i)).ToArray() },
        { "minimum length", [5, 1, 4, 2, 8, 3, 9, 7, 6, 0] },
    };

    [Theory]
    [MemberData(nameof(OddSeries))]
    public void Odd_but_valid_series_give_a_report_without_nan_or_infinity(string name, double[] values)
    {
        var report = SeriesDiagnostics.Compute(values, new DiagnosticsOptions { SeasonalPeriodHint = 4 });
        Assert.True(report.Interpretation.Count > 0, name);
        AssertSerializable(report);
    }

    // System.Text.Json refuses NaN and infinities by default, exactly as the HTTP layer would.
    private static void AssertSerializable(DiagnosticsReport report) => JsonSerializer.Serialize(report);
}
