using Forecast.Api.Contracts;
using Forecast.Api.Persistence;
using Forecast.Api.Registry;
using Forecast.Api.Runs;
using Forecast.Domain;
using Forecast.Domain.Registry;
using Forecast.Domain.Retraining;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Retraining;

/// <summary>
/// The one writer of retraining policies as clients put and delete them (their reviews write through
/// <see cref="RetrainingJob"/>), and their reads with history. A policy is checked whole when put: its fields, its alias,
/// and the run it would start now, so that a policy that cannot train is refused then rather than failing at 3 a.m.
/// </summary>
public sealed class RetrainingPolicies(
    IDbContextFactory<ForecastDbContext> dbFactory, AliasStore aliases, RunSubmission submission, RetrainingSchedules schedules, TimeProvider clock)
{
    /// <summary>The most policies one series or collection may have.</summary>
    public const int MaxPerSubject = 10;

    /// <summary>The newest events listed with each policy in a list of them.</summary>
    public const int ListedEvents = 50;

    /// <returns>The policy as stored, and whether it is new.</returns>
    /// <exception cref="NotFoundException">No such series or collection, or not the caller's.</exception>
    /// <exception cref="DomainValidationException">A field breaks its rule (400), or the policy cannot train (422).</exception>
    public async Task<(RetrainingPolicyResponse Policy, bool Created)> PutAsync(
        AliasSubjectKind kind, Guid subjectId, string name, RetrainingPolicyRequest request, CancellationToken cancellationToken)
    {
        var subject = await aliases.SubjectAsync(kind, subjectId, cancellationToken);
        PolicyName.Check(name);
        var now = clock.GetUtcNow().UtcDateTime;
        var policy = RetrainingPolicy.Check(request.ToDomain(), forCollection: kind == AliasSubjectKind.Collection, now);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var champion = await Champion.FindAsync(db, subject, policy.Alias, cancellationToken)
            ?? throw new UnprocessableException(
                $"Alias '{policy.Alias}' does not exist here; a policy feeds an alias that points at a model (its champion). Point it at one first (PUT .../aliases/{policy.Alias}).", "alias");
        var (runRequest, _) = PolicyRunRequest.For(policy, champion);
        await submission.CheckAsync(SeriesIdOf(subject), CollectionIdOf(subject), runRequest, cancellationToken);

        var entity = await db.RetrainingPolicies.FirstOrDefaultAsync(p => (p.SeriesId == subjectId || p.CollectionId == subjectId) && p.Name == name, cancellationToken);
        var created = entity is null;
        if (entity is null)
        {
            if (await db.RetrainingPolicies.CountAsync(p => p.SeriesId == subjectId || p.CollectionId == subjectId, cancellationToken) >= MaxPerSubject)
            {
                throw new UnprocessableException($"This {Describe(kind)} has {MaxPerSubject} retraining policies, the most allowed; delete one first.", "name");
            }
            entity = new RetrainingPolicyEntity
            {
                Id = Guid.CreateVersion7(), Name = name, Policy = policy, OwnerKeyId = subject.OwnerKeyId,
                SeriesId = SeriesIdOf(subject), CollectionId = CollectionIdOf(subject), CreatedAt = now,
            };
            db.RetrainingPolicies.Add(entity);
        }
        // Put again, a policy starts afresh: resumed if paused, its triggers counted from now, its old failures forgiven.
        entity.Policy = policy;
        entity.PausedReason = null;
        entity.ServedUntil = now;
        entity.ObservedPoints = await RetrainingSubjects.PointsAsync(db, subject, cancellationToken);
        entity.UpdatedAt = now;
        entity.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"Retraining policy '{name}' changed under this request; put it again.");
        }
        schedules.Register(entity);
        return (await ResponseAsync(db, entity, RetrainingJob.KeptEvents, cancellationToken), created);
    }

    /// <exception cref="NotFoundException">No such subject or policy.</exception>
    public async Task<RetrainingPolicyResponse> GetAsync(AliasSubjectKind kind, Guid subjectId, string name, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await FindAsync(db, kind, subjectId, name, cancellationToken);
        return await ResponseAsync(db, entity, RetrainingJob.KeptEvents, cancellationToken);
    }

    /// <exception cref="NotFoundException">No such subject.</exception>
    public async Task<List<RetrainingPolicyResponse>> ListAsync(AliasSubjectKind kind, Guid subjectId, CancellationToken cancellationToken)
    {
        var subject = await aliases.SubjectAsync(kind, subjectId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entities = await db.RetrainingPolicies.AsNoTracking()
            .Where(p => p.SeriesId == subject.Id || p.CollectionId == subject.Id).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var responses = new List<RetrainingPolicyResponse>();
        foreach (var entity in entities)
        {
            responses.Add(await ResponseAsync(db, entity, ListedEvents, cancellationToken));
        }
        return responses;
    }

    /// <summary>Deletes the policy and its history; the runs it started stay, naming it.</summary>
    /// <exception cref="NotFoundException">No such subject or policy.</exception>
    public async Task DeleteAsync(AliasSubjectKind kind, Guid subjectId, string name, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await FindAsync(db, kind, subjectId, name, cancellationToken);
        await db.RetrainingPolicies.Where(p => p.Id == entity.Id).ExecuteDeleteAsync(cancellationToken);
        schedules.Remove(entity.Id);
    }

    private async Task<RetrainingPolicyEntity> FindAsync(ForecastDbContext db, AliasSubjectKind kind, Guid subjectId, string name, CancellationToken cancellationToken)
    {
        var subject = await aliases.SubjectAsync(kind, subjectId, cancellationToken);
        return await db.RetrainingPolicies.AsNoTracking()
            .FirstOrDefaultAsync(p => (p.SeriesId == subject.Id || p.CollectionId == subject.Id) && p.Name == name, cancellationToken)
            ?? throw new NotFoundException($"Retraining policy of {Describe(kind)} '{subjectId}'", name);
    }

    private async Task<RetrainingPolicyResponse> ResponseAsync(ForecastDbContext db, RetrainingPolicyEntity entity, int listed, CancellationToken cancellationToken)
    {
        var events = await db.RetrainingEvents.AsNoTracking().Where(e => e.PolicyId == entity.Id).OrderByDescending(e => e.Id).Take(listed)
            .ToListAsync(cancellationToken);
        var runIds = events.Where(e => e.RunId is not null).Select(e => e.RunId!.Value).ToList();
        var runs = await db.TrainingRuns.AsNoTracking().Where(r => runIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Status, r.ModelId, r.PromotionOutcome, r.Error }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var history = events.Select(e => e.RunId is { } id && runs.TryGetValue(id, out var run)
            ? new RetrainingHistoryItem(e.At, e.Action, e.Reason, id, run.Status, run.ModelId, run.PromotionOutcome, run.Error)
            : new RetrainingHistoryItem(e.At, e.Action, e.Reason, e.RunId, null, null, null, null)).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var next = entity.PausedReason is null ? entity.Policy.Schedule(now)?.NextAfter(now) : null;
        var points = await RetrainingSubjects.PointsAsync(db, RetrainingSubjects.Of(entity), cancellationToken);
        return new RetrainingPolicyResponse(entity.Id, entity.Name, entity.SeriesId, entity.CollectionId, entity.Policy,
            entity.PausedReason is null ? "active" : "paused", entity.PausedReason, next, points - entity.ObservedPoints,
            history, entity.CreatedAt, entity.UpdatedAt);
    }

    private static Guid? SeriesIdOf(AliasSubject subject) => subject.Kind == AliasSubjectKind.Series ? subject.Id : null;

    private static Guid? CollectionIdOf(AliasSubject subject) => subject.Kind == AliasSubjectKind.Collection ? subject.Id : null;

    private static string Describe(AliasSubjectKind kind) => kind == AliasSubjectKind.Series ? "series" : "collection";
}
