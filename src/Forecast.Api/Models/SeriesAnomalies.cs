using Forecast.Api.Persistence;
using Forecast.Api.Registry;
using Forecast.Domain;
using Forecast.Domain.Registry;
using Forecast.Domain.Series;
using Forecast.Training.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Models;

/// <summary>What a check for anomalies found: which model judged which version of the series, from where.</summary>
public sealed record AnomalyReport(Guid ModelId, RegularSeries Series, int SeriesVersion, int CheckedFrom, IReadOnlyList<Anomaly> Found);

/// <summary>
/// The observations of a series that its model did not expect. A series on its own is judged by one of its models; a
/// collection's member by one of its collection's global models. The model is the one named, else the subject's
/// <c>production</c> alias, else its newest.
/// </summary>
public sealed class SeriesAnomalies(IDbContextFactory<ForecastDbContext> dbFactory, AliasStore aliases, ModelCache cache)
{
    /// <param name="from">The first index checked; default the model's test tail's origin.</param>
    /// <exception cref="NotFoundException">No such series, no model yet, or not the caller's.</exception>
    /// <exception cref="UnprocessableException">A model of another subject, or one without intervals.</exception>
    public async Task<AnomalyReport> FindAsync(Guid seriesId, Guid? modelId, double level, int? from, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var series = await db.Series.Where(s => s.Id == seriesId).Select(s => new { s.CollectionId, s.Key }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Series", seriesId);
        if (series.CollectionId is not { } collectionId)
        {
            var subject = await aliases.SubjectAsync(AliasSubjectKind.Series, seriesId, cancellationToken);
            var model = await cache.GetAsync(modelId ?? await aliases.ResolveAsync(subject, alias: null, cancellationToken), cancellationToken);
            if (model.Entity.SeriesId != seriesId)
            {
                throw new UnprocessableException($"Model '{model.Entity.Id}' is not a model of series '{seriesId}'.", "modelId");
            }
            var (checkedFrom, found) = model.Anomalies(level, from);
            return new AnomalyReport(model.Entity.Id, model.Series, model.SeriesVersion, checkedFrom, found);
        }
        var collection = await aliases.SubjectAsync(AliasSubjectKind.Collection, collectionId, cancellationToken);
        var global = await cache.GetCollectionModelAsync(modelId ?? await aliases.ResolveAsync(collection, alias: null, cancellationToken), cancellationToken);
        if (global.Entity.CollectionId != collectionId)
        {
            throw new UnprocessableException($"Model '{global.Entity.Id}' is not a model of collection '{collectionId}', of which series '{seriesId}' is a member.", "modelId");
        }
        var member = global.Member(series.Key!) ?? throw new NotFoundException($"Member of model {global.Entity.Id}", series.Key!);
        var testOrigin = await MemberTestOrigins.OfAsync(db, global.Entity.Id, member.Key, cancellationToken);
        var (memberFrom, memberFound) = global.Anomalies(member, level, from ?? testOrigin);
        return new AnomalyReport(global.Entity.Id, member.Series, member.SeriesVersion, memberFrom, memberFound);
    }
}
