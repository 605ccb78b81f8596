using Forecast.Domain.Series;

namespace Forecast.Domain.Tests.Series;

public class SeriesBuilderTests
{
    private static DateTime[] Days(params int[] days) => days.Select(d => Utc.Date(2024, 1, d)).ToArray();

    [Fact]
    public void Gaps_are_filled_by_linear_interpolation_and_reported()
    {
        var built = SeriesBuilder.FromPoints(Days(1, 2, 5, 6), [1, 2, 5, 6], null, GapFillPolicy.Interpolate, 100);

        Assert.Equal([1.0, 2, 3, 4, 5, 6], built.Series.Values);
        Assert.Equal(Days(3, 4), built.FilledGaps);
        Assert.Equal(Frequency.Daily, built.Series.Frequency);
    }

    [Fact]
    public void Forward_fill_repeats_the_last_value()
    {
        var built = SeriesBuilder.FromPoints(Days(1, 2, 5, 6), [1, 2, 5, 6], Frequency.Daily, GapFillPolicy.ForwardFill, 100);

        Assert.Equal([1.0, 2, 2, 2, 5, 6], built.Series.Values);
    }

    [Fact]
    public void The_refuse_policy_names_the_missing_periods()
    {
        var error = Assert.Throws<UnprocessableException>(() =>
            SeriesBuilder.FromPoints(Days(1, 2, 5, 6), [1, 2, 5, 6], null, GapFillPolicy.Refuse, 100));

        Assert.Contains("2024-01-03, 2024-01-04", error.Message);
        Assert.Equal("timestamps", error.Field);
    }

    [Fact]
    public void A_series_without_gaps_is_accepted_under_any_policy()
    {
        var built = SeriesBuilder.FromPoints(Days(1, 2, 3), [1, 2, 3], null, GapFillPolicy.Refuse, 100);

        Assert.Empty(built.FilledGaps);
        Assert.Equal(Utc.Date(2024, 1, 3), built.Series.End);
    }

    [Theory]
    [InlineData(new[] { 1, 3, 2 }, "increasing order")]
    [InlineData(new[] { 1, 2, 2 }, "appears twice")]
    public void Timestamps_must_be_strictly_increasing(int[] days, string message)
    {
        var error = Assert.Throws<TimestampException>(() =>
            SeriesBuilder.FromPoints(Days(days), [1, 2, 3], null, GapFillPolicy.Interpolate, 100));
        Assert.Contains(message, error.Message);
        Assert.Equal(2, error.Point);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Values_must_be_finite(double bad) =>
        Assert.Throws<DomainValidationException>(() =>
            SeriesBuilder.FromValues(Utc.Date(2024, 1, 1), Frequency.Daily, [1, bad, 3], 100));

    [Fact]
    public void Limits_on_points_hold_after_filling_gaps_too()
    {
        Assert.Throws<DomainValidationException>(() => SeriesBuilder.FromValues(Utc.Date(2024, 1, 1), Frequency.Daily, [1, 2, 3, 4], 3));
        Assert.Throws<DomainValidationException>(() =>
            SeriesBuilder.FromPoints([Utc.Date(2000, 1, 1), Utc.Date(2000, 1, 2), Utc.Date(2024, 1, 1)], [1, 2, 3], Frequency.Daily, GapFillPolicy.Interpolate, 1000));
    }
}
