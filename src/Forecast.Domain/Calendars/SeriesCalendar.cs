using Forecast.Domain.Series;

namespace Forecast.Domain.Calendars;

/// <summary>
/// A series' calendar: the public holidays it follows, its own events and the calendar features it regresses on. From
/// it come covariate columns for any period of the series' grid, so that, unlike uploaded ones, their known future never
/// runs out: <c>holiday</c> (how many days of the period are, or observe, a public holiday: 0 or 1 for a day or less, a
/// count for a week or a month), <c>event:{name}</c> per event (how many days of the period its dates and windows mark)
/// and Fourier pairs per feature (<c>dayOfWeek:sin1</c>, ...; see <see cref="CalendarFeatures"/>).
/// </summary>
public sealed record SeriesCalendar(HolidayRegion? Holidays, IReadOnlyList<CalendarEvent> Events, IReadOnlyList<CalendarFeature> Features)
{
    public const string HolidayColumn = "holiday";

    public static SeriesCalendar None { get; } = new(null, [], []);

    public bool IsEmpty => Holidays is null && Events.Count == 0 && Features.Count == 0;

    /// <summary>The names of the columns it generates, in the order it generates them.</summary>
    public IReadOnlyList<string> ColumnNames =>
        [.. Holidays is null ? [] : new[] { HolidayColumn }, .. Events.Select(e => e.ColumnName), .. Features.SelectMany(f => f.ColumnNames())];

    /// <summary>
    /// <paramref name="uploaded"/> with the calendar's columns after them, generated through <paramref name="knownFuture"/>
    /// periods past the series' end: far enough for every forecast, from any origin, that a service allows.
    /// </summary>
    /// <exception cref="UnprocessableException">Holidays the library does not know for a year of the span.</exception>
    public Covariates With(Covariates uploaded, RegularSeries series, int knownFuture) =>
        IsEmpty ? uploaded : new Covariates([.. uploaded.Columns, .. Columns(series, series.Count + knownFuture)]);

    /// <summary>The calendar's columns over the series' periods [0, <paramref name="end"/>).</summary>
    public IReadOnlyList<Covariate> Columns(RegularSeries series, int end)
    {
        var timestamps = Enumerable.Range(0, end).Select(series.TimestampAt).ToArray();
        var periods = timestamps.Select(t => CalendarPeriods.DaysOf(series.Frequency, t)).ToArray();
        var columns = new List<Covariate>();
        if (Holidays is not null)
        {
            columns.Add(new Covariate(HolidayColumn, DaysMarked(periods, PublicHolidays.Between(Holidays, periods[0].First, periods[^1].Last))));
        }
        columns.AddRange(Events.Select(e => new Covariate(e.ColumnName, DaysMarked(periods, e.Days()))));
        foreach (var feature in Features)
        {
            columns.AddRange(feature.ColumnNames().Zip(feature.Columns(timestamps), (name, values) => new Covariate(name, values)));
        }
        return columns;
    }

    /// <summary>
    /// The periods in [<paramref name="first"/>, <paramref name="end"/>) that the holiday and event columns mark (are
    /// not zero at), each with the name of what marks it: a holiday's, or an event's. A period two things mark has two.
    /// </summary>
    /// <exception cref="UnprocessableException">Holidays the library does not know for a year of the span.</exception>
    public IReadOnlyList<CalendarMark> Marks(RegularSeries series, int first, int end)
    {
        var periods = Enumerable.Range(first, end - first).Select(t => (Timestamp: series.TimestampAt(t), Days: CalendarPeriods.DaysOf(series.Frequency, series.TimestampAt(t)))).ToArray();
        if (periods.Length == 0)
        {
            return [];
        }
        var holidays = Holidays is null ? [] : PublicHolidays.Named(Holidays, periods[0].Days.First, periods[^1].Days.Last);
        var events = Events.Select(e => (e.Name, Days: e.Days())).ToArray();
        bool Within(DateOnly day, (DateOnly First, DateOnly Last) days) => day >= days.First && day <= days.Last;
        return [.. periods.SelectMany(p => holidays.Where(h => Within(h.Day, p.Days)).Select(h => h.Name).Distinct()
            .Select(name => new CalendarMark(p.Timestamp, name, CalendarMarkKind.Holiday))
            .Concat(events.Where(e => e.Days.Any(day => Within(day, p.Days))).Select(e => new CalendarMark(p.Timestamp, e.Name, CalendarMarkKind.Event))))];
    }

    /// <summary>How many days of each period are in <paramref name="marked"/>.</summary>
    private static double[] DaysMarked((DateOnly First, DateOnly Last)[] periods, IReadOnlySet<DateOnly> marked) =>
        [.. periods.Select(p => (double)Enumerable.Range(0, p.Last.DayNumber - p.First.DayNumber + 1).Count(d => marked.Contains(p.First.AddDays(d))))];
}
