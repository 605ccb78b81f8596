using System.Net;
using System.Text.Json;

namespace Forecast.Api.Tests;

public class HostingTests(ForecastApiFactory factory) : IClassFixture<ForecastApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy(string path)
    {
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Swagger_documents_every_endpoint_with_a_summary()
    {
        var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var paths = document.GetProperty("paths");

        string[] expected =
        [
            "post /api/series", "get /api/series", "get /api/series/{id}", "delete /api/series/{id}",
            "get /api/series/{id}/diagnostics", "post /api/series/{seriesId}/training-runs",
            "get /api/training-runs/{id}", "get /api/training-runs/{id}/loss-curve", "post /api/training-runs/{id}/cancel",
            "get /api/models/{id}", "delete /api/models/{id}", "get /api/models/{id}/evaluation",
            "get /api/models/{id}/forecast", "get /api/models/{id}/residual-diagnostics",
        ];
        foreach (var route in expected)
        {
            var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]);
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not documented");
            Assert.True(item.TryGetProperty(method, out var operation), $"{route} is not documented");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{route} has no summary");
        }
        Assert.True((await client.GetAsync("/swagger/index.html")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Swagger_describes_every_hyperparameter_a_client_may_send()
    {
        var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty("HyperparameterRequest").GetProperty("properties");

        Assert.Equal(14, properties.EnumerateObject().Count());
        Assert.All(properties.EnumerateObject(), p =>
            Assert.False(string.IsNullOrWhiteSpace(p.Value.TryGetProperty("description", out var d) ? d.GetString() : null), $"{p.Name} has no description"));
        Assert.Contains("deseasonalize", properties.GetProperty("transform").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
