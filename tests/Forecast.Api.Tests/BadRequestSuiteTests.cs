using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Forecast.Api.Contracts;
using Forecast.Api.Security;
using Forecast.Domain.Runs;

namespace Forecast.Api.Tests;

/// <summary>
/// One host with what bad requests aim at: a client key's series with a trained model and a finished run,
/// a longer series for the memory ceiling, a revoked key. Every case runs against it.
/// </summary>
public sealed class BadRequestTargets : IAsyncLifetime
{
    // Many cases are training submissions, all from one key within a minute: more than the default allows.
    public ForecastApiFactory Factory { get; } = ForecastApiFactory.With(("Limits:TrainingRunsPerMinute", "1000"));
    public HttpClient Anonymous { get; private set; } = null!;
    public string ClientKey { get; private set; } = "";
    public string RevokedKey { get; private set; } = "";
    public Guid SeriesId { get; private set; }
    public Guid LongSeriesId { get; private set; }
    public Guid RunId { get; private set; }
    public Guid ModelId { get; private set; }

    public async Task InitializeAsync()
    {
        Anonymous = Factory.ClientFor(null);
        ClientKey = (await Factory.CreateKeyAsync("bad-input-client")).Key;
        var revoked = await Factory.CreateKeyAsync("revoked");
        RevokedKey = revoked.Key;
        using var admin = Factory.CreateClient();
        await admin.DeleteAsync($"/api/keys/{revoked.Id}");

        using var client = Factory.ClientFor(ClientKey);
        SeriesId = (await TrainingFlow.UploadAsync(client, "airpassengers.csv")).Id;
        LongSeriesId = (await (await client.PostJsonAsync("/api/series", new
        {
            name = "long", start = "2010-01-01", frequency = "daily",
            values = Enumerable.Range(0, 3000).Select(i => 100 + 10 * Math.Sin(i / 7.0)).ToArray(),
        })).ReadAsync<SeriesResponse>()).Id;
        var run = await TrainingFlow.WaitUntilFinishedAsync(client,
            (await TrainingFlow.StartAsync(client, SeriesId, TrainingFlow.Tiny(epochs: 2, transform: "none"))).Id);
        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.Error);
        (RunId, ModelId) = (run.Id, run.ModelId!.Value);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>Who sends a bad request.</summary>
public enum Sender
{
    Client,
    NoKey,
    WrongKey,
    RevokedKey,
}

/// <param name="Mentions">A fragment the problem's detail must contain (case-insensitive), so the answer is known to name the fault.</param>
public sealed record BadRequest(string Name, HttpStatusCode Status, string Mentions, Func<BadRequestTargets, HttpRequestMessage> Build, Sender Sender = Sender.Client);

/// <summary>
/// Malformed, mistyped, oversized, absurd and unauthorised requests against the real host (real SQLite, real
/// Hangfire). Each must get a 4xx problem-details answer naming the fault, and leave every table as it was.
/// Several things the issue lists are valid input for our CSV reader: a BOM, semicolons, quotes and blank
/// lines are accepted (SeriesApiTests.A_headerless_semicolon_csv_with_a_bom_and_quotes_is_read shows it), so
/// here each appears in a file that is bad for another reason, which the answer must still name.
/// </summary>
public class BadRequestSuiteTests(BadRequestTargets targets) : IClassFixture<BadRequestTargets>
{
    private const string Daily = "\"start\":\"2024-01-01\",\"frequency\":\"daily\"";

    private static readonly Lazy<string> MillionPoints = new(() =>
        $"{{\"name\":\"huge\",{Daily},\"values\":[{string.Join(',', Enumerable.Repeat("1.5", 1_000_000))}]}}");

    private static HttpRequestMessage Send(HttpMethod method, string url, HttpContent? content = null) => new(method, url) { Content = content };

    private static HttpRequestMessage Post(string url, string body, string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return Send(HttpMethod.Post, url, content);
    }

