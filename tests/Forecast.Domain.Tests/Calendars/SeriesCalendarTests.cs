using Forecast.Domain.Calendars;
using Forecast.Domain.Series;

namespace Forecast.Domain.Tests.Calendars;

public sealed class SeriesCalendarTests
{
    private static readonly HolidayRegion Us = PublicHolidays.Resolve("us", null);

    private static SeriesCalendar Holidays(HolidayRegion where) => new(where, [], []);

    /// <summary>A series of <paramref name="count"/> zeros from <paramref name="start"/>: calendars look only at its grid.</summary>
    private static RegularSeries Grid(DateTime start, Frequency frequency, int count) => new(start, frequency, new double[count]);

    /// <summary>The calendar's column <paramref name="name"/> by timestamp, as the series formats it.</summary>
    private static Dictionary<string, double> Column(SeriesCalendar calendar, RegularSeries series, string name, int? end = null) =>
        calendar.Columns(series, end ?? series.Count).Single(c => c.Name == name).Values
            .Select((value, t) => (series.Format(series.TimestampAt(t)), value)).ToDictionary();

    [Fact]
    public void A_daily_series_is_marked_on_the_fourth_of_july_and_thanksgiving_and_not_the_days_around_them()
    {
        var holiday = Column(Holidays(Us), Grid(Utc.Date(2024, 6, 1), Frequency.Daily, 200), "holiday");

        Assert.Equal([0.0, 1, 0], [holiday["2024-07-03"], holiday["2024-07-04"], holiday["2024-07-05"]]);
        Assert.Equal([0.0, 1, 0], [holiday["2024-11-27"], holiday["2024-11-28"], holiday["2024-11-29"]]);
        // June 19, July 4, September 2, October 14, November 11 and 28, up to December 17.
        Assert.Equal(6, holiday.Values.Sum());
    }

    [Fact]
    public void A_holiday_on_a_sunday_marks_the_day_and_the_monday_it_is_observed_on()
    {
        var holiday = Column(Holidays(Us), Grid(Utc.Date(2021, 7, 1), Frequency.Daily, 10), "holiday");

        Assert.Equal([0.0, 1, 1, 0], [holiday["2021-07-03"], holiday["2021-07-04"], holiday["2021-07-05"], holiday["2021-07-06"]]);
    }

    [Fact]
    public void Marks_name_each_holiday_its_observed_weekday_and_the_events_in_a_span()
    {
        var calendar = new SeriesCalendar(Us, [new CalendarEvent("fireworks", [new DateOnly(2021, 7, 4)], 1, 0)], []);
        var series = Grid(Utc.Date(2021, 6, 1), Frequency.Daily, 30);

        var marks = calendar.Marks(series, first: 31, end: 36);

        Assert.Equal(
            [("2021-07-03", "fireworks", CalendarMarkKind.Event), ("2021-07-04", "Independence Day", CalendarMarkKind.Holiday),
                ("2021-07-04", "fireworks", CalendarMarkKind.Event), ("2021-07-05", "Independence Day (observed)", CalendarMarkKind.Holiday)],
            marks.Select(m => (series.Format(m.Timestamp), m.Name, m.Kind)));
    }

    [Fact]
    public void A_monthly_series_counts_the_holidays_in_each_month_whether_it_labels_months_by_their_first_or_last_day()
    {
        var byFirst = Column(Holidays(Us), Grid(Utc.Date(2024, 1, 1), Frequency.Monthly, 12), "holiday");
        var byLast = Column(Holidays(Us), Grid(Utc.Date(2024, 1, 31), Frequency.Monthly, 12), "holiday");

        // New Year and Martin Luther King Day; none in March; Veterans Day and Thanksgiving; Christmas.
        Assert.Equal([2.0, 0, 2, 1], [byFirst["2024-01-01"], byFirst["2024-03-01"], byFirst["2024-11-01"], byFirst["2024-12-01"]]);
        Assert.Equal([2.0, 0, 2, 1], [byLast["2024-01-31"], byLast["2024-03-31"], byLast["2024-11-30"], byLast["2024-12-31"]]);
    }

    [Fact]
    public void A_weekly_series_counts_the_holidays_in_the_seven_days_from_each_timestamp()
    {
        var holiday = Column(Holidays(Us), Grid(Utc.Date(2024, 6, 24), Frequency.Weekly, 30), "holiday");

        Assert.Equal([0.0, 1, 0], [holiday["2024-06-24"], holiday["2024-07-01"], holiday["2024-07-08"]]);
        // Christmas on the 25th; New Year's Day in the week from 30 December.
        Assert.Equal([1.0, 1], [holiday["2024-12-23"], holiday["2024-12-30"]]);
    }

