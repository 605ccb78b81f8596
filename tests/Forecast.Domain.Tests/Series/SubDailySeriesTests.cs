using Forecast.Domain.Series;

namespace Forecast.Domain.Tests.Series;

/// <summary>Hourly and minute series built and grown by the same rules as dated ones, on UTC timestamps.</summary>
public class SubDailySeriesTests
{
    private static DateTime[] Times(params string[] iso) => iso.Select(Utc.Parse).ToArray();

    [Fact]
    public void Hourly_points_with_offsets_build_a_series_in_utc_with_its_gaps_filled()
    {
        var built = SeriesBuilder.FromPoints(Times("2024-01-01T13:00:00+01:00", "2024-01-01T13:00:00Z", "2024-01-01T16:00:00+01:00"),
            [1, 2, 4], null, GapFillPolicy.Interpolate, 100);

        Assert.Equal(Frequency.Hourly, built.Series.Frequency);
        Assert.Equal(Utc.Parse("2024-01-01T12:00:00Z"), built.Series.Start);
        Assert.Equal([1.0, 2, 3, 4], built.Series.Values);
        Assert.Equal(Times("2024-01-01T14:00:00Z"), built.FilledGaps);
        Assert.Equal("2024-01-01T15:00:00Z", built.Series.Format(built.Series.End));
    }

    [Fact]
    public void A_minute_off_the_grid_is_refused_by_its_point()
    {
        var error = Assert.Throws<TimestampException>(() => SeriesBuilder.FromPoints(
            Times("2024-01-01T12:00:00Z", "2024-01-01T12:15:00Z", "2024-01-01T12:30:00Z", "2024-01-01T12:37:00Z", "2024-01-01T13:00:00Z", "2024-01-01T13:15:00Z"),
            [1, 2, 3, 4, 5, 6], null, GapFillPolicy.Interpolate, 100));

        Assert.Equal(3, error.Point);
        Assert.Contains("2024-01-01T12:37:00Z (point 4) is not on the minutes15 grid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_daily_series_refuses_a_time_of_day_rather_than_move_it_to_another_date()
    {
        // Local midnight in Berlin is 23:00 UTC the day before: written as a date it would name the wrong day.
        var error = Assert.Throws<TimestampException>(() => SeriesBuilder.FromPoints(
            Times("2024-01-01T00:00:00+01:00", "2024-01-02T00:00:00+01:00", "2024-01-03T00:00:00+01:00"),
            [1, 2, 3], Frequency.Daily, GapFillPolicy.Interpolate, 100));

        Assert.Equal(0, error.Point);
        Assert.Contains("the series is daily: a daily series takes dates", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_hourly_series_grows_by_the_hour()
    {
        var series = new RegularSeries(Utc.Parse("2024-01-01T22:00:00Z"), Frequency.Hourly, [1.0, 2, 3]);

        var appended = SeriesAppender.Append(series, [], GapFillPolicy.Interpolate,
            Times("2024-01-02T01:00:00Z", "2024-01-02T03:00:00+01:00"), [4, 5], revise: false, maxPoints: 100, maxAppend: 10);
        var continued = SeriesAppender.Append(series, [], GapFillPolicy.Interpolate, null, [4], revise: false, maxPoints: 100, maxAppend: 10);

        Assert.Equal([1.0, 2, 3, 4, 5], appended.Series.Values);
        Assert.Equal(Utc.Parse("2024-01-02T02:00:00Z"), appended.Series.End);
        Assert.Equal(Utc.Parse("2024-01-02T01:00:00Z"), continued.Series.End);
    }

    [Fact]
    public void An_append_between_the_hours_is_refused_by_its_point()
    {
        var series = new RegularSeries(Utc.Parse("2024-01-01T22:00:00Z"), Frequency.Hourly, [1.0, 2, 3]);

        var error = Assert.Throws<TimestampException>(() => SeriesAppender.Append(series, [], GapFillPolicy.Interpolate,
            Times("2024-01-02T01:00:00Z", "2024-01-02T01:30:00Z"), [4, 5], revise: false, maxPoints: 100, maxAppend: 10));

        Assert.Equal(1, error.Point);
        Assert.Contains("2024-01-02T01:30:00Z (point 2) is not on the series' hourly grid, which starts 2024-01-01T22:00:00Z", error.Message, StringComparison.Ordinal);
    }
}
