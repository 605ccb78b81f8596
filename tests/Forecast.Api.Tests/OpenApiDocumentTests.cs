using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Forecast.Api.Apis;

namespace Forecast.Api.Tests;

/// <summary>docs/openapi.json, which the typed client is generated from and the lint reads, against the service itself.</summary>
public class OpenApiDocumentTests(ForecastApiFactory factory) : IClassFixture<ForecastApiFactory>
{
    public const string RegenerateCommand = "dotnet build src/Forecast.Api -t:OpenApiDocument";

    private static readonly string CommittedFile = Path.Combine(Repository.Root, "docs", "openapi.json");

    [Fact]
    public async Task The_committed_document_is_the_one_the_service_serves()
    {
        var served = JsonNode.Parse(await factory.CreateClient().GetStringAsync(SwaggerExtensions.DocumentPath));
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(CommittedFile));

        Assert.True(JsonNode.DeepEquals(served, committed),
            $"docs/openapi.json is not the document the service serves at {SwaggerExtensions.DocumentPath} (they first differ at {FirstDifference(served, committed, "#")}). "
            + $"Regenerate it with `{RegenerateCommand}` and commit it.");
    }

    [Fact]
    public async Task Every_tag_is_described_and_the_events_stream_is_in_it()
    {
        var document = await ServedAsync();

        Assert.All(document["tags"]!.AsArray(), tag => Assert.False(string.IsNullOrWhiteSpace((string?)tag!["description"]), $"tag {tag!["name"]} has no description"));
        Assert.NotNull(document["paths"]!["/api/training-runs/{id}/events"]!["get"]);
    }

    /// <summary>Each operation's declared 401 is the service's real answer to a request without a key, and each declared 403 its answer to a client key.</summary>
    [Fact]
    public async Task The_declared_401_and_403_are_what_the_service_answers()
    {
        var document = await ServedAsync();
        using var anonymous = factory.ClientFor(null);
        using var client = factory.ClientFor((await factory.CreateKeyAsync("openapi")).Key);

        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Path: path.Key, Method: operation.Key, Responses: operation.Value!["responses"]!.AsObject())))
            .ToList();
        Assert.All(operations, operation => Assert.True(operation.Responses.ContainsKey("401"), $"{operation.Method} {operation.Path} declares no 401"));
        foreach (var (path, method, responses) in operations)
        {
            // A GUID fits every path parameter: ids, and the keys and names that take any text.
            var url = Regex.Replace(path, "{[^}]+}", _ => Guid.NewGuid().ToString());
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), url))).StatusCode);
            if (responses.ContainsKey("403"))
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url))).StatusCode);
                Assert.False(responses.ContainsKey("429"), $"{method} {path} is for the admin key, which is not rate limited");
            }
            else
            {
                Assert.True(responses.ContainsKey("429"), $"{method} {path} takes client keys, which are rate limited, and declares no 429");
            }
        }
    }

    private async Task<JsonNode> ServedAsync() =>
        JsonNode.Parse(await factory.CreateClient().GetStringAsync(SwaggerExtensions.DocumentPath))!;

    /// <summary>The JSON pointer of the first place two documents differ, to say where to look; null where they do not.</summary>
    private static string? FirstDifference(JsonNode? a, JsonNode? b, string at) => JsonNode.DeepEquals(a, b) ? null : (a, b) switch
    {
        (JsonObject x, JsonObject y) => x.Select(p => p.Key).Union(y.Select(p => p.Key))
            .Select(key => FirstDifference(x[key], y[key], $"{at}/{key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}"))
            .FirstOrDefault(found => found is not null) ?? at,
        (JsonArray x, JsonArray y) when x.Count == y.Count => Enumerable.Range(0, x.Count)
            .Select(i => FirstDifference(x[i], y[i], $"{at}/{i}"))
            .FirstOrDefault(found => found is not null) ?? at,
        _ => at,
    };
}
