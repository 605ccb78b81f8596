using Forecast.Api.Persistence;
using Forecast.Api.Security;
using Forecast.Domain;
using Forecast.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Registry;

/// <summary>
/// The one writer of aliases. A move is a conditional update on the version it read, written with its history entry
/// in one transaction; a move that lost a race reads again and moves from what it finds, so concurrent moves of one
/// alias all land, one after another, and the history chains them (each entry's from is the one before's to).
/// </summary>
public sealed class AliasStore(IDbContextFactory<ForecastDbContext> dbFactory, ICallerContext caller, TimeProvider clock)
{
    private const int MaxAttempts = 20;

    /// <summary>The series or collection of <paramref name="id"/>, if the caller may see it.</summary>
    /// <exception cref="NotFoundException">No such series or collection, or not the caller's.</exception>
    public async Task<AliasSubject> SubjectAsync(AliasSubjectKind kind, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owner = kind == AliasSubjectKind.Series
            ? await db.Series.Where(s => s.Id == id).Select(s => (Guid?)s.OwnerKeyId).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Series", id)
            : await db.Collections.Where(c => c.Id == id).Select(c => (Guid?)c.OwnerKeyId).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Collection", id);
        return new AliasSubject(kind, id, owner);
    }

    /// <summary>Points <paramref name="name"/> at <paramref name="modelId"/>, creating the alias if need be.</summary>
    /// <param name="reason">Why, when the service moves it; null for a client's move.</param>
    /// <param name="movedBy">Who moves it, as the history records it; the calling key when left out.</param>
    /// <exception cref="UnprocessableException">The model is not one of the subject's.</exception>
    public async Task<AliasEntity> MoveAsync(
        AliasSubject subject, string name, Guid modelId, CancellationToken cancellationToken, string? reason = null, string? movedBy = null)
    {
        movedBy ??= CallerName();
        AliasName.Check(name);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await BelongsAsync(db, subject, modelId, cancellationToken))
        {
            throw new UnprocessableException(
                $"Model '{modelId}' is not a model of {Describe(subject)}; an alias points only at its own subject's models.", "modelId");
        }
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await FindAsync(db, subject.Id, name, cancellationToken);
            if (current?.ModelId == modelId)
            {
                return current;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                if (!await TryMoveAsync(db, subject, name, current, modelId, movedBy, reason, clock.GetUtcNow().UtcDateTime, cancellationToken))
                {
                    continue;
                }
                await transaction.CommitAsync(cancellationToken);
                return (await FindAsync(db, subject.Id, name, cancellationToken))!;
            }
            catch (DbUpdateException) when (current is null)
            {
                // Another move created the alias first: move it from there.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
        throw new ConflictException($"Alias '{name}' of {Describe(subject)} kept moving under this request; try again.");
    }

    /// <exception cref="NotFoundException">No such alias.</exception>
    public async Task DeleteAsync(AliasSubject subject, string name, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await FindAsync(db, subject.Id, name, cancellationToken) ?? throw new NotFoundException($"Alias of {Describe(subject)}", name);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.Aliases.Where(a => a.SubjectId == subject.Id && a.Name == name && a.Version == current.Version)
                .ExecuteDeleteAsync(cancellationToken) == 0)
            {
                continue;
            }
            db.AliasMoves.Add(Move(subject, name, current.ModelId, null, CallerName(), null, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }
        throw new ConflictException($"Alias '{name}' of {Describe(subject)} kept moving under this request; try again.");
    }

