using Forecast.Domain.Series;

namespace Forecast.Domain.Tests.Series;

public class SeriesAppenderTests
{
    // Month ends, as airpassengers' dates are: 2024-01-31 .. 2024-04-30.
    private static readonly RegularSeries Series = new(Utc.Date(2024, 1, 31), Frequency.Monthly, [10.0, 20, 30, 40]);

    private static AppendedSeries Append(IReadOnlyList<DateTime>? dates, double[] values, bool revise = false,
        GapFillPolicy policy = GapFillPolicy.Interpolate, IReadOnlyList<DateTime>? filledGaps = null, int maxPoints = 100) =>
        SeriesAppender.Append(Series, filledGaps ?? [], policy, dates, values, revise, maxPoints, maxAppend: 10);

    [Fact]
    public void Values_without_timestamps_continue_the_series_from_its_end()
    {
        var appended = Append(null, [50, 60]);

        Assert.Equal([10.0, 20, 30, 40, 50, 60], appended.Series.Values);
        Assert.Equal(Utc.Date(2024, 6, 30), appended.Series.End);
        Assert.Equal((2, 0, true), (appended.Appended, appended.Unchanged, appended.Changed));
    }

    [Fact]
    public void A_missing_period_after_the_end_is_filled_by_the_series_policy_and_reported()
    {
        var interpolated = Append([Utc.Date(2024, 6, 30)], [60]);
        var carried = Append([Utc.Date(2024, 6, 30)], [60], policy: GapFillPolicy.ForwardFill);

        Assert.Equal([10.0, 20, 30, 40, 50, 60], interpolated.Series.Values);
        Assert.Equal([40.0], carried.Series.Values.Skip(4).Take(1));
        Assert.Equal([Utc.Date(2024, 5, 31)], interpolated.NewlyFilled);
        Assert.Equal([Utc.Date(2024, 5, 31)], interpolated.FilledGaps);
        var refused = Assert.Throws<UnprocessableException>(() => Append([Utc.Date(2024, 6, 30)], [60], policy: GapFillPolicy.Refuse));
        Assert.Contains("2024-05-31", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_observation_equal_to_the_stored_one_changes_nothing()
    {
        var appended = Append([Utc.Date(2024, 3, 31), Utc.Date(2024, 4, 30)], [30, 40]);

        Assert.Equal(Series.Values, appended.Series.Values);
        Assert.Equal((0, 2, false), (appended.Appended, appended.Unchanged, appended.Changed));
    }

    [Fact]
    public void Another_value_at_a_stored_period_is_a_conflict_unless_revised()
    {
        var conflict = Assert.Throws<ConflictException>(() => Append([Utc.Date(2024, 2, 29), Utc.Date(2024, 5, 31)], [25, 50]));
        var revised = Append([Utc.Date(2024, 2, 29), Utc.Date(2024, 5, 31)], [25, 50], revise: true);

        Assert.Equal("The series holds 20 at 2024-02-29 (point 1 of the append carries 25); send revise=true to replace it.", conflict.Message);
        Assert.Equal([10.0, 25, 30, 40, 50], revised.Series.Values);
        Assert.Equal([Utc.Date(2024, 2, 29)], revised.Revised);
        Assert.Equal(1, revised.Appended);
    }

    [Fact]
    public void An_observation_at_a_filled_period_supplies_it_without_revise()
    {
        var appended = Append([Utc.Date(2024, 2, 29)], [21], filledGaps: [Utc.Date(2024, 2, 29)]);

        Assert.Equal([10.0, 21, 30, 40], appended.Series.Values);
        Assert.Equal([Utc.Date(2024, 2, 29)], appended.Supplied);
        Assert.Empty(appended.FilledGaps);
    }

    [Theory]
    [InlineData("2024-05-15", "not on the series' monthly grid, which starts 2024-01-31")]
    [InlineData("2023-12-31", "before the series' start")]
    public void A_timestamp_off_the_grid_or_before_the_start_is_refused_by_its_point(string date, string expected)
    {
        var error = Assert.Throws<TimestampException>(() => Append([Utc.Parse(date)], [1]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.Point);
    }

    [Fact]
    public void An_append_beyond_the_limits_is_refused()
    {
        Assert.Contains("at most 10 observations", Assert.Throws<DomainValidationException>(() => Append(null, new double[11])).Message, StringComparison.Ordinal);
        Assert.Contains("at most 6 points; with this append it would have 8",
            Assert.Throws<DomainValidationException>(() => Append([Utc.Date(2024, 8, 31)], [80], maxPoints: 6)).Message, StringComparison.Ordinal);
        Assert.Contains("finite", Assert.Throws<DomainValidationException>(() => Append(null, [double.NaN])).Message, StringComparison.Ordinal);
        Assert.Throws<DomainValidationException>(() => Append(null, []));
    }
}
