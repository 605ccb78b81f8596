using Forecast.Domain.Series;

namespace Forecast.Domain.Tests.Series;

public class FrequencyTests
{
    [Theory]
    [InlineData(new[] { "2024-01-01", "2024-01-02", "2024-01-03" }, Frequency.Daily)]
    [InlineData(new[] { "2024-01-01", "2024-01-08", "2024-01-15" }, Frequency.Weekly)]
    [InlineData(new[] { "2024-01-31", "2024-02-29", "2024-03-31" }, Frequency.Monthly)]
    [InlineData(new[] { "2024-01-01", "2024-04-01", "2024-07-01" }, Frequency.Quarterly)]
    [InlineData(new[] { "2020-01-01", "2021-01-01", "2022-01-01" }, Frequency.Yearly)]
    [InlineData(new[] { "2024-01-01", "2024-01-02", "2024-01-05", "2024-01-06", "2024-01-07" }, Frequency.Daily)]
    [InlineData(new[] { "2024-01-01T22:00:00Z", "2024-01-01T23:00:00Z", "2024-01-02T00:00:00Z" }, Frequency.Hourly)]
    [InlineData(new[] { "2024-01-01T13:00:00+01:00", "2024-01-01T13:30:00+01:00", "2024-01-01T14:00:00+01:00" }, Frequency.Minutes30)]
    [InlineData(new[] { "2024-01-01T12:00:00Z", "2024-01-01T12:15:00Z", "2024-01-01T12:45:00Z", "2024-01-01T13:00:00Z" }, Frequency.Minutes15)]
    [InlineData(new[] { "2024-01-01T12:00:00Z", "2024-01-01T12:10:00Z", "2024-01-01T12:20:00Z" }, Frequency.Minutes10)]
    [InlineData(new[] { "2024-01-01T12:00:00Z", "2024-01-01T12:05:00Z", "2024-01-01T12:10:00Z" }, Frequency.Minutes5)]
    [InlineData(new[] { "2024-01-01T12:00:00-05:00", "2024-01-01T12:01:00-05:00", "2024-01-01T12:02:00-05:00" }, Frequency.Minutes1)]
    public void The_step_between_dates_gives_the_frequency(string[] dates, Frequency expected) =>
        Assert.Equal(expected, FrequencyExtensions.Infer(dates.Select(Utc.Parse).ToArray()));

    [Fact]
    public void Irregular_steps_infer_nothing() =>
        Assert.Null(FrequencyExtensions.Infer([Utc.Date(2024, 1, 1), Utc.Date(2024, 1, 4), Utc.Date(2024, 1, 7)]));

    [Fact]
    public void Steps_of_an_unsupported_length_infer_nothing()
    {
        Assert.Null(FrequencyExtensions.Infer(new[] { "2024-01-01T12:00:00Z", "2024-01-01T12:07:00Z", "2024-01-01T12:14:00Z" }.Select(Utc.Parse).ToArray()));
        Assert.Null(FrequencyExtensions.Infer(new[] { "2024-01-01T00:00:00Z", "2024-01-02T01:00:00Z", "2024-01-03T02:00:00Z" }.Select(Utc.Parse).ToArray()));
    }

    [Fact]
    public void Hours_across_a_daylight_saving_change_are_consecutive_in_utc()
    {
        // Europe/Berlin springs forward at 02:00 local on 2024-03-31: 01:00+01:00 and 03:00+02:00 are an hour apart.
        var local = new[] { "2024-03-31T00:00:00+01:00", "2024-03-31T01:00:00+01:00", "2024-03-31T03:00:00+02:00", "2024-03-31T04:00:00+02:00" };
        var timestamps = local.Select(Utc.Parse).ToArray();

        Assert.Equal(Frequency.Hourly, FrequencyExtensions.Infer(timestamps));
        Assert.Equal(timestamps, Enumerable.Range(0, 4).Select(i => Frequency.Hourly.Advance(timestamps[0], i)));
        Assert.Equal(Utc.Parse("2024-03-30T23:00:00Z"), timestamps[0]);
    }

