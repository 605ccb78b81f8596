using System.Net;
using static Forecast.Api.Tests.BadRequests.Requests;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>
/// Collections: uploads with members missing, repeated, empty or too many, long CSV that breaks on a line, training
/// requests a collection cannot take, and reads of members and models that are not there.
/// </summary>
public static class CollectionCases
{
    private static HttpRequestMessage Create(string body) => Post("/api/collections", body);

    private static HttpRequestMessage CreateCsv(string csv, string query = "?name=c") => Post($"/api/collections{query}", csv, "text/csv");

    private static string Member(string key, string values = "[1,2,3]") => $"{{\"key\":\"{key}\",\"start\":\"2024-01-01\",\"values\":{values}}}";

    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        new("a collection without members", HttpStatusCode.BadRequest, "series", _ => Create("{\"name\":\"c\",\"frequency\":\"daily\"}")),
        new("a collection of no members", HttpStatusCode.BadRequest, "no members", _ => Create("{\"name\":\"c\",\"frequency\":\"daily\",\"series\":[]}")),
        new("a collection without a name", HttpStatusCode.BadRequest, "name", _ => Create($"{{\"frequency\":\"daily\",\"series\":[{Member("a")}]}}")),
        new("a collection naming a member twice", HttpStatusCode.BadRequest, "'a'", _ => Create($"{{\"name\":\"c\",\"frequency\":\"daily\",\"series\":[{Member("a")},{Member("a")}]}}")),
        new("a member without a key", HttpStatusCode.BadRequest, "key", _ => Create("{\"name\":\"c\",\"frequency\":\"daily\",\"series\":[{\"start\":\"2024-01-01\",\"values\":[1,2,3]}]}")),
        new("a member with an empty key", HttpStatusCode.BadRequest, "key", _ => Create($"{{\"name\":\"c\",\"frequency\":\"daily\",\"series\":[{Member("")}]}}")),
        new("a member's key of 201 characters", HttpStatusCode.BadRequest, "200 characters", _ => Create($"{{\"name\":\"c\",\"frequency\":\"daily\",\"series\":[{Member(new string('k', 201))}]}}")),
        new("a member with a NUL in its key", HttpStatusCode.BadRequest, "control", _ => Create($"{{\"name\":\"c\",\"frequency\":\"daily\",\"series\":[{Member("a\\u0000b")}]}}")),
        new("a member of two points", HttpStatusCode.BadRequest, "at least 3", _ => Create($"{{\"name\":\"c\",\"frequency\":\"daily\",\"series\":[{Member("a", "[1,2]")}]}}")),
        new("a member with Infinity", HttpStatusCode.BadRequest, "values", _ => Create($"{{\"name\":\"c\",\"frequency\":\"daily\",\"series\":[{Member("a", "[1,Infinity,3]")}]}}")),
        new("a member with neither start nor timestamps", HttpStatusCode.BadRequest, "start", _ => Create("{\"name\":\"c\",\"frequency\":\"daily\",\"series\":[{\"key\":\"a\",\"values\":[1,2,3]}]}")),
        new("a collection with 10,001 members", HttpStatusCode.BadRequest, "10000",
            _ => Create($"{{\"name\":\"c\",\"frequency\":\"daily\",\"series\":[{string.Join(',', Enumerable.Range(0, 10_001).Select(i => Member($"m{i}")))}]}}")),
        new("a collection with an unknown frequency", HttpStatusCode.BadRequest, "frequency", _ => Create($"{{\"name\":\"c\",\"frequency\":\"sometimes\",\"series\":[{Member("a")}]}}")),
        new("a long CSV without a series column", HttpStatusCode.BadRequest, "series", _ => CreateCsv("date,value\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n")),
        new("a long CSV with a word for a value", HttpStatusCode.BadRequest, "line 3", _ => CreateCsv("series,date,value\na,2024-01-01,1\na,2024-01-02,lots\na,2024-01-03,3\n")),
        new("a long CSV whose id column is not there", HttpStatusCode.BadRequest, "store", _ => CreateCsv("series,date,value\na,2024-01-01,1\na,2024-01-02,2\na,2024-01-03,3\n", "?name=c&idColumn=store")),
        new("a long CSV with a date twice for a member", HttpStatusCode.BadRequest, "2024-01-02", _ => CreateCsv("series,date,value\na,2024-01-01,1\na,2024-01-02,2\na,2024-01-02,3\na,2024-01-03,3\n")),

        new("several seasonal periods for a collection", HttpStatusCode.BadRequest, "seasonalPeriods",
            t => Post($"/api/collections/{t.CollectionId}/training-runs", "{\"method\":\"ets\",\"seasonalPeriods\":[4,12]}")),
        new("an unknown method for a collection", HttpStatusCode.BadRequest, "method", t => Post($"/api/collections/{t.CollectionId}/training-runs", "{\"method\":\"prophet\"}")),
        new("a collection run whose test tail leaves too little", HttpStatusCode.UnprocessableEntity, "testSize", t => Post($"/api/collections/{t.CollectionId}/training-runs", "{\"testSize\":47}")),
        new("training a collection that does not exist", HttpStatusCode.NotFound, "not found", _ => Post($"/api/collections/{Guid.NewGuid()}/training-runs", "{}")),
        new("a collection's members a page too far", HttpStatusCode.BadRequest, "pageSize", Get(t => $"/api/collections/{t.CollectionId}/series?pageSize=100000")),
        new("a member's evaluation for a key the model lacks", HttpStatusCode.NotFound, "shop-9", Get(t => $"/api/models/{t.CollectionModelId}/members/shop-9")),
        new("a collection model's forecast for a key it lacks", HttpStatusCode.NotFound, "shop-9", Get(t => $"/api/models/{t.CollectionModelId}/forecast?series=shop-9")),
        new("a collection model's forecast without a member", HttpStatusCode.BadRequest, "series", Get(t => $"/api/models/{t.CollectionModelId}/forecast")),
        new("a collection's forecasts of horizon 0", HttpStatusCode.BadRequest, "horizon", Get(t => $"/api/models/{t.CollectionModelId}/forecasts?horizon=0")),
        new("a series model's members", HttpStatusCode.BadRequest, "a series' model, not a collection's", Get(t => $"/api/models/{t.ModelId}/members")),
        new("deleting a collection that does not exist", HttpStatusCode.NotFound, "not found", Delete(_ => $"/api/collections/{Guid.NewGuid()}")),
    ];
}
