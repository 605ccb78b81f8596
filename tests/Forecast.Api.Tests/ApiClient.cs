using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Forecast.Api.Configuration;

namespace Forecast.Api.Tests;

/// <summary>Calls the API the way a client would and reads its JSON with the service's own settings.</summary>
public static class ApiClient
{
    public static readonly JsonSerializerOptions Json = CreateJsonOptions();

    public static string DataFile(string file) => Path.Combine(AppContext.BaseDirectory, "data", file);

    public static Task<HttpResponseMessage> PostCsvAsync(this HttpClient client, string csv, string query = "") =>
        client.PostAsync($"/api/series{query}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>Asserts a 4xx problem-details answer with the given status and returns its body.</summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Json);

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ConfigurationExtensions.ConfigureJson(options);
        options.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip;
        return options;
    }
}