    [Fact]
    public void Month_ends_stay_month_ends()
    {
        var start = Utc.Date(2023, 1, 31);
        Assert.Equal(Utc.Date(2023, 2, 28), Frequency.Monthly.Advance(start, 1));
        Assert.Equal(Utc.Date(2023, 3, 31), Frequency.Monthly.Advance(start, 2));
        Assert.Equal(Utc.Date(2024, 2, 29), Frequency.Monthly.Advance(start, 13));
        Assert.Equal(Utc.Date(2023, 12, 31), Frequency.Quarterly.Advance(Utc.Date(2023, 3, 31), 3));
    }

    [Fact]
    public void Mid_month_dates_advance_by_calendar_month() =>
        Assert.Equal(Utc.Date(1961, 1, 1), Frequency.Monthly.Advance(Utc.Date(1949, 1, 1), 144));

    [Theory]
    [InlineData(Frequency.Daily, 7)]
    [InlineData(Frequency.Weekly, 52)]
    [InlineData(Frequency.Monthly, 12)]
    [InlineData(Frequency.Quarterly, 4)]
    [InlineData(Frequency.Yearly, 1)]
    [InlineData(Frequency.Hourly, 24)]
    [InlineData(Frequency.Minutes30, 48)]
    [InlineData(Frequency.Minutes15, 96)]
    [InlineData(Frequency.Minutes10, 144)]
    [InlineData(Frequency.Minutes5, 288)]
    [InlineData(Frequency.Minutes1, 1440)]
    public void Seasonal_periods_follow_the_calendar(Frequency frequency, int period) =>
        Assert.Equal(period, frequency.SeasonalPeriod());

    [Theory]
    [InlineData(Frequency.Monthly, "1949-01-31", "1950-02-28", 13)]
    [InlineData(Frequency.Monthly, "1949-01-31", "1948-12-31", -1)]
    [InlineData(Frequency.Quarterly, "2024-03-31", "2025-03-31", 4)]
    [InlineData(Frequency.Weekly, "2024-01-03", "2024-01-31", 4)]
    [InlineData(Frequency.Daily, "2024-01-01", "2024-03-01", 60)]
    [InlineData(Frequency.Yearly, "2000-12-31", "2004-12-31", 4)]
    [InlineData(Frequency.Hourly, "2024-01-01T13:00:00Z", "2024-01-03T13:00:00Z", 48)]
    [InlineData(Frequency.Hourly, "2024-01-01T13:00:00Z", "2024-01-01T10:00:00Z", -3)]
    [InlineData(Frequency.Minutes15, "2024-02-28T23:45:00Z", "2024-03-01T00:15:00Z", 98)]
    [InlineData(Frequency.Minutes1, "2024-12-31T23:59:00Z", "2025-01-01T00:01:00Z", 2)]
    [InlineData(Frequency.Minutes5, "2024-01-01T00:00:00+05:30", "2024-01-01T01:00:00+05:30", 12)]
    public void A_date_on_the_grid_has_the_period_that_advances_the_start_to_it(Frequency frequency, string start, string date, int period)
    {
        var (from, to) = (Utc.Parse(start), Utc.Parse(date));

        Assert.Equal(period, frequency.PeriodOf(from, to));
        Assert.Equal(to, frequency.Advance(from, period));
    }

    [Theory]
    [InlineData(Frequency.Monthly, "1949-01-31", "1949-02-27")]
    [InlineData(Frequency.Weekly, "2024-01-03", "2024-01-30")]
    [InlineData(Frequency.Quarterly, "2024-03-31", "2024-06-15")]
    [InlineData(Frequency.Hourly, "2024-01-01T13:00:00Z", "2024-01-01T14:07:00Z")]
    [InlineData(Frequency.Minutes15, "2024-01-01T13:00:00Z", "2024-01-01T13:20:00Z")]
    [InlineData(Frequency.Daily, "2024-01-01", "2024-01-02T12:00:00Z")]
    public void A_date_off_the_grid_has_no_period(Frequency frequency, string start, string date) =>
        Assert.Null(frequency.PeriodOf(Utc.Parse(start), Utc.Parse(date)));

    [Theory]
    [InlineData(Frequency.Daily, "2024-01-31")]
    [InlineData(Frequency.Monthly, "2024-01-31")]
    [InlineData(Frequency.Hourly, "2024-01-31T00:00:00Z")]
    [InlineData(Frequency.Minutes15, "2024-01-31T00:00:00Z")]
    public void A_timestamp_is_written_at_its_frequencys_resolution(Frequency frequency, string written) =>
        Assert.Equal(written, frequency.Format(Utc.Date(2024, 1, 31)));
}
