using System.Net;
using System.Net.Http.Headers;
using System.Text;
using static Forecast.Api.Tests.BadRequests.Requests;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>Series uploads: JSON that is malformed, mistyped or oversized, CSV bodies and files that are unreadable, and content types the service does not take.</summary>
public static class UploadCases
{
    private static readonly Lazy<string> MillionPoints = new(() =>
        $"{{\"name\":\"huge\",{Daily},\"values\":[{string.Join(',', Enumerable.Repeat("1.5", 1_000_000))}]}}");

    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        // JSON uploads: malformed, truncated, wrong shapes and types.
        new("malformed JSON", HttpStatusCode.BadRequest, "property name", _ => Upload("{\"name\": \"x\", values: [1, 2, 3]}")),
        new("truncated JSON", HttpStatusCode.BadRequest, "Path: $.values", _ => Upload("{\"name\":\"x\",\"values\":[1,2")),
        new("empty JSON body", HttpStatusCode.BadRequest, "JSON", _ => Upload("")),
        new("JSON null body", HttpStatusCode.BadRequest, "empty", _ => Upload("null")),
        new("JSON array instead of an object", HttpStatusCode.BadRequest, "must be an object", _ => Upload("[1,2,3]")),
        new("values as one string", HttpStatusCode.BadRequest, "values", _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":\"1,2,3\"}}")),
        new("name as a number", HttpStatusCode.BadRequest, "name", _ => Upload($"{{\"name\":5,{Daily},\"values\":[1,2,3]}}")),
        new("numbers as strings", HttpStatusCode.BadRequest, "values", _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[\"1\",\"2\",\"3\"]}}")),
        new("NaN literal", HttpStatusCode.BadRequest, "values", _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,NaN,3]}}")),
        new("Infinity literal", HttpStatusCode.BadRequest, "values", _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,Infinity,3]}}")),
        new("NaN as a string", HttpStatusCode.BadRequest, "values", _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,\"NaN\",3]}}")),
        new("a number beyond double", HttpStatusCode.BadRequest, "Infinity", _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,1e400,3]}}")),
        new("values whose statistics overflow", HttpStatusCode.BadRequest, "Limits:MaxAbsoluteValue", _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1.7e308,1.7e308,1.7e308]}}")),
        new("no values", HttpStatusCode.BadRequest, "values", _ => Upload($"{{\"name\":\"x\",{Daily}}}")),
        new("empty values", HttpStatusCode.BadRequest, "at least 3", _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[]}}")),
        new("no name", HttpStatusCode.BadRequest, "name", _ => Upload($"{{{Daily},\"values\":[1,2,3]}}")),
        new("a 201-character name", HttpStatusCode.BadRequest, "200 characters", _ => Upload($"{{\"name\":\"{new string('n', 201)}\",{Daily},\"values\":[1,2,3]}}")),
        new("a name with a NUL", HttpStatusCode.BadRequest, "control", _ => Upload($"{{\"name\":\"a\\u0000b\",{Daily},\"values\":[1,2,3]}}")),
        new("a name with a line break", HttpStatusCode.BadRequest, "control", _ => Upload($"{{\"name\":\"a\\nb\",{Daily},\"values\":[1,2,3]}}")),
        new("a name with a right-to-left override", HttpStatusCode.BadRequest, "bidirectional", _ => Upload($"{{\"name\":\"invoice\\u202Etxt.exe\",{Daily},\"values\":[1,2,3]}}")),
        new("a name with a bidirectional isolate", HttpStatusCode.BadRequest, "bidirectional", _ => Upload($"{{\"name\":\"a\\u2066b\",{Daily},\"values\":[1,2,3]}}")),
        new("a CSV's name with an escape character", HttpStatusCode.BadRequest, "control", _ => Csv("date,value\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n", "?name=a%1B%5B31mred")),
        new("a collection member's key with a right-to-left override", HttpStatusCode.BadRequest, "bidirectional",
            _ => Post("/api/collections?name=c", "series,date,value\nQ\u202E1,2024-01-01,1\nQ\u202E1,2024-01-02,2\nQ\u202E1,2024-01-03,3\n", "text/csv")),
        new("timestamps and start both", HttpStatusCode.BadRequest, "either timestamps or start", _ => Upload("{\"name\":\"x\",\"values\":[1,2,3],\"start\":\"2024-01-01\",\"timestamps\":[\"2024-01-01\",\"2024-01-02\",\"2024-01-03\"]}")),
        new("an impossible date", HttpStatusCode.BadRequest, "timestamps", _ => Upload("{\"name\":\"x\",\"values\":[1,2,3],\"timestamps\":[\"2024-01-01\",\"2024-13-01\",\"2024-01-03\"]}")),
        new("unknown frequency", HttpStatusCode.BadRequest, "frequency", _ => Upload("{\"name\":\"x\",\"values\":[1,2,3],\"start\":\"2024-01-01\",\"frequency\":\"fortnightly\"}")),
        new("frequency as a number", HttpStatusCode.BadRequest, "frequency", _ => Upload("{\"name\":\"x\",\"values\":[1,2,3],\"start\":\"2024-01-01\",\"frequency\":2}")),
        new("unknown fill policy", HttpStatusCode.BadRequest, "fillPolicy", _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,2,3],\"fillPolicy\":\"guess\"}}")),
        new("unknown property", HttpStatusCode.BadRequest, "colour", _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,2,3],\"colour\":\"red\"}}")),
        new("JSON nested 100 deep", HttpStatusCode.BadRequest, "must be an object", _ => Upload(new string('[', 100) + new string(']', 100))),
        new("timestamps out of order", HttpStatusCode.BadRequest, "increasing order", _ => Upload("{\"name\":\"x\",\"values\":[1,2,3],\"timestamps\":[\"2024-01-03\",\"2024-01-02\",\"2024-01-01\"]}")),
        new("a million-point series", HttpStatusCode.BadRequest, "200000", _ => Upload(MillionPoints.Value)),
        new("a 10,000-character query string", HttpStatusCode.RequestUriTooLong, "Limits:MaxRequestTargetLength",
            _ => Send(HttpMethod.Get, $"/api/series?page=1&x={new string('q', 10_000)}")),
        new("40 KB of headers", HttpStatusCode.RequestHeaderFieldsTooLarge, "Limits:MaxRequestHeadersBytes",
            _ => new HttpRequestMessage(HttpMethod.Get, "/api/series") { Headers = { { "X-Padding", new string('h', 40_000) } } }),
        new("a 50 MB body", HttpStatusCode.RequestEntityTooLarge, "Limits:MaxRequestBodyBytes", _ => Send(HttpMethod.Post, "/api/series",
            new ByteArrayContent(new byte[50 * 1024 * 1024]) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } })),

        // CSV bodies and files.
        new("empty CSV", HttpStatusCode.BadRequest, "empty", _ => Csv("")),
        new("blank lines only", HttpStatusCode.BadRequest, "empty", _ => Csv("\n\n\r\n\n")),
        new("binary bytes as CSV", HttpStatusCode.BadRequest, "line 1", _ => Send(HttpMethod.Post, "/api/series",
            new ByteArrayContent(Binary(4096)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } })),
        new("binary multipart file", HttpStatusCode.BadRequest, "line 1", _ => Multipart(Binary(4096))),
        new("empty multipart file", HttpStatusCode.BadRequest, "empty", _ => Multipart([])),
        new("multipart without a file field", HttpStatusCode.BadRequest, "'file'", _ => Multipart(Encoding.UTF8.GetBytes("2024-01-01,1\n"), field: "upload")),
        new("BOM with a word for a value", HttpStatusCode.BadRequest, "line 3", _ => Csv("\uFEFFdate,value\n2024-01-01,1\n2024-01-02,two\n2024-01-03,3\n")),
        new("semicolons with a decimal comma", HttpStatusCode.BadRequest, "'1,5'", _ => Csv("2024-01-01;1,5;x\n2024-01-02;2;5\n2024-01-03;2,5\n")),
        new("quotes around a word", HttpStatusCode.BadRequest, "line 2", _ => Csv("2024-01-01,\"1.5\"\n2024-01-02,\"n/a x\"\n2024-01-03,\"2\"\n")),
        new("an unterminated quote", HttpStatusCode.BadRequest, "line", _ => Csv("2024-01-01,\"1.5\n2024-01-02,2\n2024-01-03,3\n")),
        new("blank lines around a bad date", HttpStatusCode.BadRequest, "line 4", _ => Csv("\n2024-01-01,1\n\n2024-02-30,2\n\n2024-01-03,3\n")),
        new("missing value column", HttpStatusCode.BadRequest, "line 1", _ => Csv("date\n2024-01-01\n2024-01-02\n2024-01-03\n")),
        new("mixed date formats", HttpStatusCode.BadRequest, "line 2", _ => Csv("2024-01-01,1\n01/02/2024,2\n2024-01-03,3\n")),
        new("a line over the length limit", HttpStatusCode.BadRequest, "1000", _ => Csv($"2024-01-01,1\n2024-01-02,{new string('9', 2000)}\n2024-01-03,3\n")),
        new("NaN in CSV", HttpStatusCode.BadRequest, "line 2", _ => Csv("2024-01-01,1\n2024-01-02,NaN\n2024-01-03,3\n")),
        new("Infinity in CSV", HttpStatusCode.BadRequest, "line 2", _ => Csv("2024-01-01,1\n2024-01-02,Infinity\n2024-01-03,3\n")),
        new("a number beyond double in CSV", HttpStatusCode.BadRequest, "line 2", _ => Csv("2024-01-01,1\n2024-01-02,1e400\n2024-01-03,3\n")),
        new("a huge value in CSV", HttpStatusCode.BadRequest, "Value 2", _ => Csv("2024-01-01,1\n2024-01-02,-1e200\n2024-01-03,3\n")),
        new("gaps under the refuse policy", HttpStatusCode.UnprocessableEntity, "2024-01-03", _ => Csv("2024-01-01,1\n2024-01-02,2\n2024-01-04,3\n2024-01-05,4\n", "?fillPolicy=refuse")),
        new("unknown frequency in the query", HttpStatusCode.BadRequest, "frequency", _ => Csv("2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n", "?frequency=fortnightly")),
        new("frequency as a number in the query", HttpStatusCode.BadRequest, "frequency", _ => Csv("2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n", "?frequency=1")),
        new("unknown fill policy in the query", HttpStatusCode.BadRequest, "fillPolicy", _ => Csv("2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n", "?fillPolicy=sometimes")),

        // Content types.
        new("XML", HttpStatusCode.UnsupportedMediaType, "content type", _ => Upload("<series/>", "application/xml")),
        new("plain text", HttpStatusCode.UnsupportedMediaType, "content type", _ => Upload("2024-01-01,1", "text/plain")),
        new("no content type", HttpStatusCode.UnsupportedMediaType, "content type", _ => Send(HttpMethod.Post, "/api/series", new ByteArrayContent(Encoding.UTF8.GetBytes("2024-01-01,1\n")))),
        new("hyperparameters as CSV", HttpStatusCode.UnsupportedMediaType, "content type", t => Post($"/api/series/{t.SeriesId}/training-runs", "epochs,10", "text/csv")),
    ];
}
