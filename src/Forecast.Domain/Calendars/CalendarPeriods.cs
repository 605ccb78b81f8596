using Forecast.Domain.Series;

namespace Forecast.Domain.Calendars;

/// <summary>
/// The days a period of a series covers, by which calendars count holidays and events in it. A sub-daily period lies
/// within the day of its timestamp (timestamps are read as local dates: a holiday is a day where the data was
/// recorded); a day is itself; a week is the seven days from its timestamp; a month, quarter or year is the calendar
/// months its timestamp labels: those starting with the timestamp's month, or ending with it when the timestamp is the
/// month's last day (month-end labels, 2024-03-31 for the first quarter).
/// </summary>
public static class CalendarPeriods
{
    public static (DateOnly First, DateOnly Last) DaysOf(Frequency frequency, DateTime timestamp)
    {
        var day = DateOnly.FromDateTime(timestamp);
        var months = frequency switch
        {
            Frequency.Monthly => 1,
            Frequency.Quarterly => 3,
            Frequency.Yearly => 12,
            _ => 0,
        };
        if (months == 0)
        {
            return (day, frequency == Frequency.Weekly ? day.AddDays(6) : day);
        }
        var monthStart = new DateOnly(day.Year, day.Month, 1);
        var labelsEnd = day.Day > 1 && day.Day == DateTime.DaysInMonth(day.Year, day.Month);
        var first = labelsEnd ? monthStart.AddMonths(1 - months) : monthStart;
        return (first, first.AddMonths(months).AddDays(-1));
    }
}
