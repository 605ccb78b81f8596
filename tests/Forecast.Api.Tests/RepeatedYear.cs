using System.Globalization;

namespace Forecast.Api.Tests;

/// <summary>
/// The series seasonal naive fits exactly: one year of four quarters repeated, dated from 1979 as the tourism members are, so that
/// one can join their collection. Its in-sample seasonal-naive error is 0, so MASE has no scale on it.
/// </summary>
public static class RepeatedYear
{
    private static readonly double[] Quarters = [10, 20, 30, 15];

    /// <summary>The first quarter, as uploads write it.</summary>
    public const string Start = "1979-01-01";

    /// <summary><paramref name="count"/> quarters of the year, each value times <paramref name="level"/>.</summary>
    public static double[] Values(int count, double level = 1) => Enumerable.Range(0, count).Select(i => level * Quarters[i % 4]).ToArray();

    /// <summary>A member's rows of a long CSV (<c>series,date,value</c>, no header).</summary>
    public static string Rows(string key, int count, double level = 1) =>
        string.Concat(Values(count, level).Select((value, i) =>
            FormattableString.Invariant($"{key},{DateTime.Parse(Start, CultureInfo.InvariantCulture).AddMonths(3 * i):yyyy-MM-dd},{value}\n")));

    /// <summary>A long CSV of members that each repeat the year, at levels 1, 2, ...</summary>
    public static string Collection(int count, params string[] keys) =>
        "series,date,value\n" + string.Concat(keys.Select((key, k) => Rows(key, count, k + 1)));
}
