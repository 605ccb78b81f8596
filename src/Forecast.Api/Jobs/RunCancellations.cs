using System.Collections.Concurrent;

namespace Forecast.Api.Jobs;

/// <summary>
/// Cancellation sources of the runs training in this process, so that a cancel request handled
/// here stops its run at the next batch. Runs in other processes see the stored flag at their next epoch.
/// </summary>
public sealed class RunCancellations
{
    /// <summary>
    /// How long a stopping host lets a run's epoch go on. The recorder stops the run at the end of the epoch with a
    /// checkpoint of it, so an epoch that ends within the grace loses nothing; a longer one is cut at the next batch and
    /// the run resumes from its last checkpoint. Well below Hangfire's 15 s shutdown timeout, after which a job's writes
    /// would race the process's exit.
    /// </summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, (CancellationTokenSource Source, CancellationTokenRegistration HostStop)> running = new();

    /// <summary>A source that fires on a cancel request, or <see cref="StopGrace"/> after the host began to stop; the caller disposes it.</summary>
    public CancellationTokenSource Register(Guid runId, CancellationToken hostStopping)
    {
        var source = new CancellationTokenSource();
        // Not linked directly: a stop that arrived just after the recorder looked at it would cut the next epoch before
        // its end, and the run would be queued again at an older checkpoint than its last recorded epoch.
        var hostStop = hostStopping.Register(() => source.CancelAfter(StopGrace));
        running[runId] = (source, hostStop);
        return source;
    }

    public void Unregister(Guid runId)
    {
        if (running.TryRemove(runId, out var entry))
        {
            entry.HostStop.Dispose();
        }
    }

    public void Cancel(Guid runId)
    {
        if (running.TryGetValue(runId, out var entry))
        {
            entry.Source.Cancel();
        }
    }
}
