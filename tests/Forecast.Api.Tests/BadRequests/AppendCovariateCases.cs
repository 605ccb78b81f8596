using System.Net;
using static Forecast.Api.Tests.BadRequests.Requests;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>
/// Appends whose covariates cannot be stored: carried to a series without covariates, or naming one the series does not
/// have; missing for a new period the stored known future does not reach (price is known to 2024-01-07); another value
/// for a period of the history without revise; a known future with a gap, too long, off the grid or too large; and the
/// same for a collection's members, each refusal naming the member.
/// </summary>
public static class AppendCovariateCases
{
    private static Func<BadRequestTargets, HttpRequestMessage> Append(string body, string contentType = "application/json") =>
        t => Post($"/api/series/{t.CovariateSeriesId}/observations", body, contentType);

    private static Func<BadRequestTargets, HttpRequestMessage> AppendToMembers(string body, string contentType = "application/json") =>
        t => Post($"/api/collections/{t.CovariateCollectionId}/observations", body, contentType);

    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        new("a CSV append with covariates to a series without them", HttpStatusCode.BadRequest, "no covariates, so an append cannot carry 'price'",
            t => Post($"/api/series/{t.SeriesId}/observations", "date,value,price\n1961-01-01,1,2\n", "text/csv")),
        new("a JSON append with covariates to a series without them", HttpStatusCode.BadRequest, "no covariates, so an append cannot carry 'price'",
            t => Post($"/api/series/{t.SeriesId}/observations", "{\"values\":[1],\"covariates\":{\"price\":[2]}}")),
        new("an append naming a covariate the series does not have", HttpStatusCode.BadRequest, "no covariate 'promo'",
            Append("{\"values\":[6],\"covariates\":{\"promo\":[1]}}")),
        new("an append past the known future without the covariate", HttpStatusCode.UnprocessableEntity, "'price' has no value at 2024-01-08",
            Append("{\"values\":[6,7,8]}")),
        new("an append's covariate shorter than its new periods past the known future", HttpStatusCode.UnprocessableEntity, "'price' has no value at 2024-01-09",
            Append("{\"values\":[6,7,8,9],\"covariates\":{\"price\":[15,16,17]}}")),
        new("a CSV append with an empty covariate past the known future", HttpStatusCode.UnprocessableEntity, "'price' has no value at 2024-01-08",
            Append("date,value,price\n2024-01-06,6,15\n2024-01-07,7,\n2024-01-08,8,\n", "text/csv")),
        new("another covariate value for a period of the history without revise", HttpStatusCode.Conflict, "revise=true",
            Append("{\"values\":[5],\"timestamps\":[\"2024-01-05\"],\"covariates\":{\"price\":[99]}}")),
        new("a gap in an appended known future", HttpStatusCode.BadRequest, "line 4",
            Append("date,value,price\n2024-01-06,6,15\n2024-01-07,,16\n2024-01-09,,18\n", "text/csv")),
        new("an appended covariate off the grid", HttpStatusCode.BadRequest, "line 3",
            Append("date,value,price\n2024-01-06,6,15\n2024-01-07T12:00:00Z,,16\n", "text/csv")),
        new("an appended known future longer than Limits:MaxHorizon", HttpStatusCode.BadRequest, "at most 1000 periods",
            Append($"{{\"values\":[6],\"covariates\":{{\"price\":[{string.Join(',', Enumerable.Repeat("1", 1002))}]}}}}")),
        new("an appended covariate beyond the magnitude limit", HttpStatusCode.BadRequest, "Limits:MaxAbsoluteValue",
            Append("{\"values\":[6],\"covariates\":{\"price\":[1e200]}}")),
        new("an appended covariate that is a word", HttpStatusCode.BadRequest, "line 2", Append("date,value,price\n2024-01-06,6,dear\n", "text/csv")),

        // Appends to a collection's members, each member's covariates as a series' (price known to 2024-01-07).
        new("a collection append with covariates to members without them", HttpStatusCode.BadRequest, "no covariates, so an append cannot carry 'price'",
            t => Post($"/api/collections/{t.CollectionId}/observations", "series,date,value,price\nshop-1,2024-01-01,1,2\n", "text/csv")),
        new("a collection append naming a covariate its members do not have", HttpStatusCode.BadRequest, "Member 'a' (series[0]) is refused: The series has no covariate 'promo'",
            AppendToMembers("{\"series\":[{\"key\":\"a\",\"values\":[6],\"covariates\":{\"promo\":[1]}}]}")),
        new("a member's append past its known future without the covariate", HttpStatusCode.UnprocessableEntity,
            "Member 'b' (series[1]) is refused: The covariate 'price' has no value at 2024-01-08",
            AppendToMembers("{\"series\":[{\"key\":\"a\",\"values\":[6,7,8],\"covariates\":{\"price\":[1,2,3]}},{\"key\":\"b\",\"values\":[6,7,8]}]}")),
        new("a member's CSV append with an empty covariate past the known future", HttpStatusCode.UnprocessableEntity,
            "Member 'a' (from CSV line 2) is refused: The covariate 'price' has no value at 2024-01-09",
            AppendToMembers("series,date,value,price\na,2024-01-06,6,15\na,2024-01-07,7,16\na,2024-01-08,8,17\na,2024-01-09,9,\n", "text/csv")),
        new("another covariate value for a member's history without revise", HttpStatusCode.Conflict, "Member 'a' (series[0]) is refused: The covariate 'price' holds 14",
            AppendToMembers("{\"series\":[{\"key\":\"a\",\"values\":[5],\"timestamps\":[\"2024-01-05\"],\"covariates\":{\"price\":[99]}}]}")),
        new("a gap in a member's appended known future", HttpStatusCode.BadRequest, "its known future must run on",
            AppendToMembers("series,date,value,price\nb,2024-01-06,6,15\nb,2024-01-07,,16\nb,2024-01-09,,18\n", "text/csv")),
        new("a member's appended covariate beyond the magnitude limit", HttpStatusCode.BadRequest, "Member 'a', covariate 'price'",
            AppendToMembers("{\"series\":[{\"key\":\"a\",\"values\":[6],\"covariates\":{\"price\":[1e200]}}]}")),
    ];
}
