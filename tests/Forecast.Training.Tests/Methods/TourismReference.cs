using System.Globalization;
using CsvHelper;

namespace Forecast.Training.Tests.Methods;

/// <summary>
/// The tourism competition's series with their test tails cut off, and what R 4.2.2 with forecast 8.20 fitted and forecast on
/// each (data/reference/tourism-r-models.csv and tourism-r-forecasts.csv): the reference our methods are checked against.
/// </summary>
internal static class TourismReference
{
    /// <param name="History">Everything before the competition's test tail: what R fitted.</param>
    /// <param name="Actual">The test tail.</param>
    public sealed record Series(string Collection, string Key, int Period, double[] History, double[] Actual);

    /// <summary>One row of tourism-r-models.csv; null where R wrote NA.</summary>
    /// <param name="Ets">R's chosen form, such as ETS(M,Ad,M).</param>
    /// <param name="Arima">auto.arima's orders, such as ARIMA(3,0,2)(1,1,0)[12].</param>
    public sealed record RModel(
        string Key, int N, string Ets, double? Alpha, double? Beta, double? Gamma, double? Phi, double EtsAicc,
        string Arima, bool ArimaDrift, double ArimaAicc);

    private static readonly Lazy<IReadOnlyDictionary<string, Series>> AllSeries = new(LoadSeries);
    private static readonly Lazy<IReadOnlyDictionary<string, RModel>> AllModels = new(LoadModels);
    private static readonly Lazy<IReadOnlyDictionary<(string Key, string Method), double[]>> AllForecasts = new(LoadForecasts);

    /// <summary>A series by its key (M1..M366 monthly, Q1..Q427 quarterly).</summary>
    public static Series Get(string key) => AllSeries.Value[key];

    public static RModel ModelOf(string key) => AllModels.Value[key];

    /// <summary>R's point forecast of the test tail by <paramref name="method"/>: ets, arima, theta or comb.</summary>
    public static double[] ForecastOf(string key, string method) => AllForecasts.Value[(key, method)];

    private static Dictionary<string, Series> LoadSeries() =>
        new[] { ("tourism-monthly", 12, 24), ("tourism-quarterly", 4, 8) }
            .SelectMany(c => Rows(c.Item1 + ".csv", r => (Key: r.GetField(0)!, Value: r.GetField<double>(2)))
                .GroupBy(row => row.Key)
                .Select(g =>
                {
                    var values = g.Select(row => row.Value).ToArray();
                    return new Series(c.Item1, g.Key, c.Item2, values[..^c.Item3], values[^c.Item3..]);
                }))
            .ToDictionary(s => s.Key);

    private static Dictionary<string, RModel> LoadModels() =>
        Rows(Path.Combine("reference", "tourism-r-models.csv"), r => new RModel(
                r.GetField(1)!, r.GetField<int>(2), r.GetField(3)!, Optional(r, 4), Optional(r, 5), Optional(r, 6), Optional(r, 7),
                r.GetField<double>(8), r.GetField(9)!, r.GetField(10) == "TRUE", r.GetField<double>(11)))
            .ToDictionary(m => m.Key);

    private static Dictionary<(string Key, string Method), double[]> LoadForecasts() =>
        Rows(Path.Combine("reference", "tourism-r-forecasts.csv"), r => (Key: r.GetField(1)!, Method: r.GetField(2)!, Value: r.GetField<double>(4)))
            .GroupBy(row => (row.Key, row.Method))
            .ToDictionary(g => g.Key, g => g.Select(row => row.Value).ToArray());

    private static double? Optional(CsvReader row, int index) => row.GetField(index) is "NA" or null ? null : row.GetField<double>(index);

    /// <summary>The rows of a CSV file under data/, read after its header.</summary>
    internal static List<T> Rows<T>(string file, Func<CsvReader, T> read)
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "data", file));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<T>();
        while (csv.Read())
        {
            rows.Add(read(csv));
        }
        return rows;
    }
}
