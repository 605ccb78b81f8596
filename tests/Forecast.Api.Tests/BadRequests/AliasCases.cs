using System.Net;
using static Forecast.Api.Tests.BadRequests.Requests;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>
/// Aliases: names that are not names, models that are not there, another key's, another series' or the wrong kind,
/// and forecasts by aliases that do not exist.
/// </summary>
public static class AliasCases
{
    private static Func<BadRequestTargets, HttpRequestMessage> Move(string alias, Func<BadRequestTargets, string> body) =>
        t => Put($"/api/series/{t.SeriesId}/aliases/{alias}", body(t));

    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        new("an alias pointing at another key's model", HttpStatusCode.UnprocessableEntity, "not a model of series", Move("staging", t => $"{{\"modelId\":\"{t.ForeignModelId}\"}}")),
        new("an alias pointing at a model that does not exist", HttpStatusCode.UnprocessableEntity, "not a model of series", Move("staging", _ => $"{{\"modelId\":\"{Guid.NewGuid()}\"}}")),
        new("an alias pointing at another series' model", HttpStatusCode.UnprocessableEntity, "series", Move("staging", t => $"{{\"modelId\":\"{t.LongSeriesModelId}\"}}")),
        new("a series' alias pointing at a collection's model", HttpStatusCode.UnprocessableEntity, "not a model of series", Move("staging", t => $"{{\"modelId\":\"{t.CollectionModelId}\"}}")),
        new("a collection's alias pointing at a series' model", HttpStatusCode.UnprocessableEntity, "not a model of collection",
            t => Put($"/api/collections/{t.CollectionId}/aliases/staging", $"{{\"modelId\":\"{t.ModelId}\"}}")),
        new("an alias move with an empty body", HttpStatusCode.BadRequest, "takes a JSON body, and none was sent", t => Put($"/api/series/{t.SeriesId}/aliases/staging", "")),
        new("an alias without a model id", HttpStatusCode.BadRequest, "modelId", Move("staging", _ => "{}")),
        new("an alias whose model id is not a GUID", HttpStatusCode.BadRequest, "modelId", Move("staging", _ => "{\"modelId\":\"the-best-one\"}")),
        new("an alias name with a space", HttpStatusCode.BadRequest, "alias", Move("my%20alias", t => $"{{\"modelId\":\"{t.ModelId}\"}}")),
        new("an alias name with a bidirectional override", HttpStatusCode.BadRequest, "alias", Move("prod%E2%80%AEnoitcudorp", t => $"{{\"modelId\":\"{t.ModelId}\"}}")),
        new("an alias name of 101 characters", HttpStatusCode.BadRequest, "alias", Move(new string('a', 101), t => $"{{\"modelId\":\"{t.ModelId}\"}}")),
        new("an alias that does not exist", HttpStatusCode.NotFound, "canary", Get(t => $"/api/series/{t.SeriesId}/aliases/canary")),
        new("deleting an alias that does not exist", HttpStatusCode.NotFound, "canary", Delete(t => $"/api/series/{t.SeriesId}/aliases/canary")),
        new("a forecast by an alias that does not exist", HttpStatusCode.NotFound, "canary", Get(t => $"/api/series/{t.SeriesId}/forecast?alias=canary")),
        new("a forecast by alias with horizon 0", HttpStatusCode.BadRequest, "horizon", Get(t => $"/api/series/{t.SeriesId}/forecast?alias=production&horizon=0")),
        new("another key's series forecast by alias", HttpStatusCode.NotFound, "not found", Get(t => $"/api/series/{t.ForeignSeriesId}/forecast?alias=production")),
    ];
}
