using System.Net.Http.Headers;
using System.Text.Json;

namespace Forecast.Client;

/// <summary>What the hand-written helpers share with the generated operations: the same HTTP client, JSON settings and errors.</summary>
public partial class ForecastApiClient
{
    private const string ProblemContentType = "application/problem+json";

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize<T>(body, JsonSerializerSettings)
            ?? throw new ForecastApiException("The response had no body.", (int)response.StatusCode, body, HeadersOf(response), null);
    }

    /// <exception cref="ForecastApiException{ProblemDetails}">The service refused the request with problem details, as it refuses every bad one.</exception>
    /// <exception cref="ForecastApiException">Any other unsuccessful answer.</exception>
    private async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentType?.MediaType == ProblemContentType
            && JsonSerializer.Deserialize<ProblemDetails>(body, JsonSerializerSettings) is { } problem)
        {
            throw new ForecastApiException<ProblemDetails>(problem.Detail ?? problem.Title ?? "The request was refused.", status, body, HeadersOf(response), problem, null);
        }
        throw new ForecastApiException($"The service answered {status}.", status, body, HeadersOf(response), null);
    }

    private static Dictionary<string, IEnumerable<string>> HeadersOf(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers).ToDictionary(header => header.Key, header => header.Value);

    private static MediaTypeHeaderValue MediaType(string name) => new(name);
}
