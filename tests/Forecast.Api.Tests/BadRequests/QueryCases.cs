using System.Net;
using static Forecast.Api.Tests.BadRequests.Requests;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>Query strings of forecasts, lists and diagnostics: zero, negative, absurd, mistyped and repeated.</summary>
public static class QueryCases
{
    public static readonly IReadOnlyList<BadRequest> Cases =
    [
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
    ];
}
