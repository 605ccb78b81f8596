using System.Net;
using static Forecast.Api.Tests.BadRequests.Requests;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>
/// Retraining policies: no trigger, crons that are not crons, never fire or fire too often, unknown zones, margins and
/// counts out of range, aliases that do not exist, runs that could not train, names that are not names.
/// </summary>
public static class RetrainingCases
{
    private static Func<BadRequestTargets, HttpRequestMessage> Policy(string body, string name = "nightly") =>
        t => Put($"/api/series/{t.SeriesId}/retraining/{name}", body);

    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        new("a policy with an empty body", HttpStatusCode.BadRequest, "takes a JSON body, and none was sent", Policy("")),
        new("a policy without a trigger", HttpStatusCode.BadRequest, "at least one trigger", Policy("{\"alias\":\"production\"}")),
        new("a policy without an alias", HttpStatusCode.BadRequest, "alias", Policy("{\"cron\":\"0 3 * * *\"}")),
        new("a policy whose cron has six fields", HttpStatusCode.BadRequest, "five fields", Policy("{\"alias\":\"production\",\"cron\":\"0 0 3 * * *\"}")),
        new("a policy whose cron is prose", HttpStatusCode.BadRequest, "five fields", Policy("{\"alias\":\"production\",\"cron\":\"every night\"}")),
        new("a policy whose cron never fires", HttpStatusCode.BadRequest, "never fires", Policy("{\"alias\":\"production\",\"cron\":\"0 3 30 2 *\"}")),
        new("a policy whose cron fires every minute", HttpStatusCode.BadRequest, "at most every 15 minutes", Policy("{\"alias\":\"production\",\"cron\":\"* * * * *\"}")),
        new("a policy whose cron fires twice within an hour at times", HttpStatusCode.BadRequest, "at most every 15 minutes",
            Policy("{\"alias\":\"production\",\"cron\":\"0,5 3 * * *\"}")),
        new("a policy in a time zone that does not exist", HttpStatusCode.BadRequest, "timeZone", Policy("{\"alias\":\"production\",\"cron\":\"0 3 * * *\",\"timeZone\":\"Europe/Atlantis\"}")),
        new("a policy with a time zone but no cron", HttpStatusCode.BadRequest, "timeZone", Policy("{\"alias\":\"production\",\"afterObservations\":5,\"timeZone\":\"UTC\"}")),
        new("a policy after 0 observations", HttpStatusCode.BadRequest, "afterObservations", Policy("{\"alias\":\"production\",\"afterObservations\":0}")),
        new("a policy after more observations than a series may hold", HttpStatusCode.BadRequest, "afterObservations", Policy("{\"alias\":\"production\",\"afterObservations\":1000001}")),
        new("a policy with an accuracy margin of 0", HttpStatusCode.BadRequest, "accuracy.margin", Policy("{\"alias\":\"production\",\"accuracy\":{\"margin\":0,\"origins\":5}}")),
        new("a policy with an accuracy margin of 11", HttpStatusCode.BadRequest, "accuracy.margin", Policy("{\"alias\":\"production\",\"accuracy\":{\"margin\":11,\"origins\":5}}")),
        new("a policy with an accuracy over 0 origins", HttpStatusCode.BadRequest, "accuracy.origins", Policy("{\"alias\":\"production\",\"accuracy\":{\"margin\":0.2,\"origins\":0}}")),
        new("a policy with an accuracy over 101 origins", HttpStatusCode.BadRequest, "accuracy.origins", Policy("{\"alias\":\"production\",\"accuracy\":{\"margin\":0.2,\"origins\":101}}")),
        new("a collection's policy on accuracy", HttpStatusCode.BadRequest, "series' policy only",
            t => Put($"/api/collections/{t.CollectionId}/retraining/nightly", "{\"alias\":\"production\",\"accuracy\":{\"margin\":0.2,\"origins\":5}}")),
        new("a policy backtesting 0 windows", HttpStatusCode.BadRequest, "backtestWindows", Policy("{\"alias\":\"production\",\"cron\":\"0 3 * * *\",\"promote\":{\"backtestWindows\":0}}")),
        new("a policy backtesting 21 windows", HttpStatusCode.BadRequest, "backtestWindows", Policy("{\"alias\":\"production\",\"cron\":\"0 3 * * *\",\"promote\":{\"backtestWindows\":21}}")),
        new("a policy warm-starting a statistical method", HttpStatusCode.BadRequest, "warmStart",
            Policy("{\"alias\":\"production\",\"cron\":\"0 3 * * *\",\"warmStart\":true,\"hyperparameters\":{\"method\":\"ets\"}}")),
        new("a policy feeding an alias that does not exist", HttpStatusCode.UnprocessableEntity, "'canary' does not exist", Policy("{\"alias\":\"canary\",\"cron\":\"0 3 * * *\"}")),
        new("a policy whose runs could not train", HttpStatusCode.BadRequest, "epochs",
            Policy("{\"alias\":\"production\",\"cron\":\"0 3 * * *\",\"hyperparameters\":{\"method\":\"lstm\",\"epochs\":0}}")),
        new("a policy whose backtest does not fit the series", HttpStatusCode.UnprocessableEntity, "20 windows",
            Policy("{\"alias\":\"production\",\"cron\":\"0 3 * * *\",\"promote\":{\"backtestWindows\":20},\"hyperparameters\":{\"method\":\"naive\",\"testSize\":24}}")),
        new("a policy with an unknown method", HttpStatusCode.BadRequest, "method", Policy("{\"alias\":\"production\",\"cron\":\"0 3 * * *\",\"hyperparameters\":{\"method\":\"prophet\"}}")),
        new("a policy name with capitals", HttpStatusCode.BadRequest, "policy name", Policy("{\"alias\":\"production\",\"cron\":\"0 3 * * *\"}", name: "Nightly")),
        new("a policy name of 41 characters", HttpStatusCode.BadRequest, "policy name", Policy("{\"alias\":\"production\",\"cron\":\"0 3 * * *\"}", name: new string('n', 41))),
        new("a policy of another key's series", HttpStatusCode.NotFound, "not found",
            t => Put($"/api/series/{t.ForeignSeriesId}/retraining/nightly", "{\"alias\":\"production\",\"cron\":\"0 3 * * *\"}")),
        new("a policy that does not exist", HttpStatusCode.NotFound, "weekly", Get(t => $"/api/series/{t.SeriesId}/retraining/weekly")),
        new("deleting a policy that does not exist", HttpStatusCode.NotFound, "weekly", Delete(t => $"/api/series/{t.SeriesId}/retraining/weekly")),
        new("the policies of a series that does not exist", HttpStatusCode.NotFound, "not found", Get(_ => $"/api/series/{Guid.NewGuid()}/retraining")),
    ];
}
