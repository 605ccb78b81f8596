using System.Globalization;
using System.Text.Json;
using Forecast.Api.Runs;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Apis;

/// <summary>
/// A run's events as <c>text/event-stream</c>: <c>epoch</c> events with the epoch as their id, <c>status</c> and
/// <c>finished</c> events without one (so that <c>Last-Event-ID</c> is always the last epoch seen), and comment
/// heartbeats. Written by hand rather than by <c>TypedResults.ServerSentEvents</c>, which cannot send comments
/// (dotnet/aspnetcore discussion #67133), and a heartbeat must not be an event a client has to ignore.
/// </summary>
public sealed class RunEventsResult(IAsyncEnumerable<RunEvent> events, IDisposable slot) : IResult
{
    public const string ContentType = "text/event-stream";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var _ = slot;
        var response = httpContext.Response;
        var json = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        // Proxies such as nginx would otherwise buffer the stream.
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(httpContext.RequestAborted);
        try
        {
            await foreach (var item in events.WithCancellation(httpContext.RequestAborted))
            {
                await response.WriteAsync(Frame(item, json), httpContext.RequestAborted);
                await response.Body.FlushAsync(httpContext.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nothing to finish.
        }
    }

    private static string Frame(RunEvent item, JsonSerializerOptions json) => item switch
    {
        EpochEvent e => $"id: {e.Epoch.ToString(CultureInfo.InvariantCulture)}\nevent: epoch\ndata: {JsonSerializer.Serialize(e, json)}\n\n",
        StatusEvent s => $"event: status\ndata: {JsonSerializer.Serialize(s, json)}\n\n",
        FinishedEvent f => $"event: finished\ndata: {JsonSerializer.Serialize(f, json)}\n\n",
        _ => ": heartbeat\n\n",
    };
}
