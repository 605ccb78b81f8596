using Forecast.Domain.Calendars;
using Forecast.Domain.Series;

namespace Forecast.Domain.Tests.Calendars;

public sealed class CalendarChecksTests
{
    private static readonly CalendarLimits Limits = new(MaxEvents: 2, MaxDatesPerEvent: 3, MaxWindowDays: 7, MaxCovariates: 10);

    private static readonly RegularSeries Daily = new(Utc.Date(2024, 1, 1), Frequency.Daily, new double[60]);

    private static DomainValidationException Refusal(SeriesCalendar calendar, RegularSeries? series = null, Covariates? uploaded = null) =>
        Assert.Throws<DomainValidationException>(() => CalendarChecks.Check(calendar, series ?? Daily, uploaded ?? Covariates.None, knownFuture: 10, Limits));

    private static SeriesCalendar WithEvent(CalendarEvent e) => new(null, [e], []);

    [Fact]
    public void A_feature_a_frequency_does_not_vary_is_refused_naming_what_it_suits()
    {
        var monthly = new RegularSeries(Utc.Date(2024, 1, 1), Frequency.Monthly, new double[24]);

        var refusal = Refusal(new SeriesCalendar(null, [], [CalendarFeature.HourOfDay]), monthly);

        Assert.Equal("calendar.features", refusal.Field);
        Assert.Contains("hourOfDay does not vary in a monthly series; it suits sub-daily series", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_an_uploaded_covariate_already_names_is_refused()
    {
        var refusal = Refusal(new SeriesCalendar(new HolidayRegion("US", null), [], []), uploaded: new Covariates([new Covariate("Holiday", new double[60])]));

        Assert.Equal("calendar", refusal.Field);
        Assert.Contains("'holiday'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_dated_years_from_the_series_is_refused_and_one_whose_window_reaches_it_is_not()
    {
        var refusal = Refusal(WithEvent(new CalendarEvent("promo", [new DateOnly(2024, 1, 10), new DateOnly(2204, 1, 10)], 0, 0)));

        Assert.Equal("calendar.events[0].dates", refusal.Field);
        Assert.Contains("2204-01-10", refusal.Message, StringComparison.Ordinal);
        CalendarChecks.Check(WithEvent(new CalendarEvent("eve", [new DateOnly(2023, 12, 31)], 0, 1)), Daily, Covariates.None, 10, Limits);
    }

    [Theory]
    [InlineData("no dates", "calendar.events[0].dates")]
    [InlineData("too many dates", "calendar.events[0].dates")]
    [InlineData("a window too wide", "calendar.events[0].after")]
    [InlineData("a negative window", "calendar.events[0].before")]
    [InlineData("no name", "calendar.events[0].name")]
    public void A_bad_event_is_refused_naming_its_field(string fault, string field)
    {
        var day = new DateOnly(2024, 1, 10);
        var e = fault switch
        {
            "no dates" => new CalendarEvent("promo", [], 0, 0),
            "too many dates" => new CalendarEvent("promo", [day, day.AddDays(1), day.AddDays(2), day.AddDays(3)], 0, 0),
            "a window too wide" => new CalendarEvent("promo", [day], 0, 8),
            "a negative window" => new CalendarEvent("promo", [day], -1, 0),
            _ => new CalendarEvent(" ", [day], 0, 0),
        };

        Assert.Equal(field, Refusal(WithEvent(e)).Field);
    }

    [Fact]
    public void More_covariates_than_the_limit_uploaded_and_generated_together_are_refused()
    {
        var uploaded = new Covariates([.. Enumerable.Range(0, 4).Select(i => new Covariate($"c{i}", new double[60]))]);

        var refusal = Refusal(new SeriesCalendar(null, [], [CalendarFeature.DayOfWeek, CalendarFeature.Month]), uploaded: uploaded);

        Assert.Contains("4 uploaded and 12 calendar covariates; at most 10", refusal.Message, StringComparison.Ordinal);
    }
}
