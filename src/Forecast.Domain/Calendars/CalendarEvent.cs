namespace Forecast.Domain.Calendars;

/// <summary>
/// A client's own dated event (a promotion, a sale, a local festival): its dates, and a window of days before and after
/// each that it marks too, since demand often moves ahead of an event and lingers after it.
/// </summary>
/// <param name="Before">Days before each date that are marked, from 0.</param>
/// <param name="After">Days after each date that are marked, from 0.</param>
public sealed record CalendarEvent(string Name, IReadOnlyList<DateOnly> Dates, int Before, int After)
{
    public const string ColumnPrefix = "event:";

    /// <summary>The name of the covariate that marks it.</summary>
    public string ColumnName => ColumnPrefix + Name;

    /// <summary>Every day the event marks: its dates with their windows.</summary>
    public IReadOnlySet<DateOnly> Days() =>
        Dates.SelectMany(date => Enumerable.Range(-Before, Before + After + 1).Select(date.AddDays)).ToHashSet();
}
