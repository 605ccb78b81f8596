using System.Net;
using static Forecast.Api.Tests.BadRequests.Requests;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>
/// Covariates that cannot be stored or used: unreadable or non-finite values, names the upload already uses or repeats,
/// too many, columns that do not cover the series' history, a known future too long or with a hole, and forecast
/// requests with covariates the model does not take.
/// </summary>
public static class CovariateCases
{
    private static readonly string FiftyOneNames = string.Join(',', Enumerable.Range(1, 51).Select(i => $"c{i}"));

    /// <summary>A daily collection of three points a member, from 2024-01-01.</summary>
    private static HttpRequestMessage Collection(params string[] members) =>
        Post("/api/collections", $"{{\"name\":\"c\",\"frequency\":\"daily\",\"series\":[{string.Join(',', members)}]}}");

    private static string Member(string key, string covariates) =>
        $"{{\"key\":\"{key}\",\"start\":\"2024-01-01\",\"values\":[1,2,3],\"covariates\":{{{covariates}}}}}";

    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        // CSV columns after the value.
        new("a covariate that is a word", HttpStatusCode.BadRequest, "line 3", _ => Csv("date,value,price\n2024-01-01,1,2\n2024-01-02,2,cheap\n2024-01-03,3,4\n")),
        new("a covariate of Infinity", HttpStatusCode.BadRequest, "line 2", _ => Csv("date,value,price\n2024-01-01,1,Infinity\n2024-01-02,2,3\n2024-01-03,3,4\n")),
        new("a covariate beyond the magnitude limit", HttpStatusCode.BadRequest, "Limits:MaxAbsoluteValue", _ => Csv("date,value,price\n2024-01-01,1,2\n2024-01-02,2,1e200\n2024-01-03,3,4\n")),
        new("a covariate named timestamp", HttpStatusCode.BadRequest, "'Timestamp' cannot name", _ => Csv("date,value,Timestamp\n2024-01-01,1,2\n2024-01-02,2,3\n2024-01-03,3,4\n")),
        new("a covariate named value", HttpStatusCode.BadRequest, "'VALUE' cannot name", _ => Csv("date,value,VALUE\n2024-01-01,1,2\n2024-01-02,2,3\n2024-01-03,3,4\n")),
        new("a covariate named twice", HttpStatusCode.BadRequest, "'price' twice", _ => Csv("date,value,price,price\n2024-01-01,1,2,2\n2024-01-02,2,3,3\n2024-01-03,3,4,4\n")),
        new("51 covariate columns", HttpStatusCode.BadRequest, "Limits:MaxCovariates", _ => Csv($"date,value,{FiftyOneNames}\n2024-01-01,1\n")),
        new("a covariate column without a header", HttpStatusCode.BadRequest, "header", _ => Csv("2024-01-01,1,5\n2024-01-02,2,6\n2024-01-03,3,7\n")),
        new("a row short of the header's covariates", HttpStatusCode.BadRequest, "line 3", _ => Csv("date,value,price,promo\n2024-01-01,1,2,0\n2024-01-02,2,3\n2024-01-03,3,4,1\n")),
        new("an empty covariate cell in the history", HttpStatusCode.BadRequest, "line 3", _ => Csv("date,value,price\n2024-01-01,1,2\n2024-01-02,2,\n2024-01-03,3,4\n")),
        new("a covariate missing where the fill policy filled a gap", HttpStatusCode.BadRequest, "2024-01-03",
            _ => Csv("date,value,price\n2024-01-01,1,2\n2024-01-02,2,3\n2024-01-04,4,5\n2024-01-05,5,6\n")),
        new("a hole in a covariate's known future", HttpStatusCode.BadRequest, "line 7",
            _ => Csv("date,value,price\n2024-01-01,1,2\n2024-01-02,2,3\n2024-01-03,3,4\n2024-01-04,,5\n2024-01-05,,\n2024-01-06,,7\n")),
        new("a known-future row repeated", HttpStatusCode.BadRequest, "line 6",
            _ => Csv("date,value,price\n2024-01-01,1,2\n2024-01-02,2,3\n2024-01-03,3,4\n2024-01-04,,5\n2024-01-04,,6\n")),
        new("a known-future row before the first value", HttpStatusCode.BadRequest, "line 2",
            _ => Csv("date,value,price\n2023-12-31,,1\n2024-01-01,1,2\n2024-01-02,2,3\n2024-01-03,3,4\n")),