    /// <summary>The model a forecast of the subject uses: the alias named, else <c>production</c>, else the newest model.</summary>
    /// <exception cref="NotFoundException">The named alias does not exist, or the subject has no model yet.</exception>
    public async Task<Guid> ResolveAsync(AliasSubject subject, string? alias, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (alias is not null)
        {
            return (await FindAsync(db, subject.Id, AliasName.Check(alias), cancellationToken))?.ModelId
                ?? throw new NotFoundException($"Alias of {Describe(subject)}", alias);
        }
        if (await FindAsync(db, subject.Id, AliasName.Production, cancellationToken) is { } production)
        {
            return production.ModelId;
        }
        var newest = subject.Kind == AliasSubjectKind.Series
            ? await db.Models.Where(m => m.SeriesId == subject.Id).OrderByDescending(m => m.CreatedAt).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken)
            : await db.CollectionModels.Where(m => m.CollectionId == subject.Id).OrderByDescending(m => m.CreatedAt).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
        return newest ?? throw new NotFoundException($"A model of {Describe(subject)} (train one first)", subject.Id);
    }

    /// <summary>The alias <paramref name="name"/> as it stands, with the version a move from it expects; null when there is no such alias.</summary>
    public async Task<AliasEntity?> CurrentAsync(AliasSubject subject, string name, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, subject.Id, name, cancellationToken);
    }

    /// <summary>
    /// Carries out a run's promotion inside the transaction that stores its model and marks the run Succeeded. The
    /// alias moves only from the holder the decision compared with: if another move came in between, it stays where
    /// that move put it, since the comparison no longer holds.
    /// </summary>
    /// <param name="db">The context that stores the model, inside its transaction.</param>
    /// <returns>The outcome the run records.</returns>
    public static async Task<string> PromoteAsync(ForecastDbContext db, PlannedPromotion plan, Guid modelId, string movedBy, DateTime now, CancellationToken cancellationToken)
    {
        if (!plan.Decision.Moves)
        {
            return plan.Decision.Reason;
        }
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A promotion is carried out inside the transaction that stores its model.");
        // A failed insert aborts a PostgreSQL transaction: the savepoint keeps the model's part of it.
        await transaction.CreateSavepointAsync(nameof(PromoteAsync), cancellationToken);
        try
        {
            if (await TryMoveAsync(db, plan.Subject, plan.Alias, plan.Holder, modelId, movedBy, plan.Decision.Reason, now, cancellationToken))
            {
                return plan.Decision.Reason;
            }
        }
        catch (DbUpdateException) when (plan.Holder is null)
        {
            await transaction.RollbackToSavepointAsync(nameof(PromoteAsync), cancellationToken);
            db.ChangeTracker.Clear();
        }
        return $"left '{plan.Alias}' where another move put it while this run was being compared; it was not moved.";
    }

    /// <summary>A model an alias points at is not deleted under the clients that forecast through it.</summary>
    /// <param name="db">The context that deletes the model, inside its transaction.</param>
    /// <exception cref="ConflictException">An alias points at the model.</exception>
    public static async Task EnsureNotHeldAsync(ForecastDbContext db, Guid modelId, CancellationToken cancellationToken)
    {
        var holding = await db.Aliases.Where(a => a.ModelId == modelId).Select(a => a.Name).OrderBy(n => n).ToListAsync(cancellationToken);
        if (holding.Count > 0)
        {
            throw new ConflictException(
                $"Model '{modelId}' is what alias {string.Join(", ", holding.Select(n => $"'{n}'"))} points at; move or delete the alias first.");
        }
    }

    /// <summary>A deleted series or collection takes its aliases and their history with it.</summary>
    /// <param name="db">The context that deletes the subject, inside its transaction.</param>
    public static async Task ForgetSubjectAsync(ForecastDbContext db, Guid subjectId, CancellationToken cancellationToken)
    {
        await db.Aliases.Where(a => a.SubjectId == subjectId).ExecuteDeleteAsync(cancellationToken);
        await db.AliasMoves.Where(m => m.SubjectId == subjectId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// One move from <paramref name="current"/> (null: create the alias), with its history entry, in the caller's
    /// transaction. False when the alias moved since <paramref name="current"/> was read; a concurrent creation throws.
    /// </summary>
    private static async Task<bool> TryMoveAsync(ForecastDbContext db, AliasSubject subject, string name, AliasEntity? current, Guid modelId,
        string movedBy, string? reason, DateTime now, CancellationToken cancellationToken)
    {
        if (current is null)
        {
            db.Aliases.Add(new AliasEntity { SubjectId = subject.Id, Name = name, ModelId = modelId, OwnerKeyId = subject.OwnerKeyId, Version = 1, MovedAt = now });
        }
        else if (await db.Aliases.Where(a => a.SubjectId == subject.Id && a.Name == name && a.Version == current.Version)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.ModelId, modelId).SetProperty(a => a.Version, current.Version + 1)
                .SetProperty(a => a.MovedAt, now), cancellationToken) == 0)
        {
            return false;
        }
        db.AliasMoves.Add(Move(subject, name, current?.ModelId, modelId, movedBy, reason, now));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private string CallerName() => caller.OwnerId is { } id && id != Caller.AdminOwnerId ? $"key {id}" : "admin";

    private static Task<AliasEntity?> FindAsync(ForecastDbContext db, Guid subjectId, string name, CancellationToken cancellationToken) =>
        db.Aliases.AsNoTracking().FirstOrDefaultAsync(a => a.SubjectId == subjectId && a.Name == name, cancellationToken);

    private static Task<bool> BelongsAsync(ForecastDbContext db, AliasSubject subject, Guid modelId, CancellationToken cancellationToken) =>
        subject.Kind == AliasSubjectKind.Series
            ? db.Models.AnyAsync(m => m.Id == modelId && m.SeriesId == subject.Id, cancellationToken)
            : db.CollectionModels.AnyAsync(m => m.Id == modelId && m.CollectionId == subject.Id, cancellationToken);

    private static AliasMoveEntity Move(AliasSubject subject, string name, Guid? from, Guid? to, string movedBy, string? reason, DateTime at) => new()
    {
        SubjectId = subject.Id,
        Name = name,
        OwnerKeyId = subject.OwnerKeyId,
        FromModelId = from,
        ToModelId = to,
        MovedBy = movedBy,
        MovedAt = at,
        Reason = reason,
    };

    private static string Describe(AliasSubject subject) =>
        $"{(subject.Kind == AliasSubjectKind.Series ? "series" : "collection")} '{subject.Id}'";
}
