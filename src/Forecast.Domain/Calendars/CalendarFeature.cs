using Forecast.Domain.Series;

namespace Forecast.Domain.Calendars;

// A cycle of the calendar a series may regress on. (Not a doc comment: the OpenAPI document would repeat it at every use.)
public enum CalendarFeature
{
    DayOfWeek,
    HourOfDay,
    Month,
    WeekOfYear,
}

/// <summary>
/// Calendar features as numbers a regression can use: Fourier pairs (sin and cos of k times the cycle's angle, k from 1
/// to its harmonics). A cycle's position as one number (Monday 0 to Sunday 6) would make Sunday and Monday the furthest
/// apart, and a dummy per value costs a column each (23 for the hours); the pairs are smooth, wrap round, and with
/// three harmonics over the week's seven days span exactly what six dummies span.
/// </summary>
public static class CalendarFeatures
{
    /// <summary>The feature's name as clients write it, which its columns begin with.</summary>
    public static string Name(this CalendarFeature feature) => feature switch
    {
        CalendarFeature.DayOfWeek => "dayOfWeek",
        CalendarFeature.HourOfDay => "hourOfDay",
        CalendarFeature.Month => "month",
        _ => "weekOfYear",
    };

    /// <summary>
    /// Whether the feature varies within a series of <paramref name="frequency"/>: the day of the week needs a period of a day
    /// or less, the hour of the day a sub-daily one, the week of the year a week or less, the month a month or less.
    /// </summary>
    public static bool Suits(this CalendarFeature feature, Frequency frequency) => feature switch
    {
        CalendarFeature.DayOfWeek => frequency.IsSubDaily() || frequency == Frequency.Daily,
        CalendarFeature.HourOfDay => frequency.IsSubDaily(),
        CalendarFeature.WeekOfYear => frequency.FixedStep() is not null,
        _ => frequency is not (Frequency.Quarterly or Frequency.Yearly),
    };

    /// <summary>The frequencies the feature suits, for a message.</summary>
    public static string Suited(this CalendarFeature feature) => feature switch
    {
        CalendarFeature.DayOfWeek => "daily and sub-daily series",
        CalendarFeature.HourOfDay => "sub-daily series",
        CalendarFeature.WeekOfYear => "weekly, daily and sub-daily series",
        _ => "monthly, weekly, daily and sub-daily series",
    };

    /// <summary>
    /// How many Fourier pairs: three for the week (all its seven days allow), four for the day's hours, three for the
    /// months and weeks of the year, whose finer shape the model's own seasonal part can take.
    /// </summary>
    public static int Harmonics(this CalendarFeature feature) => feature == CalendarFeature.HourOfDay ? 4 : 3;

    public static IEnumerable<string> ColumnNames(this CalendarFeature feature) =>
        Enumerable.Range(1, feature.Harmonics()).SelectMany(k => new[] { $"{feature.Name()}:sin{k}", $"{feature.Name()}:cos{k}" });

    /// <summary>The feature's columns over <paramref name="timestamps"/>, in the order of <see cref="ColumnNames"/>.</summary>
    public static IEnumerable<double[]> Columns(this CalendarFeature feature, IReadOnlyList<DateTime> timestamps)
    {
        var angles = timestamps.Select(t => 2 * Math.PI * feature.Phase(t)).ToArray();
        for (var k = 1; k <= feature.Harmonics(); k++)
        {
            yield return [.. angles.Select(a => Math.Sin(k * a))];
            yield return [.. angles.Select(a => Math.Cos(k * a))];
        }
    }

    /// <summary>Where in its cycle <paramref name="timestamp"/> lies, from 0 (the cycle's start: Monday, midnight, January, ISO week 1) to 1.</summary>
    private static double Phase(this CalendarFeature feature, DateTime timestamp) => feature switch
    {
        CalendarFeature.DayOfWeek => ((int)timestamp.DayOfWeek + 6) % 7 / 7.0,
        CalendarFeature.HourOfDay => timestamp.TimeOfDay.TotalHours / 24,
        CalendarFeature.Month => (timestamp.Month - 1) / 12.0,
        _ => (System.Globalization.ISOWeek.GetWeekOfYear(timestamp) - 1) / (double)System.Globalization.ISOWeek.GetWeeksInYear(System.Globalization.ISOWeek.GetYear(timestamp)),
    };
}
