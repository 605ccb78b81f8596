using System.Globalization;

namespace Forecast.Domain.Tests.Seasonality;

/// <summary>
/// R's decompositions of data/reference/stl-r-decompositions.csv (made by the R script beside it): per case, each
/// component's column at every point; and the series they decompose, from data/.
/// </summary>
internal static class RDecompositions
{
    private static readonly Lazy<string[][]> Rows = new(() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "reference", "stl-r-decompositions.csv")).Skip(1)
            .Select(line => line.Split(',')).ToArray());

    private static readonly string[] Columns = ["case", "t", "seasonal", "seasonal7", "seasonal365", "trend", "remainder"];

    /// <summary>The column <paramref name="component"/> ("seasonal", "seasonal7", "trend", ...) of <paramref name="caseName"/>, in time order.</summary>
    public static double[] Component(string caseName, string component)
    {
        var column = Array.IndexOf(Columns, component);
        return Rows.Value.Where(r => r[0] == caseName).Select(r => double.Parse(r[column], CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The value column (the second) of a data set in data/.</summary>
    public static double[] Series(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", file)).Skip(1)
            .Select(line => double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
}
