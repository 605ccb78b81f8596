using Forecast.Api.Configuration;
using Forecast.Api.Persistence;
using Forecast.Api.Retraining;
using Forecast.Api.Webhooks;
using Forecast.Domain;
using Forecast.Domain.Series;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Series;

/// <summary>An append as stored: what it did, the series' version and covariates after it.</summary>
public sealed record StoredAppend(AppendedSeries Appended, int Version, Covariates Covariates);

/// <summary>An append to a collection as stored: each member's, and the collection's version after it.</summary>
public sealed record StoredCollectionAppend(IReadOnlyList<(SeriesEntity Member, StoredAppend Append)> Members, int Version);

/// <summary>
/// The one writer of stored series' observations after their upload. An append is applied to the versions it read and
/// written in one transaction on those versions (each series' concurrency token), with its collection's version when it
/// touches a member; an append that lost a race to another reads again and applies itself to what that one wrote.
/// </summary>
public sealed class ObservationStore(
    IDbContextFactory<ForecastDbContext> dbFactory, IOptions<LimitsOptions> limits, IBackgroundJobClient jobs, WebhookNotifier notifier)
{
    private const int MaxAttempts = 10;

    /// <exception cref="NotFoundException">No such series, or not the caller's.</exception>
    /// <exception cref="ConflictException">An observation differs from the stored one without revise; or the series kept changing.</exception>
    public async Task<StoredAppend> AppendAsync(Guid seriesId, ObservationBatch batch, bool revise, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var entity = await db.Series.FirstOrDefaultAsync(s => s.Id == seriesId, cancellationToken) ?? throw new NotFoundException("Series", seriesId);
            var series = entity.ToDomain();
            var appended = batch.Blame(() => SeriesAppender.Append(series, entity.FilledGaps, entity.FillPolicy, batch.Dates, batch.Values,
                revise, limits.Value.MaxPoints, limits.Value.MaxObservationsPerAppend));
            var covariates = batch.BlameCovariates(() => CovariateAppender.Append(CovariateCodec.Decode(entity.Covariates), series.Count, appended.Series,
                batch.CovariatesOn(series), revise, limits.Value.MaxHorizon));
            ValueMagnitudes.Check(covariates.Covariates, limits.Value.MaxAbsoluteValue);
            Apply(entity, appended, covariates);
            if (await SaveAsync(db, entity.CollectionId, cancellationToken))
            {
                AnomalyCheckJob.AfterAppend(jobs, notifier, entity, appended);
                if (appended.Changed)
                {
                    await RetrainingJob.AfterAppendAsync(jobs, db, entity.CollectionId is { } collection ? [entity.Id, collection] : [entity.Id], cancellationToken);
                }
                return new StoredAppend(appended, entity.Version, covariates.Covariates);
            }
        }
        throw new ConflictException($"Series '{seriesId}' kept changing under this append; try again.");
    }

    /// <exception cref="NotFoundException">No such collection, or not the caller's.</exception>
    /// <exception cref="ConflictException">An observation differs from the stored one without revise; or the members kept changing.</exception>
    public async Task<StoredCollectionAppend> AppendAsync(Guid collectionId, IReadOnlyList<MemberObservations> batch, bool revise, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var collection = await db.Collections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == collectionId, cancellationToken)
                ?? throw new NotFoundException("Collection", collectionId);
            var keys = batch.Select(m => m.Key).ToList();
            var members = await db.Series.Where(s => s.CollectionId == collectionId && keys.Contains(s.Key!)).ToDictionaryAsync(s => s.Key!, cancellationToken);
            var appended = CollectionAppender.Append(
                members.ToDictionary(m => m.Key, m => new StoredMember(m.Value.ToDomain(), m.Value.FilledGaps, CovariateCodec.Decode(m.Value.Covariates))),
                collection.FillPolicy, batch, revise, limits.Value.MaxPoints, limits.Value.MaxObservationsPerAppend, limits.Value.MaxHorizon);
            foreach (var member in appended)
            {
                ValueMagnitudes.Check(member.Covariates.Covariates, limits.Value.MaxAbsoluteValue, member.Key);
                Apply(members[member.Key], member.Series, member.Covariates);
            }
            if (await SaveAsync(db, collectionId, cancellationToken))
            {
                var version = await db.Collections.Where(c => c.Id == collectionId).Select(c => c.Version).FirstAsync(cancellationToken);
                foreach (var member in appended)
                {
                    AnomalyCheckJob.AfterAppend(jobs, notifier, members[member.Key], member.Series);
                }
                if (appended.Any(a => a.Series.Changed))
                {
                    await RetrainingJob.AfterAppendAsync(jobs, db, [collectionId], cancellationToken);
                }
                return new StoredCollectionAppend(appended.Select(a => (members[a.Key], new StoredAppend(a.Series, members[a.Key].Version, a.Covariates.Covariates))).ToList(), version);
            }
        }
        throw new ConflictException($"Collection '{collectionId}' kept changing under this append; try again.");
    }

    /// <param name="covariates">The series' uploaded covariates after the append.</param>
    private static void Apply(SeriesEntity entity, AppendedSeries appended, AppendedCovariates covariates)
    {
        // Covariates alone may change (a newer plan for the known future): the version goes up, so forecasts read them.
        if (!appended.Changed && !covariates.Changed)
        {
            return;
        }
        if (covariates.Changed)
        {
            entity.Covariates = CovariateCodec.Encode(covariates.Covariates);
        }
        entity.Values = ValueCodec.Encode(appended.Series.Values);
        entity.Count = appended.Series.Count;
        entity.FilledGaps = [.. appended.FilledGaps];
        entity.Version++;
    }

    /// <summary>Writes the changed series on the versions read, with their collection's version when a member changed.</summary>
    /// <returns>False when another append changed one of them first: nothing was written.</returns>
    private static async Task<bool> SaveAsync(ForecastDbContext db, Guid? collectionId, CancellationToken cancellationToken)
    {
        if (!db.ChangeTracker.HasChanges())
        {
            return true;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        if (collectionId is { } id)
        {
            await db.Collections.Where(c => c.Id == id).ExecuteUpdateAsync(set => set.SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
