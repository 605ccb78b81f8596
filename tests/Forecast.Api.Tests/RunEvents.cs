using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Forecast.Api.Tests;

/// <summary>A client of a run's server-sent events: the request, and the stream read to its end as an EventSource parses it.</summary>
public static class RunEvents
{
    public sealed record ServerEvent(string? Id, string Type, JsonElement Data);

    public static HttpRequestMessage Request(Guid runId, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/training-runs/{runId}/events");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        return request;
    }

    /// <summary>Reads the stream until it ends, as an EventSource would parse it; comments are skipped.</summary>
    public static Task<List<ServerEvent>> ReadAllAsync(HttpClient client, Guid runId, string? lastEventId = null) =>
        ReadUntilAsync(client, runId, lastEventId, stopAfterEpoch: int.MaxValue);

    /// <summary>Reads the stream until it ends or until the epoch event <paramref name="stopAfterEpoch"/>, then drops the connection.</summary>
    public static async Task<List<ServerEvent>> ReadUntilAsync(HttpClient client, Guid runId, string? lastEventId, int stopAfterEpoch)
    {
        using var response = await client.SendAsync(Request(runId, lastEventId), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var events = new List<ServerEvent>();
        var clock = Stopwatch.StartNew();
        string? id = null, type = null, data = null;
        while (await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), "the stream did not end");
            if (line.Length == 0)
            {
                if (type is not null)
                {
                    events.Add(new ServerEvent(id, type, JsonDocument.Parse(data!).RootElement));
                    if (type == "epoch" && int.Parse(id!, System.Globalization.CultureInfo.InvariantCulture) >= stopAfterEpoch)
                    {
                        return events;
                    }
                }
                (id, type, data) = (null, null, null);
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }
        return events;
    }
}
