using Forecast.Api.Errors;
using Forecast.Api.Models;
using Forecast.Api.Persistence;
using Forecast.Api.Registry;
using Forecast.Api.Runs;
using Forecast.Api.Webhooks;
using Forecast.Domain;
using Forecast.Domain.Retraining;
using Forecast.Domain.Runs;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Retraining;

/// <summary>
/// Looks at a retraining policy, at a cron tick or after observations were appended, and does what
/// <see cref="RetrainingVerdict"/> decides: start an ordinary run promoted on merit, skip, pause, or nothing. The decision
/// is written as a conditional update on the policy's version, so when two processes look at the same tick, one acts.
/// </summary>
public sealed class RetrainingJob(
    IDbContextFactory<ForecastDbContext> dbFactory, RunSubmission submission, ModelCache models, WebhookNotifier webhooks,
    RetrainingSchedules schedules, TimeProvider clock)
{
    /// <summary>A queue of its own, served in every process: a review is quick and must not wait behind a training run.</summary>
    public const string Queue = "retraining";

    /// <summary>The newest events a policy keeps: its history, and enough to count its failures.</summary>
    public const int KeptEvents = 500;

    /// <summary>Queues a review of the policies that an append may trigger: the series', and its collection's when it is a member.</summary>
    /// <param name="subjects">The series or collection appended to, and the collection of a member appended to on its own.</param>
    public static async Task AfterAppendAsync(IBackgroundJobClient jobs, ForecastDbContext db, IReadOnlyList<Guid> subjects, CancellationToken cancellationToken)
    {
        // The triggers are in the policy's JSON: filtered here, on the few policies of one subject.
        var policies = await db.RetrainingPolicies.IgnoreQueryFilters().AsNoTracking()
            .Where(p => (subjects.Contains(p.SeriesId!.Value) || subjects.Contains(p.CollectionId!.Value)) && p.PausedReason == null)
            .Select(p => new { p.Id, p.Policy }).ToListAsync(cancellationToken);
        foreach (var policy in policies.Where(p => p.Policy.AfterObservations is not null || p.Policy.Accuracy is not null))
        {
            jobs.Enqueue<RetrainingJob>(job => job.Review(policy.Id));
        }
    }

    [Queue(Queue)]
    [AutomaticRetry(Attempts = 0)]
    public async Task Review(Guid policyId)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.RetrainingPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == policyId, cancellationToken);
        if (entity is null)
        {
            // Deleted with its series or collection, whose deletion knows nothing of schedules: its job goes now.
            schedules.Remove(policyId);
            return;
        }
        if (entity.PausedReason is not null)
        {
            return;
        }
        var subject = RetrainingSubjects.Of(entity);
        var champion = await Champion.FindAsync(db, subject, entity.Policy.Alias, cancellationToken);
        var points = await RetrainingSubjects.PointsAsync(db, subject, cancellationToken);
        var (openRun, failures) = await RecentRunsAsync(db, entity, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var facts = new RetrainingFacts(now, entity.ServedUntil, points - entity.ObservedPoints,
            await LiveMaseAsync(entity.Policy, champion, cancellationToken), champion?.TestMase, openRun, failures);
        var verdict = RetrainingVerdict.Decide(entity.Policy, facts);
        if (verdict.Action == RetrainingAction.None || !await ClaimAsync(db, entity, verdict, points, cancellationToken))
        {
            return;
        }
        switch (verdict.Action)
        {
            case RetrainingAction.Pause:
                schedules.Remove(entity.Id);
                await RecordAsync(db, entity, now, verdict.Action, verdict.Reason, runId: null, refused: false, cancellationToken);
                break;
            case RetrainingAction.Skip:
                await RecordAsync(db, entity, now, verdict.Action, verdict.Reason, runId: null, refused: false, cancellationToken);
                break;
            case RetrainingAction.Start:
                await StartAsync(db, entity, subject, champion, verdict.Reason, now, cancellationToken);
                break;
        }
    }

    private async Task StartAsync(
        ForecastDbContext db, RetrainingPolicyEntity entity, AliasSubject subject, Champion? champion, string reason, DateTime now, CancellationToken cancellationToken)
    {
        if (champion is null)
        {
            await RecordAsync(db, entity, now, RetrainingAction.Start,
                $"{reason}, but alias '{entity.Policy.Alias}' points at no model any more: nothing to retrain against. Point it at a model.", runId: null, refused: true, cancellationToken);
            return;
        }
        var (request, choices) = PolicyRunRequest.For(entity.Policy, champion);
        var submitter = new RunSubmitter(
            LimitedKey: entity.OwnerKeyId == Security.Caller.AdminOwnerId ? null : entity.OwnerKeyId,
            [$"started by retraining policy '{entity.Name}': {reason}", .. choices], entity.Id);
        try
        {
            var queued = subject.Kind == AliasSubjectKind.Series
                ? await submission.QueueForSeriesAsync(subject.Id, request, submitter, cancellationToken)
                : await submission.QueueForCollectionAsync(subject.Id, request, submitter, cancellationToken);
            await RecordAsync(db, entity, now, RetrainingAction.Start, reason, queued.Run.Id, refused: false, cancellationToken);
            webhooks.RetrainingStarted(entity.OwnerKeyId,
                new RetrainingStartedData(entity.Id, entity.Name, entity.SeriesId, entity.CollectionId, queued.Run.Id, reason));
        }
        catch (Exception e) when (e is DomainValidationException or NotFoundException or TooManyRequestsException)
        {
            await RecordAsync(db, entity, now, RetrainingAction.Start, $"{reason}, but the run was refused: {e.Message}", runId: null, refused: true, cancellationToken);
        }
    }

    /// <summary>Writes the verdict on the version read: false when another review acted first.</summary>
    private static async Task<bool> ClaimAsync(ForecastDbContext db, RetrainingPolicyEntity entity, RetrainingVerdict verdict, int points, CancellationToken cancellationToken)
    {
        var servedUntil = verdict.DueTick ?? entity.ServedUntil;
        var observed = verdict.Action == RetrainingAction.Start ? points : entity.ObservedPoints;
        var paused = verdict.Action == RetrainingAction.Pause ? Clip(verdict.Reason) : null;
        return await db.RetrainingPolicies.Where(p => p.Id == entity.Id && p.Version == entity.Version).ExecuteUpdateAsync(set => set
            .SetProperty(p => p.Version, entity.Version + 1)
            .SetProperty(p => p.ServedUntil, servedUntil)
            .SetProperty(p => p.ObservedPoints, observed)
            .SetProperty(p => p.PausedReason, paused), cancellationToken) == 1;
    }

    private static async Task RecordAsync(
        ForecastDbContext db, RetrainingPolicyEntity entity, DateTime at, RetrainingAction action, string reason, Guid? runId, bool refused, CancellationToken cancellationToken)
    {
        db.RetrainingEvents.Add(new RetrainingEventEntity
        {
            PolicyId = entity.Id, OwnerKeyId = entity.OwnerKeyId, At = at, Action = action, Reason = Clip(reason), RunId = runId, Refused = refused,
        });
        await db.SaveChangesAsync(cancellationToken);
        var oldestKept = await db.RetrainingEvents.Where(e => e.PolicyId == entity.Id).OrderByDescending(e => e.Id)
            .Skip(KeptEvents - 1).Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (oldestKept is { } oldest)
        {
            await db.RetrainingEvents.Where(e => e.PolicyId == entity.Id && e.Id < oldest).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The policy's previous run when it is still open, and its failures in a row since it was last put (runs that failed,
    /// runs that could not start), newest first; a run that succeeded or was cancelled ends the row.
    /// </summary>
    private static async Task<(Guid? OpenRun, IReadOnlyList<DateTime> Failures)> RecentRunsAsync(
        ForecastDbContext db, RetrainingPolicyEntity entity, CancellationToken cancellationToken)
    {
        var starts = await db.RetrainingEvents
            .Where(e => e.PolicyId == entity.Id && e.Action == RetrainingAction.Start && e.At >= entity.UpdatedAt)
            .OrderByDescending(e => e.Id).Take(RetrainingVerdict.MaxFailures + 1)
            .Select(e => new { e.At, e.RunId, e.Refused }).ToListAsync(cancellationToken);
        var runIds = starts.Where(s => s.RunId is not null).Select(s => s.RunId!.Value).ToList();
        var runs = await db.TrainingRuns.Where(r => runIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Status, r.FinishedAt }).ToDictionaryAsync(r => r.Id, cancellationToken);
        Guid? open = starts.FirstOrDefault(s => s.RunId is not null) is { RunId: { } newest } && runs.TryGetValue(newest, out var last) && !last.Status.IsFinished()
            ? newest : null;
        var failures = new List<DateTime>();
        foreach (var start in starts)
        {
            if (start.Refused)
            {
                failures.Add(start.At);
            }
            else if (start.RunId is { } id && runs.TryGetValue(id, out var run) && run.Status == TrainingRunStatus.Failed)
            {
                failures.Add(run.FinishedAt ?? start.At);
            }
            else
            {
                break;
            }
        }
        return (open, failures);
    }

    /// <summary>The champion's mean MASE over its newest origins, when the policy watches accuracy; null otherwise.</summary>
    private async Task<double?> LiveMaseAsync(RetrainingPolicy policy, Champion? champion, CancellationToken cancellationToken)
    {
        if (policy.Accuracy is not { } accuracy || champion is null)
        {
            return null;
        }
        var loaded = (LoadedModel)await models.GetAnyAsync(champion.ModelId, cancellationToken);
        return loaded.LiveAccuracy(loaded.Entity.Evaluation.Actual.Count, newest: accuracy.Origins).MeanMase;
    }

    private static string Clip(string reason) =>
        reason.Length <= RetrainingPolicyEntity.MaxReasonLength ? reason : reason[..(RetrainingPolicyEntity.MaxReasonLength - 1)] + "…";
}
