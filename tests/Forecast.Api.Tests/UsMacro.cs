using System.Globalization;
using Forecast.Api.Contracts;

namespace Forecast.Api.Tests;

/// <summary>
/// The covariate tests' series: US real consumption (realcons) with real disposable income (realdpi) as its covariate,
/// quarterly 1959-01-01 to 2009-07-01 (data/us-macro-quarterly.csv), as issue 26 and the <c>arima-xreg</c> benchmark use it.
/// </summary>
public static class UsMacro
{
    /// <summary>date, realcons, realdpi of every quarter, oldest first.</summary>
    public static readonly (string Date, double Realcons, double Realdpi)[] Quarters = [.. File.ReadLines(ApiClient.DataFile("us-macro-quarterly.csv")).Skip(1)
        .Select(line => line.Split(','))
        .Select(f => (f[0], double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)))];

    public static double[] Realcons => [.. Quarters.Select(q => q.Realcons)];

    public static double[] Realdpi => [.. Quarters.Select(q => q.Realdpi)];

    /// <summary>A CSV <c>date,value,realdpi</c> whose last <paramref name="future"/> quarters have realdpi without realcons: its known future.</summary>
    public static string Csv(int future) => string.Join('\n', [
        "date,value,realdpi",
        .. Quarters.Select((q, i) => string.Create(CultureInfo.InvariantCulture, $"{q.Date},{(i < Quarters.Length - future ? q.Realcons : "")},{q.Realdpi}")),
    ]);

    /// <summary>A CSV <c>date,value,realdpi</c> of the <paramref name="quarters"/> with both values: what an append of them carries.</summary>
    public static string AppendCsv(Range quarters) => string.Join('\n', [
        "date,value,realdpi",
        .. Quarters[quarters].Select(q => string.Create(CultureInfo.InvariantCulture, $"{q.Date},{q.Realcons},{q.Realdpi}")),
    ]);

    /// <summary>Uploads <see cref="Csv"/> as a series.</summary>
    public static async Task<SeriesResponse> UploadAsync(HttpClient client, int future) =>
        await (await client.PostCsvAsync(Csv(future), $"?name=us-macro-{future}")).ReadAsync<SeriesResponse>();

    /// <summary>An arima run on it with the benchmark's split: the last 8 quarters held out, m = 4.</summary>
    public static object Arima => new { method = "arima", testSize = 8, seasonalPeriod = 4 };

    /// <summary>A tiny lstm run on it, differenced as the default would choose, with the same split.</summary>
    public static object TinyLstm => new
    {
        method = "lstm", testSize = 8, seasonalPeriod = 4, transform = "difference", lookback = 8, hiddenSize = 8, epochs = 5, ensembleSize = 1, seed = 1,
    };
}
