using System.Globalization;

namespace Forecast.Domain.Tests.Evaluation;

/// <summary>
/// The tourism competition's series (data/tourism-monthly.csv, data/tourism-quarterly.csv, long format
/// series,date,value) split into training part and test tail, and R's scores on those tails
/// (data/reference/tourism-r-forecast.csv).
/// </summary>
internal static class TourismData
{
    public sealed record Series(string Key, double[] History, double[] Actual);

    /// <summary>One row of the reference file: R's MASE and sMAPE of <paramref name="Method"/> on one series' tail.</summary>
    public sealed record RScore(string Series, string Method, int Horizon, int Period, int Length, double Mase, double Smape);

    public sealed record Collection(string Name, int Period, int Horizon, IReadOnlyList<Series> Members);

    /// <summary>The collection named as in the reference file ("tourism-monthly" or "tourism-quarterly"), each series in file order.</summary>
    public static Collection Load(string name)
    {
        var (period, horizon) = name switch
        {
            "tourism-monthly" => (12, 24),
            "tourism-quarterly" => (4, 8),
            _ => throw new ArgumentException($"No tourism collection is called {name}.", nameof(name)),
        };
        var members = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", name + ".csv")).Skip(1)
            .Select(line => line.Split(','))
            .GroupBy(f => f[0])
            .Select(g =>
            {
                var values = g.Select(f => Parse(f[2])).ToArray();
                return new Series(g.Key, values[..^horizon], values[^horizon..]);
            })
            .ToList();
        return new Collection(name, period, horizon, members);
    }

    /// <summary>R's scores for one method on every series of the collection, by series key.</summary>
    public static IReadOnlyDictionary<string, RScore> RScores(string collection, string method) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "reference", "tourism-r-forecast.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f[0] == collection && f[2] == method)
            .Select(f => new RScore(f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture),
                int.Parse(f[5], CultureInfo.InvariantCulture), Parse(f[6]), Parse(f[7])))
            .ToDictionary(s => s.Series);

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
