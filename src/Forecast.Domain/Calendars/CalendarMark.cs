namespace Forecast.Domain.Calendars;

/// <summary>What marks a period in a calendar's columns: a public holiday (the holiday column) or an event (its own).</summary>
public enum CalendarMarkKind
{
    Holiday,
    Event,
}

/// <summary>A period a calendar marks, with the name of the holiday or event that marks it, for people to read.</summary>
public sealed record CalendarMark(DateTime Timestamp, string Name, CalendarMarkKind Kind);
