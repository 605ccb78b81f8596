using Forecast.Api.Persistence;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Retraining;

/// <summary>
/// A policy's cron schedule as a Hangfire recurring job that reviews it (<see cref="RetrainingJob"/>). The policies are
/// the truth, kept in the service's database: every process registers them all at start (<see cref="StartAsync"/>), so
/// that Hangfire.InMemory losing its jobs on a restart loses no schedule, and a policy deleted while a process was down
/// has its job removed.
/// </summary>
public sealed class RetrainingSchedules(IRecurringJobManager recurringJobs, JobStorage storage, IDbContextFactory<ForecastDbContext> dbFactory, TimeProvider clock)
    : IHostedService
{
    private const string JobPrefix = "retraining-";

    public static string JobId(Guid policyId) => $"{JobPrefix}{policyId:N}";

    /// <summary>Schedules the policy's reviews, or removes them when it has no cron or is paused.</summary>
    public void Register(RetrainingPolicyEntity policy)
    {
        if (policy.PausedReason is not null || policy.Policy.Schedule(clock.GetUtcNow().UtcDateTime) is not { } schedule)
        {
            Remove(policy.Id);
            return;
        }
        recurringJobs.AddOrUpdate<RetrainingJob>(JobId(policy.Id), RetrainingJob.Queue, job => job.Review(policy.Id), schedule.Cron,
            new RecurringJobOptions { TimeZone = schedule.Zone });
    }

    public void Remove(Guid policyId) => recurringJobs.RemoveIfExists(JobId(policyId));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var policies = await db.RetrainingPolicies.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var policy in policies)
        {
            Register(policy);
        }
        var kept = policies.Select(p => JobId(p.Id)).ToHashSet();
        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Select(j => j.Id).Where(id => id.StartsWith(JobPrefix, StringComparison.Ordinal) && !kept.Contains(id)))
        {
            recurringJobs.RemoveIfExists(stale);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
