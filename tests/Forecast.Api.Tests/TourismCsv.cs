using System.Globalization;

namespace Forecast.Api.Tests;

/// <summary>The first members of the tourism competition's quarterly set (data/tourism-quarterly.csv), as a long CSV and as values.</summary>
public static class TourismCsv
{
    private static readonly Lazy<string[]> Lines = new(() => File.ReadAllLines(ApiClient.DataFile("tourism-quarterly.csv")));

    public static IReadOnlyList<string> QuarterlyKeys(int members) =>
        Lines.Value.Skip(1).Select(line => line.Split(',')[0]).Distinct().Take(members).ToList();

    public static string Quarterly(int members)
    {
        var keys = QuarterlyKeys(members).ToHashSet();
        return string.Join('\n', Lines.Value.Take(1).Concat(Lines.Value.Skip(1).Where(line => keys.Contains(line.Split(',')[0])))) + "\n";
    }

    public static IReadOnlyList<double> QuarterlyValues(string key) =>
        Lines.Value.Skip(1).Select(line => line.Split(',')).Where(fields => fields[0] == key)
            .Select(fields => double.Parse(fields[2], CultureInfo.InvariantCulture)).ToList();
}
