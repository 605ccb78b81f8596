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
    public void The_step_between_dates_gives_the_frequency(string[] dates, Frequency expected) =>
        Assert.Equal(expected, FrequencyExtensions.Infer(dates.Select(DateOnly.Parse).ToArray()));

    [Fact]
    public void Irregular_steps_infer_nothing() =>
        Assert.Null(FrequencyExtensions.Infer([new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 4), new DateOnly(2024, 1, 7)]));

    [Fact]
    public void Month_ends_stay_month_ends()
    {
        var start = new DateOnly(2023, 1, 31);
        Assert.Equal(new DateOnly(2023, 2, 28), Frequency.Monthly.Advance(start, 1));
        Assert.Equal(new DateOnly(2023, 3, 31), Frequency.Monthly.Advance(start, 2));
        Assert.Equal(new DateOnly(2024, 2, 29), Frequency.Monthly.Advance(start, 13));
        Assert.Equal(new DateOnly(2023, 12, 31), Frequency.Quarterly.Advance(new DateOnly(2023, 3, 31), 3));
    }

    [Fact]
    public void Mid_month_dates_advance_by_calendar_month() =>
        Assert.Equal(new DateOnly(1961, 1, 1), Frequency.Monthly.Advance(new DateOnly(1949, 1, 1), 144));

    [Theory]
    [InlineData(Frequency.Daily, 7)]
    [InlineData(Frequency.Weekly, 52)]
    [InlineData(Frequency.Monthly, 12)]
    [InlineData(Frequency.Quarterly, 4)]
    [InlineData(Frequency.Yearly, 1)]
    public void Seasonal_periods_follow_the_calendar(Frequency frequency, int period) =>
        Assert.Equal(period, frequency.SeasonalPeriod());

    [Theory]
    [InlineData(Frequency.Monthly, "1949-01-31", "1950-02-28", 13)]
    [InlineData(Frequency.Monthly, "1949-01-31", "1948-12-31", -1)]
    [InlineData(Frequency.Quarterly, "2024-03-31", "2025-03-31", 4)]
    [InlineData(Frequency.Weekly, "2024-01-03", "2024-01-31", 4)]
    [InlineData(Frequency.Daily, "2024-01-01", "2024-03-01", 60)]
    [InlineData(Frequency.Yearly, "2000-12-31", "2004-12-31", 4)]
    public void A_date_on_the_grid_has_the_period_that_advances_the_start_to_it(Frequency frequency, string start, string date, int period)
    {
        var (from, to) = (DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(period, frequency.PeriodOf(from, to));
        Assert.Equal(to, frequency.Advance(from, period));
    }

    [Theory]
    [InlineData(Frequency.Monthly, "1949-01-31", "1949-02-27")]
    [InlineData(Frequency.Weekly, "2024-01-03", "2024-01-30")]
    [InlineData(Frequency.Quarterly, "2024-03-31", "2024-06-15")]
    public void A_date_off_the_grid_has_no_period(Frequency frequency, string start, string date) =>
        Assert.Null(frequency.PeriodOf(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
}
