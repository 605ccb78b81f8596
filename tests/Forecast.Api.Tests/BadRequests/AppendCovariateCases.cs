using System.Net;
using static Forecast.Api.Tests.BadRequests.Requests;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>
/// Appends whose covariates cannot be stored: carried to a series without covariates, or naming one the series does not
/// have; missing for a new period the stored known future does not reach (price is known to 2024-01-07); another value
/// for a period of the history without revise; a known future with a gap, too long, off the grid or too large.
/// </summary>
public static class AppendCovariateCases
{
    private static Func<BadRequestTargets, HttpRequestMessage> Append(string body, string contentType = "application/json") =>
        t => Post($"/api/series/{t.CovariateSeriesId}/observations", body, contentType);

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
    ];
}