    private static HttpRequestMessage Upload(string body, string contentType = "application/json") => Post("/api/series", body, contentType);

    private static HttpRequestMessage Csv(string csv, string query = "") => Post($"/api/series{query}", csv, "text/csv");

    private static HttpRequestMessage Multipart(byte[] file, string field = "file")
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(part, field, "upload.csv");
        return Send(HttpMethod.Post, "/api/series", form);
    }

    private static Func<BadRequestTargets, HttpRequestMessage> Train(string body) =>
        t => Post($"/api/series/{t.SeriesId}/training-runs", body);

    private static Func<BadRequestTargets, HttpRequestMessage> Get(Func<BadRequestTargets, string> url) => t => Send(HttpMethod.Get, url(t));

    private static byte[] Binary(int length)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        // JSON uploads: malformed, truncated, wrong shapes and types.
        new("malformed JSON", HttpStatusCode.BadRequest, "property name", _ => Upload("{\"name\": \"x\", values: [1, 2, 3]}")),
        new("truncated JSON", HttpStatusCode.BadRequest, "Path: $.values", _ => Upload("{\"name\":\"x\",\"values\":[1,2")),
        new("empty JSON body", HttpStatusCode.BadRequest, "JSON", _ => Upload("")),
        new("JSON null body", HttpStatusCode.BadRequest, "empty", _ => Upload("null")),
        new("JSON array instead of an object", HttpStatusCode.BadRequest, "JSON", _ => Upload("[1,2,3]")),
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
        new("JSON nested 100 deep", HttpStatusCode.BadRequest, "could not be converted", _ => Upload(new string('[', 100) + new string(']', 100))),
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

        // Hyperparameters: types, bounds, absurd sizes and costs.
        new("malformed hyperparameters", HttpStatusCode.BadRequest, "JSON", Train("{\"epochs\": }")),
        new("epochs as a string", HttpStatusCode.BadRequest, "epochs", Train("{\"epochs\":\"10\"}")),
        new("epochs as a fraction", HttpStatusCode.BadRequest, "epochs", Train("{\"epochs\":1.5}")),
        new("epochs beyond int", HttpStatusCode.BadRequest, "epochs", Train("{\"epochs\":2147483648}")),
        new("zero epochs", HttpStatusCode.BadRequest, "epochs", Train("{\"epochs\":0}")),
        new("negative epochs", HttpStatusCode.BadRequest, "epochs", Train("{\"epochs\":-5}")),
        new("a billion epochs", HttpStatusCode.BadRequest, "epochs", Train("{\"epochs\":1000000000}")),
        new("a huge hidden size", HttpStatusCode.BadRequest, "hiddenSize", Train("{\"hiddenSize\":100000}")),
        new("no layers", HttpStatusCode.BadRequest, "layers", Train("{\"layers\":0}")),
        new("dropout over 1", HttpStatusCode.BadRequest, "dropout", Train("{\"dropout\":1.5}")),
        new("NaN learning rate", HttpStatusCode.BadRequest, "learningRate", Train("{\"learningRate\":NaN}")),
        new("zero learning rate", HttpStatusCode.BadRequest, "learningRate", Train("{\"learningRate\":0}")),
        new("negative validation fraction", HttpStatusCode.BadRequest, "validationFraction", Train("{\"validationFraction\":-0.1}")),
        new("a lookback longer than the series", HttpStatusCode.UnprocessableEntity, "lookback", Train("{\"lookback\":500}")),
        new("a test tail of most of the series", HttpStatusCode.UnprocessableEntity, "testSize", Train("{\"testSize\":100}")),
        new("an unknown transform", HttpStatusCode.BadRequest, "transform", Train("{\"transform\":\"sqrt\"}")),
        new("a zero seasonal period", HttpStatusCode.BadRequest, "seasonalPeriod", Train("{\"seasonalPeriod\":0}")),
        new("a misspelt hyperparameter", HttpStatusCode.BadRequest, "epoch", Train("{\"epoch\":10}")),
        new("a run over the cost ceiling", HttpStatusCode.UnprocessableEntity, "Limits:MaxRunCost", Train("{\"epochs\":10000,\"hiddenSize\":512,\"layers\":4}")),
        new("a batch over the memory ceiling", HttpStatusCode.UnprocessableEntity, "Limits:MaxBatchActivations",
            t => Post($"/api/series/{t.LongSeriesId}/training-runs", "{\"epochs\":1,\"hiddenSize\":512,\"lookback\":120,\"transform\":\"none\"}")),
        new("training an unknown series", HttpStatusCode.NotFound, "not found", _ => Post($"/api/series/{Guid.NewGuid()}/training-runs", "{}")),

