using System.Globalization;
using System.Text.Json;

namespace Forecast.Training.Tests.Diagnostics;

/// <summary>The repository's data sets and statsmodels' reference numbers (data/), copied next to the test assembly.</summary>
internal static class RepositoryData
{
    public static readonly string[] DataSets =
        ["seattle-precipitation-daily.csv", "seattle-precipitation-monthly.csv", "nottem.csv", "airpassengers.csv"];

    private static readonly Lazy<JsonDocument> Reference = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "reference", "diagnostics-statsmodels.json"))));

    /// <summary>The value column of a <c>date,value</c> CSV with a header.</summary>
    public static double[] Series(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", file))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture))
            .ToArray();

    public static JsonElement ReferenceFor(string file) => Reference.Value.RootElement.GetProperty(file);
}
