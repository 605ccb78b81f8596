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
            "get /api/series/{id}/diagnostics", "post /api/series/{id}/training-runs",
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
        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty("TrainingRunRequest").GetProperty("properties");

        Assert.Equal(typeof(Contracts.TrainingRunRequest).GetProperties().Length, properties.EnumerateObject().Count());
        Assert.All(properties.EnumerateObject(), p =>
            Assert.False(string.IsNullOrWhiteSpace(p.Value.TryGetProperty("description", out var d) ? d.GetString() : null), $"{p.Name} has no description"));
        Assert.Contains("deseasonalize", properties.GetProperty("transform").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_root_serves_a_browser_the_web_page_without_a_key_under_a_policy_that_runs_no_inline_script()
    {
        using var browser = factory.ClientFor(null);
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        var response = await browser.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>").Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.Contains("src=", script, StringComparison.Ordinal));
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        foreach (var asset in new[] { "/app/main.js", "/css/site.css", "/lib/uplot/uPlot.esm.js" })
        {
            var file = await browser.GetAsync(asset);
            Assert.True(file.IsSuccessStatusCode, $"{asset}: {(int)file.StatusCode}");
            Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        }
        Assert.Equal("text/javascript", (await browser.GetAsync("/app/main.js")).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_root_answers_a_client_asking_for_json_with_the_index_of_the_open_links()
    {
        using var client = factory.ClientFor(null);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        var index = JsonDocument.Parse(await client.GetStringAsync("/")).RootElement;

        Assert.Equal("/swagger", index.GetProperty("links").GetProperty("swagger").GetString());
        Assert.Equal("/", index.GetProperty("links").GetProperty("page").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_query_parameter_the_documentation_uses()
    {
        var paths = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json")).RootElement.GetProperty("paths");
        var uses = Documentation.ShowingUrls().SelectMany(file => DocumentedQueries.In(Documentation.Read(file))).Distinct().ToList();

        Assert.Contains(uses, use => use.Path == "/api/series" && use.Parameter == "name");
        Assert.All(uses, use =>
        {
            var documented = paths.EnumerateObject()
                .Where(path => DocumentedQueries.Matches(path.Name, use.Path))
                .SelectMany(path => path.Value.EnumerateObject())
                .Where(operation => operation.Value.TryGetProperty("parameters", out _))
                .SelectMany(operation => operation.Value.GetProperty("parameters").EnumerateArray())
                .Where(p => p.GetProperty("in").GetString() == "query" && p.GetProperty("name").GetString() == use.Parameter)
                .ToList();
            Assert.True(documented.Count > 0, $"the documentation uses {use.Path}?{use.Parameter}=, which the OpenAPI document does not describe");
            Assert.All(documented, p => Assert.False(string.IsNullOrWhiteSpace(p.TryGetProperty("description", out var d) ? d.GetString() : null),
                $"{use.Path}?{use.Parameter}= has no description"));
        });
    }
}