        // Query strings.
        new("horizon 0", HttpStatusCode.BadRequest, "horizon", Get(t => $"/api/models/{t.ModelId}/forecast?horizon=0")),
        new("negative horizon", HttpStatusCode.BadRequest, "horizon", Get(t => $"/api/models/{t.ModelId}/forecast?horizon=-5")),
        new("a million-step horizon", HttpStatusCode.BadRequest, "horizon", Get(t => $"/api/models/{t.ModelId}/forecast?horizon=1000000")),
        new("horizon as a word", HttpStatusCode.BadRequest, "horizon", Get(t => $"/api/models/{t.ModelId}/forecast?horizon=twelve")),
        new("horizon beyond int", HttpStatusCode.BadRequest, "horizon", Get(t => $"/api/models/{t.ModelId}/forecast?horizon=99999999999")),
        new("level below 50", HttpStatusCode.BadRequest, "level", Get(t => $"/api/models/{t.ModelId}/forecast?level=40")),
        new("level 100", HttpStatusCode.BadRequest, "level", Get(t => $"/api/models/{t.ModelId}/forecast?level=100")),
        new("level NaN", HttpStatusCode.BadRequest, "level", Get(t => $"/api/models/{t.ModelId}/forecast?level=NaN")),
        new("level as a word", HttpStatusCode.BadRequest, "level", Get(t => $"/api/models/{t.ModelId}/forecast?level=high")),
        new("six levels", HttpStatusCode.BadRequest, "level", Get(t => $"/api/models/{t.ModelId}/forecast?level=60&level=70&level=80&level=90&level=95&level=99")),
        new("a level twice", HttpStatusCode.BadRequest, "level", Get(t => $"/api/models/{t.ModelId}/forecast?level=80&level=80")),
        new("page 0", HttpStatusCode.BadRequest, "page", Get(_ => "/api/series?page=0")),
        new("negative page", HttpStatusCode.BadRequest, "page", Get(_ => "/api/series?page=-1")),
        new("page as a word", HttpStatusCode.BadRequest, "page", Get(_ => "/api/series?page=first")),
        new("page beyond int", HttpStatusCode.BadRequest, "page", Get(_ => "/api/series?page=99999999999")),
        new("page size 0", HttpStatusCode.BadRequest, "pageSize", Get(_ => "/api/series?pageSize=0")),
        new("a huge page size", HttpStatusCode.BadRequest, "pageSize", Get(_ => "/api/series?pageSize=100000")),
        new("lag 0", HttpStatusCode.BadRequest, "lag", Get(t => $"/api/series/{t.SeriesId}/diagnostics?lags=0")),
        new("a lag longer than the series", HttpStatusCode.BadRequest, "lag", Get(t => $"/api/series/{t.SeriesId}/diagnostics?lags=100000")),
        new("lags as a word", HttpStatusCode.BadRequest, "lags", Get(t => $"/api/series/{t.SeriesId}/diagnostics?lags=ten")),
        new("nlags over the limit", HttpStatusCode.BadRequest, "nlags", Get(t => $"/api/series/{t.SeriesId}/diagnostics?nlags=5000")),
        new("alpha 2", HttpStatusCode.BadRequest, "alpha", Get(t => $"/api/series/{t.SeriesId}/diagnostics?alpha=2")),
        new("residual alpha 0", HttpStatusCode.BadRequest, "alpha", Get(t => $"/api/models/{t.ModelId}/residual-diagnostics?alpha=0")),

