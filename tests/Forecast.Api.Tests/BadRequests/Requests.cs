using System.Net.Http.Headers;
using System.Text;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>The requests the case tables build, each a line: a verb, a URL and a body.</summary>
public static class Requests
{
    /// <summary>A daily series' start and frequency, for JSON uploads that are bad in another part.</summary>
    public const string Daily = "\"start\":\"2024-01-01\",\"frequency\":\"daily\"";

    public static HttpRequestMessage Send(HttpMethod method, string url, HttpContent? content = null) => new(method, url) { Content = content };

    public static HttpRequestMessage Post(string url, string body, string contentType = "application/json") => Send(HttpMethod.Post, url, Body(body, contentType));

    public static HttpRequestMessage Put(string url, string body) => Send(HttpMethod.Put, url, Body(body, "application/json"));

    public static HttpRequestMessage Upload(string body, string contentType = "application/json") => Post("/api/series", body, contentType);

    public static HttpRequestMessage Csv(string csv, string query = "") => Post($"/api/series{query}", csv, "text/csv");

    public static HttpRequestMessage Multipart(byte[] file, string field = "file")
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(part, field, "upload.csv");
        return Send(HttpMethod.Post, "/api/series", form);
    }

    /// <summary>A training request with this body for the targets' series.</summary>
    public static Func<BadRequestTargets, HttpRequestMessage> Train(string body) => t => Post($"/api/series/{t.SeriesId}/training-runs", body);

    public static Func<BadRequestTargets, HttpRequestMessage> Get(Func<BadRequestTargets, string> url) => t => Send(HttpMethod.Get, url(t));

    public static Func<BadRequestTargets, HttpRequestMessage> Delete(Func<BadRequestTargets, string> url) => t => Send(HttpMethod.Delete, url(t));

    public static HttpRequestMessage WithHeader(this HttpRequestMessage request, string name, string value)
    {
        request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    public static byte[] Binary(int length)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    private static StringContent Body(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
