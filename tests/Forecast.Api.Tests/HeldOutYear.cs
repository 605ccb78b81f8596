using Forecast.Api.Contracts;

namespace Forecast.Api.Tests;

/// <summary>The growing series of the tests: airpassengers up to 1959-12, whose last year, 1960, arrives later as observations.</summary>
public static class HeldOutYear
{
    /// <summary>Every row of airpassengers.csv, <c>date,value</c>, without the header.</summary>
    public static readonly string[] Rows = File.ReadAllLines(ApiClient.DataFile("airpassengers.csv")).Skip(1).ToArray();

    /// <summary>1960's twelve rows.</summary>
    public static readonly string[] Withheld = Rows[^12..];

    public static double[] Values(string[] rows) => rows.Select(r => double.Parse(r.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Uploads the series up to 1959-12 (132 months).</summary>
    public static async Task<Guid> UploadAsync(HttpClient client)
    {
        var csv = string.Join('\n', ["date,value", .. Rows[..^12]]);
        return (await (await client.PostCsvAsync(csv, "?name=airpassengers-to-1959")).ReadAsync<SeriesResponse>()).Id;
    }

    /// <summary>Uploads the series up to 1959-12 and trains a tiny model on it (test tail 1959).</summary>
    public static async Task<(Guid Series, Guid Model)> TrainedAsync(HttpClient client)
    {
        var series = await UploadAsync(client);
        var run = await TrainingFlow.TrainAsync(client, series, TrainingFlow.Tiny(epochs: 3, transform: "log"));
        return (series, run.ModelId!.Value);
    }

    public static async Task<ObservationsResponse> AppendAsync(HttpClient client, Guid series, object body, string query = "") =>
        await (await client.PostJsonAsync($"/api/series/{series}/observations{query}", body)).ReadAsync<ObservationsResponse>();

    public static async Task<ForecastResponse> ForecastAsync(HttpClient client, Guid model, string query = "") =>
        await (await client.GetAsync($"/api/models/{model}/forecast?horizon=6&level=80{query}")).ReadAsync<ForecastResponse>();
}
