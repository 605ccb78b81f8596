namespace Forecast.Api.Tests;

/// <summary>
/// The tests' hourly series with two seasons (issue #26): weeks by the hour from Monday 2024-01-01, a daily cycle, 30 more at
/// weekends and a slow trend. Four weeks leave three whole weeks before a test tail, as a week's season needs.
/// </summary>
public static class HourlyWeeks
{
    public static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static double ValueAt(DateTime time) =>
        100 + 0.01 * (time - Start).TotalHours + 20 * Math.Sin(2 * Math.PI * time.Hour / 24)
        + (time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 30 : 0);

    /// <summary>A <c>timestamp,value</c> CSV of <paramref name="weeks"/> weeks.</summary>
    public static string Csv(int weeks) =>
        "timestamp,value\n" + string.Concat(Enumerable.Range(0, weeks * 168).Select(h => Start.AddHours(h)).Select(t =>
            FormattableString.Invariant($"{t:yyyy-MM-dd'T'HH:mm:ss'Z'},{ValueAt(t):R}\n")));
}
