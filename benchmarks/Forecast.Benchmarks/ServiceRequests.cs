using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Forecast.Benchmarks;

/// <summary>The requests a benchmark's set-up makes of the service: a JSON answer, or an exception for any other status.</summary>
internal static class ServiceRequests
{
    public static HttpClient NewHttpClient(string api) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 100 }) { BaseAddress = new Uri(api), Timeout = TimeSpan.FromSeconds(30) };

    public static Task<JsonElement> GetAsync(HttpClient http, string url, string key) => SendAsync(http, new HttpRequestMessage(HttpMethod.Get, url), key);

    public static Task<JsonElement> PostAsync(HttpClient http, string url, HttpContent body, string key) =>
        SendAsync(http, new HttpRequestMessage(HttpMethod.Post, url) { Content = body }, key);

    /// <summary>A client key, created with the admin key.</summary>
    public static async Task<string> NewClientKeyAsync(HttpClient http, string adminKey, string name) =>
        (await PostAsync(http, "/api/keys", JsonContent.Create(new { name }), adminKey)).GetProperty("key").GetString()!;

    public static async Task<Guid> WaitForModelAsync(HttpClient http, Guid runId, string key)
    {
        while ((await GetAsync(http, $"/api/training-runs/{runId}", key)).GetProperty("modelId") is var model && model.ValueKind != JsonValueKind.String)
        {
            await Task.Delay(200);
        }
        return (await GetAsync(http, $"/api/training-runs/{runId}", key)).GetProperty("modelId").GetGuid();
    }

    /// <summary>A file of <c>data/</c> as a CSV body.</summary>
    public static StringContent Csv(string file) => new(string.Join('\n', RepositoryData.Lines(file)), Encoding.UTF8, "text/csv");

    private static async Task<JsonElement> SendAsync(HttpClient http, HttpRequestMessage request, string key)
    {
        using (request)
        {
            request.Headers.Add("X-Api-Key", key);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone() : throw new InvalidOperationException($"{request.RequestUri}: {text}");
        }
    }
}
