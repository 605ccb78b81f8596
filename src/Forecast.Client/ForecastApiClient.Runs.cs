using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Forecast.Client;

/// <summary>Following a run as it trains, from its event stream, which the generator can only return as one string.</summary>
public partial class ForecastApiClient
{
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>How long <see cref="WaitForRunAsync"/> waits before it follows a stream again that ended before the run did.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The run's events as they happen: its status, each epoch, each change of status, and <see cref="RunFinishedEvent"/>,
    /// after which the enumeration ends. Heartbeats are skipped, and so are event types this client does not know.
    /// </summary>
    /// <param name="afterEpoch">Resume after this epoch (the id of the last event received), as an EventSource does with Last-Event-ID.</param>
    public async IAsyncEnumerable<RunEvent> FollowRunAsync(
        Guid runId, int? afterEpoch = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/training-runs/{runId}/events", UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (afterEpoch is { } epoch)
        {
            request.Headers.Add("Last-Event-ID", epoch.ToString(CultureInfo.InvariantCulture));
        }
        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken).ConfigureAwait(false))
            {
                RunEvent? parsed = item.EventType switch
                {
                    "epoch" => JsonSerializer.Deserialize<RunEpochEvent>(item.Data, EventJson),
                    "status" => JsonSerializer.Deserialize<RunStatusEvent>(item.Data, EventJson),
                    "finished" => JsonSerializer.Deserialize<RunFinishedEvent>(item.Data, EventJson),
                    _ => null,
                };
                if (parsed is not null)
                {
                    yield return parsed;
                }
            }
        }
    }

    /// <summary>
    /// Follows the run's events until it finishes and returns the run as it ended. A stream that ends before the run
    /// does (a proxy's idle timeout) is followed again after the last epoch seen; errors are thrown.
    /// </summary>
    public async Task<TrainingRunResponse> WaitForRunAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        int? afterEpoch = null;
        while (true)
        {
            await foreach (var item in FollowRunAsync(runId, afterEpoch, cancellationToken).ConfigureAwait(false))
            {
                switch (item)
                {
                    case RunEpochEvent epoch:
                        afterEpoch = epoch.Epoch;
                        break;
                    case RunFinishedEvent:
                        return await GetTrainingRunAsync(runId, cancellationToken).ConfigureAwait(false);
                }
            }
            await Task.Delay(ReconnectDelay, cancellationToken).ConfigureAwait(false);
        }
    }
}
