using Forecast.Domain.Series;

namespace Forecast.Domain.Tests.Series;

public sealed class CovariateAlignmentTests
{
    private static readonly DateTime January = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Three months of values from January 2024.</summary>
    private static readonly RegularSeries Quarter = new(January, Frequency.Monthly, [1.0, 2, 3]);

    private static DateTime Month(int i) => January.AddMonths(i);

    private static CovariateRows Rows(int[] months, params (string Name, double?[] Cells)[] columns) =>
        new([.. months.Select(Month)], [.. columns.Select(c => c.Name)], [.. columns.Select(c => (IReadOnlyList<double?>)c.Cells)]);

    [Fact]
    public void Rows_past_the_last_value_are_each_covariate_s_known_future_as_far_as_it_has_values()
    {
        var covariates = CovariateAlignment.Align(Quarter, Rows([0, 1, 2, 3, 4], ("price", [1, 2, 3, 4, 5]), ("promo", [0, 1, 0, 1, null])), 10);

        Assert.Equal([1.0, 2, 3, 4, 5], covariates.Columns[0].Values);
        Assert.Equal([0.0, 1, 0, 1], covariates.Columns[1].Values);
    }

    [Fact]
    public void A_period_the_series_filled_has_no_covariate_value_and_is_refused_by_its_date()
    {
        var refusal = Assert.Throws<DomainValidationException>(() => CovariateAlignment.Align(Quarter, Rows([0, 2], ("price", [1, 3])), 10));

        Assert.Contains("'price' has no value at 2024-02-01", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2, 4 }, 3, "without a gap")]
    [InlineData(new[] { 0, 1, 2, 2 }, 3, "appears twice")]
    [InlineData(new[] { -1, 0, 1, 2 }, 0, "not one of the series' periods")]
    [InlineData(new[] { 0, 1, 2, 3, 4, 5 }, 5, "at most 2 periods")]
    public void A_row_at_fault_is_named_by_its_index(int[] months, int row, string says)
    {
        var refusal = Assert.Throws<TimestampException>(() => CovariateAlignment.Align(Quarter, Rows(months, ("price", [.. months.Select(m => (double?)m)])), 2));

        Assert.Equal((row, "covariates"), (refusal.Point, refusal.Field));
        Assert.Contains(says, refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Value")]
    [InlineData("series")]
    [InlineData("")]
    public void A_name_the_upload_uses_or_an_empty_one_is_refused(string name)
    {
        var refusal = Assert.Throws<DomainValidationException>(() => CovariateAlignment.Align(Quarter, Rows([0, 1, 2], (name, [1, 2, 3])), 2));

        Assert.Equal("covariates", refusal.Field);
    }
}