        // Past-only covariates: known only as they happen, so never past the series' end.
        new("a past-only covariate with a value past the series' end", HttpStatusCode.BadRequest, "line 5",
            _ => Csv("date,value,temp\n2024-01-01,1,2\n2024-01-02,2,3\n2024-01-03,3,4\n2024-01-04,,5\n", "?pastOnly=temp")),
        new("pastOnly naming no column of the CSV", HttpStatusCode.BadRequest, "pastOnly names 'humidity'",
            _ => Csv("date,value,temp\n2024-01-01,1,2\n2024-01-02,2,3\n2024-01-03,3,4\n", "?pastOnly=humidity")),
        new("pastOnly naming a covariate twice", HttpStatusCode.BadRequest, "'temp' twice",
            _ => Csv("date,value,temp\n2024-01-01,1,2\n2024-01-02,2,3\n2024-01-03,3,4\n", "?pastOnly=temp,temp")),
        new("a JSON pastOnly naming no covariate", HttpStatusCode.BadRequest, "pastOnly names 'temp'",
            _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,2,3],\"pastOnly\":[\"temp\"]}}")),
        new("a JSON pastOnly with an empty name", HttpStatusCode.BadRequest, "none of them empty",
            _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,2,3],\"covariates\":{{\"temp\":[1,2,3]}},\"pastOnly\":[\"\"]}}")),
        new("a JSON past-only covariate running past the values", HttpStatusCode.BadRequest, "has no known future",
            _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,2,3],\"covariates\":{{\"temp\":[1,2,3,4]}},\"pastOnly\":[\"temp\"]}}")),
        new("51 JSON pastOnly names", HttpStatusCode.BadRequest, "Limits:MaxCovariates",
            _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,2,3],\"pastOnly\":[{string.Join(',', Enumerable.Range(1, 51).Select(i => $"\"c{i}\""))}]}}")),

        // A long collection CSV's columns after the value, one member's rows at a time.
        new("a member's covariate that is a word", HttpStatusCode.BadRequest, "line 3",
            _ => Post("/api/collections?name=c", "series,date,value,price\na,2024-01-01,1,2\na,2024-01-02,2,cheap\na,2024-01-03,3,4\n", "text/csv")),
        new("a member's covariate missing in its history", HttpStatusCode.BadRequest, "Member 'b'",
            _ => Post("/api/collections?name=c", "series,date,value,price\na,2024-01-01,1,2\na,2024-01-02,2,3\na,2024-01-03,3,4\nb,2024-01-01,1,2\nb,2024-01-02,2,\nb,2024-01-03,3,4\n", "text/csv")),
        new("a member's past-only covariate past its end", HttpStatusCode.BadRequest, "Member 'a'",
            _ => Post("/api/collections?name=c&pastOnly=temp", "series,date,value,temp\na,2024-01-01,1,2\na,2024-01-02,2,3\na,2024-01-03,3,4\na,2024-01-04,,5\n", "text/csv")),
        new("a collection's JSON pastOnly naming no covariate", HttpStatusCode.BadRequest, "pastOnly names 'temp'",
            _ => Post("/api/collections", "{\"name\":\"c\",\"frequency\":\"daily\",\"pastOnly\":[\"temp\"],\"series\":[{\"key\":\"a\",\"start\":\"2024-01-01\",\"values\":[1,2,3]}]}")),
        new("a member's covariate named value", HttpStatusCode.BadRequest, "'Value' cannot name",
            _ => Post("/api/collections?name=c", "series,date,value,Value\na,2024-01-01,1,2\na,2024-01-02,2,3\na,2024-01-03,3,4\n", "text/csv")),
        new("a collection row short of the header's covariates", HttpStatusCode.BadRequest, "line 3",
            _ => Post("/api/collections?name=c", "series,date,value,price\na,2024-01-01,1,2\na,2024-01-02,2\na,2024-01-03,3,4\n", "text/csv")),
        new("51 covariate columns in a collection", HttpStatusCode.BadRequest, "Limits:MaxCovariates",
            _ => Post("/api/collections?name=c", $"series,date,value,{FiftyOneNames}\na,2024-01-01,1\n", "text/csv")),

        // JSON covariates.
        new("a JSON covariate named series", HttpStatusCode.BadRequest, "'series' cannot name", _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,2,3],\"covariates\":{{\"series\":[1,2,3]}}}}")),
        new("a JSON covariate shorter than the history", HttpStatusCode.BadRequest, "no value at 2024-01-03",
            _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,2,3],\"covariates\":{{\"price\":[1,2]}}}}")),
        new("a JSON covariate of strings", HttpStatusCode.BadRequest, "covariates", _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,2,3],\"covariates\":{{\"price\":[\"1\",\"2\",\"3\"]}}}}")),
        new("a JSON covariate that is null", HttpStatusCode.BadRequest, "'price' has no value at 2024-01-01",
            _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,2,3],\"covariates\":{{\"price\":null}}}}")),
        new("51 JSON covariates", HttpStatusCode.BadRequest, "Limits:MaxCovariates",
            _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,2,3],\"covariates\":{{{string.Join(',', Enumerable.Range(1, 51).Select(i => $"\"c{i}\":[1,2,3]"))}}}}}")),
        new("a known future longer than Limits:MaxHorizon", HttpStatusCode.BadRequest, "at most 1000 periods",
            _ => Upload($"{{\"name\":\"x\",{Daily},\"values\":[1,2,3],\"covariates\":{{\"price\":[{string.Join(',', Enumerable.Repeat("1", 1004))}]}}}}")),

        // JSON collections: each member's covariates as a series' JSON gives them.
        new("JSON members with different covariates", HttpStatusCode.BadRequest, "every member must carry the same ones",
            _ => Collection(Member("a", "\"price\":[1,2,3]"), Member("b", "\"promo\":[1,2,3]"))),
        new("JSON members where one lacks the other's covariate", HttpStatusCode.BadRequest, "Member 'b' (series[1]) carries the covariates (price)",
            _ => Collection(Member("a", "\"price\":[1,2,3],\"promo\":[0,1,0]"), Member("b", "\"price\":[1,2,3]"))),
        new("a JSON member's covariate shorter than its history", HttpStatusCode.BadRequest, "Member 'b' (series[1]) is refused: The covariate 'price' has no value at 2024-01-03",
            _ => Collection(Member("a", "\"price\":[1,2,3]"), Member("b", "\"price\":[1,2]"))),
        new("a JSON member's covariate named date", HttpStatusCode.BadRequest, "'date' cannot name", _ => Collection(Member("a", "\"date\":[1,2,3]"))),
        new("a JSON member's covariate beyond the magnitude limit", HttpStatusCode.BadRequest, "Member 'a', covariate 'price'",
            _ => Collection(Member("a", "\"price\":[1,1e200,3]"))),
        new("a JSON member with 51 covariates", HttpStatusCode.BadRequest, "Limits:MaxCovariates",
            _ => Collection(Member("a", string.Join(',', Enumerable.Range(1, 51).Select(i => $"\"c{i}\":[1,2,3]"))))),
        new("a JSON member's known future longer than Limits:MaxHorizon", HttpStatusCode.BadRequest, "at most 1000 periods",
            _ => Collection(Member("a", $"\"price\":[{string.Join(',', Enumerable.Repeat("1", 1004))}]"))),

        // Forecasts with covariates given in the request.
        new("forecast covariates the model was not fitted with", HttpStatusCode.BadRequest, "'price' is not one of them",
            t => Post($"/api/models/{t.ModelId}/forecast", "{\"horizon\":2,\"covariates\":{\"price\":[1,2]}}")),
        new("forecast covariates longer than Limits:MaxHorizon", HttpStatusCode.BadRequest, "Limits:MaxHorizon",
            t => Post($"/api/models/{t.ModelId}/forecast", $"{{\"horizon\":2,\"covariates\":{{\"price\":[{string.Join(',', Enumerable.Repeat("1", 1001))}]}}}}")),
        new("a forecast covariate that is null", HttpStatusCode.BadRequest, "covariates.price",
            t => Post($"/api/models/{t.ModelId}/forecast", "{\"horizon\":2,\"covariates\":{\"price\":null}}")),
        new("a forecast request's horizon of 0", HttpStatusCode.BadRequest, "horizon", t => Post($"/api/models/{t.ModelId}/forecast", "{\"horizon\":0}")),
    ];
}
