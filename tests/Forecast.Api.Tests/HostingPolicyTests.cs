using System.Net;
using System.Text.Json;
using Forecast.Api.Apis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Api.Tests;

/// <summary>What the host shows the outside world: documentation, cross-origin access, errors.</summary>
public class HostingPolicyTests
{
    [Fact]
    public async Task Swagger_is_off_in_production_unless_enabled_and_describes_the_key_scheme()
    {
        using (var production = ForecastApiFactory.With(("environment", "Production"), ("Swagger:Enabled", "")))
        {
            await (await production.CreateClient().GetAsync("/swagger/v1/swagger.json")).ReadProblemAsync(HttpStatusCode.NotFound);
        }

        using var enabled = ForecastApiFactory.With(("environment", "Production"), ("Swagger:Enabled", "true"));
        var document = JsonDocument.Parse(await enabled.ClientFor(null).GetStringAsync("/swagger/v1/swagger.json")).RootElement;

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"),
            (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        Assert.True(document.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
    }

    [Fact]
    public async Task Where_swagger_is_off_the_openapi_document_is_still_served_at_its_stable_path_to_a_key()
    {
        using var production = ForecastApiFactory.With(("environment", "Production"), ("Swagger:Enabled", ""));

        await (await production.ClientFor(null).GetAsync(SwaggerExtensions.DocumentPath)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        var document = JsonDocument.Parse(await production.CreateClient().GetStringAsync(SwaggerExtensions.DocumentPath)).RootElement;

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/training-runs/{id}/events", out _));
    }

    [Fact]
    public async Task Where_swagger_is_off_the_root_answers_a_client_asking_for_json_an_index_of_the_open_links()
    {
        using var production = ForecastApiFactory.With(("environment", "Production"), ("Swagger:Enabled", ""));
        using var client = production.ClientFor(null);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        var response = await client.GetAsync("/");
        var index = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/health/ready", index.GetProperty("links").GetProperty("ready").GetString());
        Assert.False(index.GetProperty("links").TryGetProperty("swagger", out _));
        foreach (var link in index.GetProperty("links").EnumerateObject())
        {
            Assert.True((await client.GetAsync(link.Value.GetString())).IsSuccessStatusCode, $"{link.Name} does not answer without a key");
        }
        Assert.Contains("Swagger__Enabled=true", index.GetProperty("documentation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cors_answers_only_the_configured_origins()
    {
        using var factory = ForecastApiFactory.With(("Cors:Origins:0", "https://app.example.com"));
        using var client = factory.ClientFor(null);

        async Task<HttpResponseMessage> PreflightAsync(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/api/series");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "x-api-key,content-type");
            return await client.SendAsync(request);
        }

        var allowed = await PreflightAsync("https://app.example.com");
        Assert.Equal("https://app.example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("X-Api-Key", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.False((await PreflightAsync("https://evil.example.net")).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public void A_wildcard_origin_is_refused_at_start()
    {
        using var factory = ForecastApiFactory.With(("Cors:Origins:0", "*"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Cors:Origins", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_error_in_production_says_nothing_of_its_insides()
    {
        using var factory = ForecastApiFactory.With(("environment", "Production"));
        using var faulty = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new ThrowingEndpoint())));

        var response = await faulty.CreateClient().GetAsync(ThrowingEndpoint.Path);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("An unexpected error occurred", body, StringComparison.Ordinal);
        Assert.DoesNotContain(ThrowingEndpoint.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs", body, StringComparison.Ordinal);
    }

    /// <summary>A fault after the application's own pipeline, as a bug in a handler would be.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public const string Path = "/test-only/throws";
        public const string Secret = "/srv/forecast/internal/secret.db";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(Path, branch => branch.Run(_ => throw new InvalidOperationException($"Could not open {Secret}")));
        };
    }

    [Fact]
    public async Task Kestrel_lets_an_over_long_query_string_or_headers_reach_the_service_which_answers_with_problem_details()
    {
        using var host = ForecastApiFactory.OnLoopback();
        using var socket = new HttpClient { BaseAddress = host.ServerAddress };

        var longTarget = await socket.GetAsync($"/api/series?x={new string('q', 10_000)}");
        using var padded = new HttpRequestMessage(HttpMethod.Get, "/api/series") { Headers = { { "X-Padding", new string('h', 40_000) } } };
        var largeHeaders = await socket.SendAsync(padded);

        Assert.Contains("Limits:MaxRequestTargetLength", (await longTarget.ReadProblemAsync(HttpStatusCode.RequestUriTooLong)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Limits:MaxRequestHeadersBytes", (await largeHeaders.ReadProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_trickles_in_is_ended_with_408_and_an_endless_one_with_413_both_as_problem_details()
    {
        using var host = ForecastApiFactory.OnLoopback(
            ("Limits:MinRequestBodyBytesPerSecond", "100"), ("Limits:SlowBodyGracePeriod", "00:00:02"), ("Limits:MaxRequestBodyBytes", "65536"));

        var slow = await RawExchange.SendAsync(host.ServerAddress, "Content-Length: 1000", async body =>
        {
            for (var i = 0; i < 100; i++)
            {
                await body.WriteAsync("2024-01-01,1\n"u8.ToArray().AsMemory(0, 1));
                await Task.Delay(200);
            }
        });
        var endless = await RawExchange.SendAsync(host.ServerAddress, "Transfer-Encoding: chunked", async body =>
        {
            var chunk = System.Text.Encoding.ASCII.GetBytes($"1000\r\n{new string('9', 4096)}\r\n");
            for (var i = 0; i < 1000; i++)
            {
                await body.WriteAsync(chunk);
            }
        });

        Assert.StartsWith("HTTP/1.1 408", slow, StringComparison.Ordinal);
        Assert.Contains("Limits:MinRequestBodyBytesPerSecond", slow, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 413", endless, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", endless, StringComparison.Ordinal);
    }
}
