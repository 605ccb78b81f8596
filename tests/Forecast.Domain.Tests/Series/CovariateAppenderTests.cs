using Forecast.Domain.Series;

namespace Forecast.Domain.Tests.Series;

/// <summary>A monthly series of three values from January 2024 whose price is known to April, appended to.</summary>
public sealed class CovariateAppenderTests
{
    private static readonly DateTime January = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Covariates Price = new([new Covariate("price", [10.0, 11, 12, 13])]);

    /// <summary>The series after an append, <paramref name="count"/> values long.</summary>
    private static RegularSeries Grown(int count) => new(January, Frequency.Monthly, [.. Enumerable.Range(1, count).Select(v => (double)v)]);

    private static CovariateRows Rows(int[] months, double?[] prices) =>
        new([.. months.Select(m => January.AddMonths(m))], ["price"], [prices]);

    [Fact]
    public void Arrays_go_with_the_observations_timestamps_and_then_with_the_periods_after_the_last()
    {
        var rows = CovariateRows.FromArrays([January.AddMonths(3), January.AddMonths(5)], Frequency.Monthly, new Dictionary<string, double[]> { ["price"] = [1, 2, 3, 4] });

        Assert.Equal([3, 5, 6, 7], rows.Timestamps.Select(t => (t.Year - 2024) * 12 + t.Month - 1));
        Assert.Equal([1.0, 2, 3, 4], rows.Columns[0].Select(v => v!.Value));
    }

    [Fact]
    public void A_period_the_append_filled_needs_the_covariate_like_any_new_one()
    {
        // Observations at April (known) and June: May is filled by the series' policy, and price is known for neither.
        var refusal = Assert.Throws<UnprocessableException>(() => CovariateAppender.Append(Price, 3, Grown(6), Rows([5], [15]), revise: false, 10));

        Assert.Equal("covariates", refusal.Field);
        Assert.Contains("'price' has no value at 2024-05-01", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_append_that_gives_what_is_stored_changes_nothing()
    {
        var appended = CovariateAppender.Append(Price, 3, Grown(4), Rows([2, 3], [12, 13]), revise: false, 10);

        Assert.False(appended.Changed);
        Assert.Same(Price, appended.Covariates);
    }

    [Fact]
    public void A_known_future_too_long_is_refused_at_the_row_that_made_it_so()
    {
        var refusal = Assert.Throws<TimestampException>(() => CovariateAppender.Append(Price, 3, Grown(4), Rows([3, 4, 5, 6], [13, 14, 15, 16]), revise: false, 2));

        Assert.Equal(3, refusal.Point);
        Assert.Contains("known 3 periods past the series' last value", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_past_only_covariate_takes_each_new_period_s_value_and_none_past_the_new_end()
    {
        var temperature = new Covariates([new Covariate("price", [10.0, 11, 12]) { PastOnly = true }]);

        var appended = CovariateAppender.Append(temperature, 3, Grown(4), Rows([3], [13]), revise: false, 10);
        var refusal = Assert.Throws<TimestampException>(() => CovariateAppender.Append(temperature, 3, Grown(4), Rows([3, 4], [13, 14]), revise: false, 10));

        Assert.Equal([10.0, 11, 12, 13], appended.Covariates.Columns[0].Values);
        Assert.True(appended.Covariates.Columns[0].PastOnly);
        Assert.Equal(1, refusal.Point);
        Assert.Contains("past-only (known only as it happens), so it has no known future", refusal.Message, StringComparison.Ordinal);
    }
}