        // Ids, methods, state.
        new("a malformed id", HttpStatusCode.NotFound, "Nothing is served", Get(_ => "/api/series/not-a-guid")),
        new("an unknown model", HttpStatusCode.NotFound, "not found", Get(_ => $"/api/models/{Guid.NewGuid()}")),
        new("an unknown run's loss curve", HttpStatusCode.NotFound, "not found", Get(_ => $"/api/training-runs/{Guid.NewGuid()}/loss-curve")),
        new("PUT on series", HttpStatusCode.MethodNotAllowed, "method", _ => Send(HttpMethod.Put, "/api/series", new StringContent("{}"))),
        new("PATCH on a run", HttpStatusCode.MethodNotAllowed, "method", t => Send(HttpMethod.Patch, $"/api/training-runs/{t.RunId}", new StringContent("{}"))),
        new("DELETE on the series collection", HttpStatusCode.MethodNotAllowed, "method", _ => Send(HttpMethod.Delete, "/api/series")),
        new("POST on a forecast", HttpStatusCode.MethodNotAllowed, "method", t => Send(HttpMethod.Post, $"/api/models/{t.ModelId}/forecast")),
        new("cancelling a finished run", HttpStatusCode.Conflict, "already finished", t => Send(HttpMethod.Post, $"/api/training-runs/{t.RunId}/cancel")),
        new("an oversize Idempotency-Key", HttpStatusCode.BadRequest, "Idempotency-Key", _ =>
        {
            var request = Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,2,3]}}");
            request.Headers.Add("Idempotency-Key", new string('k', 201));
            return request;
        }),

        // Keys.
        new("no API key", HttpStatusCode.Unauthorized, "X-Api-Key", _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,2,3]}}"), Sender.NoKey),
        new("a wrong API key", HttpStatusCode.Unauthorized, "not valid", t => Send(HttpMethod.Get, $"/api/series/{t.SeriesId}"), Sender.WrongKey),
        new("a revoked API key", HttpStatusCode.Unauthorized, "revoked", t => Send(HttpMethod.Get, $"/api/series/{t.SeriesId}"), Sender.RevokedKey),
        new("a client key creating keys", HttpStatusCode.Forbidden, "admin", _ => Post("/api/keys", "{\"name\":\"more\"}")),
        new("a client key listing keys", HttpStatusCode.Forbidden, "admin", Get(_ => "/api/keys")),
    ];

    public static TheoryData<string> Names => new(Cases.Select(c => c.Name));

    [Fact]
    public void The_suite_has_at_least_60_distinct_cases() =>
        Assert.True(Cases.Select(c => c.Name).Distinct().Count() == Cases.Count && Cases.Count >= 60, $"{Cases.Count} cases");

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_bad_request_gets_a_4xx_problem_naming_the_fault_and_changes_nothing(string name)
    {
        var bad = Cases.Single(c => c.Name == name);
        using var request = bad.Build(targets);
        var key = bad.Sender switch
        {
            Sender.Client => targets.ClientKey,
            Sender.WrongKey => "fk_00000000000000000000000000000000_not-a-secret",
            Sender.RevokedKey => targets.RevokedKey,
            _ => null,
        };
        if (key is not null)
        {
            request.Headers.Add(ApiKeyHandler.HeaderName, key);
        }
        var before = await targets.Factory.CountRowsAsync();

        using var response = await targets.Anonymous.SendAsync(request);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var problem = await response.ReadProblemAsync(bad.Status);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.True(detail.Contains(bad.Mentions, StringComparison.OrdinalIgnoreCase), $"'{bad.Mentions}' not in: {detail}");
        Assert.Equal(before, await targets.Factory.CountRowsAsync());
    }
}
