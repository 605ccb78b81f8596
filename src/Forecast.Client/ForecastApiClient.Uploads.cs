using System.Globalization;
using System.Text;

namespace Forecast.Client;

/// <summary>
/// CSV uploads. The upload routes take JSON, CSV or a multipart form; the generated <see cref="CreateSeriesAsync"/> and
/// <see cref="CreateCollectionAsync"/> send JSON (their <c>file</c> argument is not sent), so CSV goes through these.
/// </summary>
public partial class ForecastApiClient
{
    /// <summary>Uploads a series from CSV: a date column and a value column, header optional.</summary>
    /// <param name="frequency">minutes1, minutes5, minutes10, minutes15, minutes30, hourly, daily, weekly, monthly, quarterly or yearly; inferred from the timestamps when null.</param>
    /// <param name="fillPolicy">What to do with missing periods: interpolate (the default), forwardFill or refuse.</param>
    public Task<SeriesResponse> UploadSeriesCsvAsync(
        Stream csv, string? name = null, string? frequency = null, string? fillPolicy = null, CancellationToken cancellationToken = default) =>
        PostCsvAsync<SeriesResponse>("api/series", csv, [("name", name), ("frequency", frequency), ("fillPolicy", fillPolicy)], cancellationToken);

    /// <summary>Uploads a collection from a long CSV with a header: a series key, a date and a value column (<c>series,date,value</c>).</summary>
    /// <param name="idColumn">The key column's name, where it is none of series, id, unique_id or key.</param>
    public Task<CollectionResponse> UploadCollectionCsvAsync(
        Stream csv, string? name = null, string? idColumn = null, string? frequency = null, string? fillPolicy = null,
        CancellationToken cancellationToken = default) =>
        PostCsvAsync<CollectionResponse>("api/collections", csv,
            [("name", name), ("idColumn", idColumn), ("frequency", frequency), ("fillPolicy", fillPolicy)], cancellationToken);

    private async Task<T> PostCsvAsync<T>(string path, Stream csv, (string Name, string? Value)[] query, CancellationToken cancellationToken)
    {
        var url = new StringBuilder(path);
        var separator = '?';
        foreach (var (parameter, value) in query.Where(q => q.Value is not null))
        {
            url.Append(CultureInfo.InvariantCulture, $"{separator}{parameter}={Uri.EscapeDataString(value!)}");
            separator = '&';
        }
        using var content = new StreamContent(csv);
        content.Headers.ContentType = MediaType("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url.ToString(), UriKind.Relative)) { Content = content };
        return await SendAsync<T>(request, cancellationToken).ConfigureAwait(false);
    }
}
