using Forecast.Api.Jobs;
using Hangfire;

namespace Forecast.Api.Runs;

/// <summary>Hands a queued run to Hangfire. Only a queued run can be claimed, so a run enqueued twice trains once.</summary>
public sealed class RunDispatcher(IBackgroundJobClient jobs)
{
    public void Enqueue(Guid runId) => jobs.Enqueue<TrainingJob>(job => job.Run(runId, CancellationToken.None));
}
