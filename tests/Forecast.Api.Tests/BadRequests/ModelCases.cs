using System.Net;
using static Forecast.Api.Tests.BadRequests.Requests;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>
/// What is asked of a trained model: forecasts from origins it cannot have, backtests of no or absurd windows, warm
/// starts and promotions that do not fit the run, and the registry's lists with filters that name nothing.
/// </summary>
public static class ModelCases
{
    private static Func<BadRequestTargets, HttpRequestMessage> Backtest(string body) => t => Post($"/api/models/{t.ModelId}/backtests", body);

    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        new("a forecast posted with an empty body", HttpStatusCode.BadRequest, "takes a JSON body, and none was sent", t => Post($"/api/models/{t.ModelId}/forecast", "")),
        new("a forecast origin that is not a date", HttpStatusCode.BadRequest, "origin", Get(t => $"/api/models/{t.ModelId}/forecast?origin=yesterday")),
        new("a forecast origin before the series began", HttpStatusCode.BadRequest, "origin must lie from", Get(t => $"/api/models/{t.ModelId}/forecast?origin=1900-01-01")),
        new("a forecast origin years after its end", HttpStatusCode.BadRequest, "origin must lie from", Get(t => $"/api/models/{t.ModelId}/forecast?origin=2100-01-01")),
        new("a forecast origin off the grid", HttpStatusCode.BadRequest, "grid", Get(t => $"/api/models/{t.ModelId}/forecast?origin=1958-03-17")),
        new("a live accuracy horizon of 0", HttpStatusCode.BadRequest, "horizon", Get(t => $"/api/models/{t.ModelId}/accuracy?horizon=0")),
        new("the live accuracy of a model that does not exist", HttpStatusCode.NotFound, "not found", Get(_ => $"/api/models/{Guid.NewGuid()}/accuracy")),
        new("anomalies at level 120", HttpStatusCode.BadRequest, "level", Get(t => $"/api/series/{t.SeriesId}/anomalies?level=120")),
        new("anomalies by a model of another series", HttpStatusCode.UnprocessableEntity, "not a model of series", Get(t => $"/api/series/{t.SeriesId}/anomalies?modelId={t.LongSeriesModelId}")),
        new("anomalies by a model that does not exist", HttpStatusCode.NotFound, "not found", Get(t => $"/api/series/{t.SeriesId}/anomalies?modelId={Guid.NewGuid()}")),
        new("deleting a model that does not exist", HttpStatusCode.NotFound, "not found", Delete(_ => $"/api/models/{Guid.NewGuid()}")),
        new("deleting another key's model", HttpStatusCode.NotFound, "not found", Delete(t => $"/api/models/{t.ForeignModelId}")),

        new("a backtest of no windows", HttpStatusCode.BadRequest, "windows", Backtest("{\"windows\":0}")),
        new("a backtest of 21 windows", HttpStatusCode.BadRequest, "windows", Backtest("{\"windows\":21}")),
        new("a backtest with a step of 0", HttpStatusCode.BadRequest, "step", Backtest("{\"windows\":2,\"step\":0}")),
        new("a backtest reaching before the series", HttpStatusCode.UnprocessableEntity, "windows", Backtest("{\"windows\":20,\"step\":12}")),
        new("a refitting backtest of a trained model", HttpStatusCode.UnprocessableEntity, "refit", Backtest("{\"windows\":2,\"refit\":true}")),
        new("a backtest of another key's model", HttpStatusCode.NotFound, "not found", t => Post($"/api/models/{t.ForeignModelId}/backtests", "{\"windows\":2}")),
        new("a run's backtest of no windows", HttpStatusCode.BadRequest, "windows", Train("{\"backtest\":{\"windows\":0}}")),

        new("a warm start from a model that does not exist", HttpStatusCode.UnprocessableEntity, "not a series' model of yours", t => Post($"/api/series/{t.SeriesId}/training-runs", $"{{\"warmStartFrom\":{{\"modelId\":\"{Guid.NewGuid()}\"}}}}")),
        new("a warm start from another key's model", HttpStatusCode.UnprocessableEntity, "not a series' model of yours", t => Post($"/api/series/{t.SeriesId}/training-runs", $"{{\"warmStartFrom\":{{\"modelId\":\"{t.ForeignModelId}\"}}}}")),
        new("a warm start from a statistical model", HttpStatusCode.UnprocessableEntity, "warmStartFrom", t => Post($"/api/series/{t.SeriesId}/training-runs", $"{{\"warmStartFrom\":{{\"modelId\":\"{t.LongSeriesModelId}\"}}}}")),
        new("a warm start with another hidden size", HttpStatusCode.UnprocessableEntity, "hiddenSize", t => Post($"/api/series/{t.SeriesId}/training-runs", $"{{\"hiddenSize\":64,\"warmStartFrom\":{{\"modelId\":\"{t.ModelId}\"}}}}")),
        new("a collection run warm started from a series' model", HttpStatusCode.UnprocessableEntity, "warmStartFrom", t => Post($"/api/collections/{t.CollectionId}/training-runs", $"{{\"warmStartFrom\":{{\"modelId\":\"{t.ModelId}\"}}}}")),
        new("a warm start without a model id", HttpStatusCode.BadRequest, "modelId", Train("{\"warmStartFrom\":{}}")),
        new("a promotion to an alias with a space", HttpStatusCode.BadRequest, "alias", Train("{\"promote\":{\"alias\":\"my alias\"}}")),
        new("a promotion without an alias", HttpStatusCode.BadRequest, "alias", Train("{\"promote\":{\"onlyIfBetter\":true}}")),

        new("runs filtered by a status that does not exist", HttpStatusCode.BadRequest, "status", Get(_ => "/api/training-runs?status=sleeping")),
        new("models filtered by a method that does not exist", HttpStatusCode.BadRequest, "method", Get(_ => "/api/models?method=oracle")),
        new("the registry's models page 0", HttpStatusCode.BadRequest, "page", Get(_ => "/api/models?page=0")),
        new("the runs of a series that does not exist", HttpStatusCode.NotFound, "not found", Get(_ => $"/api/series/{Guid.NewGuid()}/training-runs")),
        new("the diagnostics of another key's series", HttpStatusCode.NotFound, "not found", Get(t => $"/api/series/{t.ForeignSeriesId}/diagnostics")),
        new("the residual diagnostics of a model that does not exist", HttpStatusCode.NotFound, "not found", Get(_ => $"/api/models/{Guid.NewGuid()}/residual-diagnostics")),
    ];
}
