using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Forecast.Api.Tests;

/// <summary>
/// A collector's OTLP/HTTP endpoint on a loopback port: it keeps the body of every export, by signal
/// (<c>traces</c>, <c>metrics</c>, <c>logs</c>), and answers as a collector that accepted it.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private OtlpReceiver(WebApplication app) => this.app = app;

    public ConcurrentDictionary<string, ConcurrentQueue<byte[]>> Exports { get; } = new();

    /// <summary>The address the OS gave the port 0 asked for.</summary>
    public string Endpoint => app.Urls.Single();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new OtlpReceiver(builder.Build());
        receiver.app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver.Exports.GetOrAdd(signal, _ => new ConcurrentQueue<byte[]>()).Enqueue(body.ToArray());
            // An empty protobuf message: the export response with nothing rejected.
            return Results.Bytes([], "application/x-protobuf");
        });
        await receiver.app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
