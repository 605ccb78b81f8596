using System.Collections.Concurrent;

namespace Forecast.Api.Jobs;

/// <summary>
/// Cancellation sources of the runs training in this process, so that a cancel request handled
/// here stops its run at the next batch. Runs in other processes see the stored flag at their next epoch.
/// </summary>
public sealed class RunCancellations
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> running = new();

    /// <summary>A source that fires on a cancel request or when the host stops; the caller disposes it.</summary>
    public CancellationTokenSource Register(Guid runId, CancellationToken hostStopping)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(hostStopping);
        running[runId] = source;
        return source;
    }

    public void Unregister(Guid runId) => running.TryRemove(runId, out _);

    public void Cancel(Guid runId)
    {
        if (running.TryGetValue(runId, out var source))
        {
            source.Cancel();
        }
    }
}
