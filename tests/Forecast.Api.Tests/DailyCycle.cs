using System.Globalization;
using System.Text;

namespace Forecast.Api.Tests;

/// <summary>
/// The sub-daily series of the tests: a clean daily cycle (one peak a day) on a slow trend, sampled every <c>step</c> and written as a
/// CSV with local timestamps in +01:00, as a logger in Central Europe would write them, so every upload converts offsets.
/// </summary>
public static class DailyCycle
{
    /// <summary>Local midnight of 2024-01-01 in +01:00: 2023-12-31T23:00:00Z.</summary>
    public static readonly DateTimeOffset LocalStart = new(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(1));

    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    // The slow trend keeps seasonal naive's in-sample error above zero: on a perfect cycle every MASE would be infinite.
    public static double ValueAt(DateTimeOffset time) =>
        100 + 0.05 * (time - LocalStart).TotalHours + 20 * Math.Sin(2 * Math.PI * time.TimeOfDay.TotalHours / 24);

    /// <summary>The local timestamps of <paramref name="count"/> periods of <paramref name="step"/> from <see cref="LocalStart"/>.</summary>
    public static IEnumerable<DateTimeOffset> Times(TimeSpan step, int count, int from = 0) =>
        Enumerable.Range(from, count).Select(i => LocalStart + i * step);

    /// <summary>ISO 8601 with the offset, as uploads write it.</summary>
    public static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The UTC date-time answers write for a sub-daily series.</summary>
    public static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A <c>timestamp,value</c> CSV of the cycle.</summary>
    public static string Csv(TimeSpan step, int count, int from = 0) => Rows("timestamp,value", Times(step, count, from), t => $"{Iso(t)},{Value(ValueAt(t))}");

    /// <summary>A long <c>series,timestamp,value</c> CSV: one member per key, the cycle scaled by each key's position.</summary>
    public static string CollectionCsv(TimeSpan step, int count, params string[] keys) =>
        Rows("series,timestamp,value", keys.SelectMany((key, k) => Times(step, count).Select(t => (key, k, t))),
            row => $"{row.key},{Iso(row.t)},{Value((row.k + 1) * ValueAt(row.t))}");

    public static double[] Values(TimeSpan step, int count, int from = 0) => Times(step, count, from).Select(ValueAt).ToArray();

    private static string Value(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Rows<T>(string header, IEnumerable<T> rows, Func<T, string> line)
    {
        var csv = new StringBuilder(header).Append('\n');
        foreach (var row in rows)
        {
            csv.Append(line(row)).Append('\n');
        }
        return csv.ToString();
    }
}