    [Fact]
    public void An_hourly_series_marks_every_hour_of_a_holiday_and_no_hour_of_the_day_after()
    {
        var series = Grid(Utc.Date(2024, 7, 4), Frequency.Hourly, 48);

        var holiday = Holidays(Us).Columns(series, series.Count).Single().Values;

        Assert.Equal([.. Enumerable.Repeat(1.0, 24), .. Enumerable.Repeat(0.0, 24)], holiday);
    }

    [Fact]
    public void A_region_adds_its_own_holidays_to_the_national_ones()
    {
        var series = Grid(Utc.Date(2024, 1, 1), Frequency.Daily, 10);

        var national = Column(Holidays(PublicHolidays.Resolve("DE", null)), series, "holiday");
        var bavaria = Column(Holidays(PublicHolidays.Resolve("de", "by")), series, "holiday");

        Assert.Equal((1.0, 0.0), (national["2024-01-01"], national["2024-01-06"]));
        Assert.Equal((1.0, 1.0), (bavaria["2024-01-01"], bavaria["2024-01-06"]));
    }

    [Fact]
    public void An_event_with_a_day_before_and_a_day_after_marks_three_days()
    {
        var promo = new CalendarEvent("promo", [new DateOnly(2024, 11, 29)], Before: 1, After: 1);

        var marked = Column(new SeriesCalendar(null, [promo], []), Grid(Utc.Date(2024, 11, 20), Frequency.Daily, 20), "event:promo");

        Assert.Equal(["2024-11-28", "2024-11-29", "2024-11-30"], marked.Where(p => p.Value == 1).Select(p => p.Key));
        Assert.Equal(3, marked.Values.Sum());
    }

    [Fact]
    public void The_day_of_the_week_is_three_fourier_pairs_that_repeat_weekly_and_tell_the_seven_days_apart()
    {
        var calendar = new SeriesCalendar(null, [], [CalendarFeature.DayOfWeek]);
        var series = Grid(Utc.Date(2024, 7, 1), Frequency.Daily, 14); // a Monday

        var columns = calendar.Columns(series, series.Count);

        Assert.Equal(["dayOfWeek:sin1", "dayOfWeek:cos1", "dayOfWeek:sin2", "dayOfWeek:cos2", "dayOfWeek:sin3", "dayOfWeek:cos3"], columns.Select(c => c.Name));
        Assert.Equal((0.0, 1.0), (columns[0].Values[0], columns[1].Values[0]));
        var days = Enumerable.Range(0, 14).Select(t => string.Join(',', columns.Select(c => Math.Round(c.Values[t], 9)))).ToArray();
        Assert.Equal(days[..7], days[7..]);
        Assert.Equal(7, days.Distinct().Count());
    }

    [Fact]
    public void The_hour_of_the_day_turns_a_quarter_cycle_in_six_hours()
    {
        var calendar = new SeriesCalendar(null, [], [CalendarFeature.HourOfDay]);

        var sin1 = Column(calendar, Grid(Utc.Date(2024, 7, 1), Frequency.Hourly, 24), "hourOfDay:sin1");

        Assert.Equal((0.0, 1.0), (sin1["2024-07-01T00:00:00Z"], Math.Round(sin1["2024-07-01T06:00:00Z"], 12)));
    }

    [Fact]
    public void The_columns_follow_the_uploaded_covariates_and_reach_as_far_past_the_end_as_asked()
    {
        var series = Grid(Utc.Date(2024, 1, 1), Frequency.Daily, 30);
        var uploaded = new Covariates([new Covariate("price", new double[30])]);

        var all = new SeriesCalendar(Us, [], [CalendarFeature.Month]).With(uploaded, series, knownFuture: 100);

        Assert.Equal(["price", "holiday", "month:sin1", "month:cos1", "month:sin2", "month:cos2", "month:sin3", "month:cos3"], all.Names);
        Assert.All(all.Columns.Skip(1), c => Assert.Equal(130, c.Values.Count));
    }

    [Fact]
    public void Every_country_the_library_has_resolves_and_a_region_where_holidays_are_national_is_refused()
    {
        Assert.Equal(39, PublicHolidays.CountryCodes.Count);
        Assert.Contains("GB", PublicHolidays.CountryCodes);
        Assert.Equal(["England", "Wales", "Scotland", "NorthernIreland"], PublicHolidays.RegionsOf("GB"));

        var refusal = Assert.Throws<DomainValidationException>(() => PublicHolidays.Resolve("US", "CA"));

        Assert.Equal("calendar.holidays.region", refusal.Field);
        Assert.Equal("calendar.holidays.country", Assert.Throws<DomainValidationException>(() => PublicHolidays.Resolve("UK", null)).Field);
    }
}
