using System.Net;
using static Forecast.Api.Tests.BadRequests.Requests;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>
/// Appends to a series (airpassengers, monthly from 1949-01 to 1960-12) and to a collection: values that are missing,
/// mistyped or huge, timestamps off the grid or out of order, revisions of periods the series never had or that the
/// client did not ask to revise, and members the collection does not hold.
/// </summary>
public static class ObservationCases
{
    private static Func<BadRequestTargets, HttpRequestMessage> Append(string body, string query = "") =>
        t => Post($"/api/series/{t.SeriesId}/observations{query}", body);

    private static Func<BadRequestTargets, HttpRequestMessage> AppendMembers(string body) =>
        t => Post($"/api/collections/{t.CollectionId}/observations", body);

    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        new("an append without values", HttpStatusCode.BadRequest, "values", Append("{}")),
        new("an append of no values", HttpStatusCode.BadRequest, "values", Append("{\"values\":[]}")),
        new("an append of NaN", HttpStatusCode.BadRequest, "values", Append("{\"values\":[1,NaN]}")),
        new("an append of a value past the magnitude limit", HttpStatusCode.BadRequest, "Limits:MaxAbsoluteValue", Append("{\"values\":[1e200]}")),
        new("an append of more observations than one append may carry", HttpStatusCode.BadRequest, "10000",
            Append($"{{\"values\":[{string.Join(',', Enumerable.Repeat("1", 10_001))}]}}")),
        new("an append with fewer timestamps than values", HttpStatusCode.BadRequest, "timestamps", Append("{\"values\":[1,2],\"timestamps\":[\"1961-01-01\"]}")),
        new("an append with timestamps out of order", HttpStatusCode.BadRequest, "increasing", Append("{\"values\":[1,2],\"timestamps\":[\"1961-02-01\",\"1961-01-01\"]}")),
        new("an append off the monthly grid", HttpStatusCode.BadRequest, "1961-01-15", Append("{\"values\":[1],\"timestamps\":[\"1961-01-15\"]}")),
        new("an append with a time of day on a monthly series", HttpStatusCode.BadRequest, "grid", Append("{\"values\":[1],\"timestamps\":[\"1961-01-01T10:00:00Z\"]}")),
        new("a revision of a period before the series began", HttpStatusCode.BadRequest, "before the series' start", Append("{\"values\":[100],\"timestamps\":[\"1948-12-01\"]}", "?revise=true")),
        new("a changed value without revise", HttpStatusCode.Conflict, "revise", Append("{\"values\":[999],\"timestamps\":[\"1960-12-01\"]}")),
        new("revise as a word", HttpStatusCode.BadRequest, "revise", Append("{\"values\":[1]}", "?revise=perhaps")),
        new("an append with an unknown field", HttpStatusCode.BadRequest, "value", Append("{\"values\":[1],\"value\":2}")),
        new("an append as XML", HttpStatusCode.UnsupportedMediaType, "content type", t => Post($"/api/series/{t.SeriesId}/observations", "<values/>", "application/xml")),
        new("an append CSV with a word for a value", HttpStatusCode.BadRequest, "line 2", t => Post($"/api/series/{t.SeriesId}/observations", "1961-01-01,1\n1961-02-01,many\n", "text/csv")),
        new("an append to a series that does not exist", HttpStatusCode.NotFound, "not found", _ => Post($"/api/series/{Guid.NewGuid()}/observations", "{\"values\":[1]}")),
        new("an append to another key's series", HttpStatusCode.NotFound, "not found", t => Post($"/api/series/{t.ForeignSeriesId}/observations", "{\"values\":[1]}")),

        new("a collection append without members", HttpStatusCode.BadRequest, "series", AppendMembers("{}")),
        new("a collection append to a member it does not hold", HttpStatusCode.UnprocessableEntity, "shop-9", AppendMembers("{\"series\":[{\"key\":\"shop-9\",\"values\":[1]}]}")),
        new("a collection append naming a member twice", HttpStatusCode.BadRequest, "shop-1", AppendMembers("{\"series\":[{\"key\":\"shop-1\",\"values\":[1]},{\"key\":\"shop-1\",\"values\":[2]}]}")),
        new("a collection append without a member's key", HttpStatusCode.BadRequest, "key", AppendMembers("{\"series\":[{\"values\":[1]}]}")),
        new("a collection append with a NaN for a member", HttpStatusCode.BadRequest, "values", AppendMembers("{\"series\":[{\"key\":\"shop-1\",\"values\":[NaN]}]}")),
        new("a collection append that revises without revise", HttpStatusCode.Conflict, "revise", AppendMembers("{\"series\":[{\"key\":\"shop-2\",\"values\":[-50],\"timestamps\":[\"2020-01-01\"]}]}")),
        new("a collection append to a collection that does not exist", HttpStatusCode.NotFound, "not found", _ => Post($"/api/collections/{Guid.NewGuid()}/observations", "{\"series\":[]}")),
    ];
}
