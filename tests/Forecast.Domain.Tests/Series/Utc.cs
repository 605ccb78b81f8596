using System.Globalization;

namespace Forecast.Domain.Tests;

/// <summary>The UTC timestamps Domain takes, written as the tests think of them.</summary>
internal static class Utc
{
    public static DateTime Date(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>An ISO 8601 date-time with its offset (converted to UTC), or a date (midnight UTC).</summary>
    public static DateTime Parse(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
