using Forecast.Api.Configuration;
using Forecast.Api.Persistence;
using Forecast.Domain;
using Forecast.Domain.Series;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Series;

/// <summary>An append as stored: what it did, and the series' version after it.</summary>
public sealed record StoredAppend(AppendedSeries Appended, int Version);

/// <summary>
/// The one writer of a stored series' observations after its upload. An append is applied to the version it read and
/// written in one transaction on that version (the series' concurrency token), with its collection's version when it
/// is a member; an append that lost a race to another reads again and applies itself to what that one wrote.
/// </summary>
public sealed class ObservationStore(IDbContextFactory<ForecastDbContext> dbFactory, IOptions<LimitsOptions> limits)
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
            var appended = SeriesAppender.Append(entity.ToDomain(), entity.FilledGaps, entity.FillPolicy, batch.Dates, batch.Values, revise,
                limits.Value.MaxPoints, limits.Value.MaxObservationsPerAppend);
            if (!appended.Changed)
            {
                return new StoredAppend(appended, entity.Version);
            }
            entity.Values = ValueCodec.Encode(appended.Series.Values);
            entity.Count = appended.Series.Count;
            entity.FilledGaps = [.. appended.FilledGaps];
            entity.Version++;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                continue;
            }
            if (entity.CollectionId is { } collectionId)
            {
                await db.Collections.Where(c => c.Id == collectionId)
                    .ExecuteUpdateAsync(set => set.SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return new StoredAppend(appended, entity.Version);
        }
        throw new ConflictException($"Series '{seriesId}' kept changing under this append; try again.");
    }
}
