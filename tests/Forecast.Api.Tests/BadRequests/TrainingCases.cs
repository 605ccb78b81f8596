using System.Net;
using static Forecast.Api.Tests.BadRequests.Requests;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>A series' training request: hyperparameters of the wrong type, out of bounds, or too costly to run.</summary>
public static class TrainingCases
{
    public static readonly IReadOnlyList<BadRequest> Cases =
    [
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
        new("seasonal periods out of order", HttpStatusCode.BadRequest, "seasonalPeriods", Train("{\"method\":\"mstl\",\"seasonalPeriods\":[12,4]}")),
        new("four seasonal periods", HttpStatusCode.BadRequest, "seasonalPeriods", Train("{\"method\":\"mstl\",\"seasonalPeriods\":[2,3,4,12]}")),
        new("a seasonal period of 1 in the list", HttpStatusCode.BadRequest, "seasonalPeriods", Train("{\"seasonalPeriods\":[1,12]}")),
        new("no seasonal periods in the list", HttpStatusCode.BadRequest, "seasonalPeriods", Train("{\"method\":\"mstl\",\"seasonalPeriods\":[]}")),
        new("seasonal periods at odds with the seasonal period", HttpStatusCode.BadRequest, "seasonalPeriods",
            Train("{\"method\":\"mstl\",\"seasonalPeriod\":12,\"seasonalPeriods\":[4,6]}")),
        new("seasonal periods as a number", HttpStatusCode.BadRequest, "seasonalPeriods", Train("{\"method\":\"mstl\",\"seasonalPeriods\":12}")),
        // The page's form sends a part of its list that is not a number as typed, for this answer to name.
        new("a word in the seasonal periods", HttpStatusCode.BadRequest, "seasonalPeriods", Train("{\"method\":\"mstl\",\"seasonalPeriods\":[24,\"a week\"]}")),
        new("a seasonal period longer than a third of the training part", HttpStatusCode.UnprocessableEntity, "seasonalPeriods",
            Train("{\"method\":\"mstl\",\"seasonalPeriods\":[12,48]}")),
        new("a misspelt hyperparameter", HttpStatusCode.BadRequest, "epoch", Train("{\"epoch\":10}")),
        new("a run over the cost ceiling", HttpStatusCode.UnprocessableEntity, "Limits:MaxRunCost", Train("{\"epochs\":10000,\"hiddenSize\":512,\"layers\":4}")),
        new("a batch over the memory ceiling", HttpStatusCode.UnprocessableEntity, "Limits:MaxBatchActivations",
            t => Post($"/api/series/{t.LongSeriesId}/training-runs", "{\"epochs\":1,\"hiddenSize\":512,\"lookback\":120,\"transform\":\"none\"}")),
        new("training an unknown series", HttpStatusCode.NotFound, "not found", _ => Post($"/api/series/{Guid.NewGuid()}/training-runs", "{}")),
    ];
}
