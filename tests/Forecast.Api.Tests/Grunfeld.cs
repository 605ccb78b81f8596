using System.Globalization;

namespace Forecast.Api.Tests;

/// <summary>
/// The collection covariate tests' data: Grunfeld's investment of 11 firms, 1935-1954 (data/grunfeld-investment.csv), with
/// each firm's market value and capital stock as covariates, as issue 26 and the <c>arima-xreg</c> benchmark use it.
/// </summary>
public static class Grunfeld
{
    /// <summary>series, date, invest, value, capital of every firm and year, as the file has them.</summary>
    public static readonly string[][] Rows = [.. File.ReadLines(ApiClient.DataFile("grunfeld-investment.csv")).Skip(1).Select(line => line.Split(','))];

    public static IReadOnlyList<string> Firms => [.. Rows.Select(r => r[0]).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Column <paramref name="column"/> (2 invest, 3 value, 4 capital) of <paramref name="firm"/>, by year.</summary>
    public static double[] Column(string firm, int column) =>
        [.. Rows.Where(r => r[0] == firm).OrderBy(r => r[1], StringComparer.Ordinal).Select(r => double.Parse(r[column], CultureInfo.InvariantCulture))];

    /// <summary>
    /// A long CSV <c>series,date,value,market,capital</c>: investment is the value forecast, and the market value is renamed,
    /// since <c>value</c> names the target column. The last <paramref name="future"/> years of each firm have the covariates
    /// without the investment: their known future.
    /// </summary>
    public static string Csv(int future)
    {
        var last = Rows.Max(r => r[1])!;
        var cutoff = DateTime.Parse(last, CultureInfo.InvariantCulture).AddYears(-future).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return string.Join('\n', [
            "series,date,value,market,capital",
            .. Rows.Select(r => $"{r[0]},{r[1]},{(string.CompareOrdinal(r[1], cutoff) <= 0 ? r[2] : "")},{r[3]},{r[4]}"),
        ]);
    }

    /// <summary>
    /// The same as JSON: each firm's investment from 1935 but its last <paramref name="future"/> years, with its covariates
    /// as named arrays to 1954, those years their known future. Every other firm names them in the other order.
    /// </summary>
    public static object Json(int future) => new
    {
        name = "grunfeld-json",
        frequency = "yearly",
        series = Firms.Select((firm, i) => new
        {
            key = firm,
            start = "1935-01-01",
            values = Column(firm, 2)[..^future],
            covariates = i % 2 == 0
                ? new Dictionary<string, double[]> { ["market"] = Column(firm, 3), ["capital"] = Column(firm, 4) }
                : new Dictionary<string, double[]> { ["capital"] = Column(firm, 4), ["market"] = Column(firm, 3) },
        }),
    };

    /// <summary>An arima run on every firm with the benchmark's split: the last 4 years held out, m = 1.</summary>
    public static object Arima => new { method = "arima", testSize = 4, seasonalPeriod = 1 };

    /// <summary>A global lstm on every firm, small enough for a test: the last 4 years held out, m = 1.</summary>
    public static object TinyLstm => new { method = "lstm", testSize = 4, seasonalPeriod = 1, lookback = 3, hiddenSize = 4, epochs = 2, ensembleSize = 1 };
}
