namespace Forecast.Domain.Series;

/// <summary>New observations of one member, as a request carries them: dated, or (null dates) continuing from its end.</summary>
/// <param name="Source">Where they came from in the request, for its refusals: <c>series[2]</c>, <c>from CSV line 7</c>.</param>
public sealed record MemberObservations(string Key, IReadOnlyList<DateTime>? Dates, IReadOnlyList<double> Values, string Source)
{
    /// <summary>Values of the member's covariates the request carries with them.</summary>
    public GivenCovariates Covariates { get; init; } = GivenCovariates.None;
}

/// <summary>A member as stored, before an append: its series, the periods of it that hold filled values, and its uploaded covariates.</summary>
public sealed record StoredMember(RegularSeries Series, IReadOnlyList<DateTime> FilledGaps, Covariates Covariates);

/// <summary>What an append did to one member: to its series and to its covariates.</summary>
public sealed record AppendedMember(string Key, AppendedSeries Series, AppendedCovariates Covariates);

/// <summary>
/// Adds observations to many members of a collection at once, each as <see cref="SeriesAppender"/> adds them to a series,
/// under the collection's fill policy, and their covariates as <see cref="CovariateAppender"/> does. Every refusal names the member; a key the collection does not hold is refused,
/// since an append extends members and never adds one.
/// </summary>
public static class CollectionAppender
{
    /// <param name="members">The collection's members the batch names, by key.</param>
    /// <param name="maxPoints">The most points a member may hold after the append.</param>
    /// <param name="maxAppend">The most observations the whole batch may carry.</param>
    /// <param name="maxFuturePeriods">The most periods past a member's end its covariates may be known.</param>
    /// <returns>Per member of the batch, in its order, what the append did to it.</returns>
    /// <exception cref="UnprocessableException">A key the collection does not hold; a new period of a member without a value of one of its covariates.</exception>
    public static IReadOnlyList<AppendedMember> Append(IReadOnlyDictionary<string, StoredMember> members, GapFillPolicy policy,
        IReadOnlyList<MemberObservations> batch, bool revise, int maxPoints, int maxAppend, int maxFuturePeriods)
    {
        var total = batch.Sum(m => m.Values.Count);
        if (total > maxAppend)
        {
            throw new DomainValidationException($"One append may carry at most {maxAppend} observations; this one has {total}.", "file");
        }
        if (batch.Count == 0)
        {
            throw new DomainValidationException("The append names no member; send rows of series,date,value.", "file");
        }
        if (batch.GroupBy(m => m.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DomainValidationException($"Member '{twice.Key}' ({twice.First().Source}) appears twice; give each member's observations once.", "series");
        }
        return batch.Select(observed => MemberErrors.Naming(observed.Key, observed.Source, () =>
        {
            var stored = members.GetValueOrDefault(observed.Key) ?? throw new UnprocessableException(
                "is not a member of this collection; observations extend its members, they do not add new ones.", "file");
            var appended = SeriesAppender.Append(stored.Series, stored.FilledGaps, policy, observed.Dates, observed.Values, revise, maxPoints, maxAppend);
            var covariates = CovariateAppender.Append(stored.Covariates, stored.Series.Count, appended.Series,
                observed.Covariates.On(stored.Series, observed.Dates, observed.Values.Count), revise, maxFuturePeriods);
            return new AppendedMember(observed.Key, appended, covariates);
        })).ToList();
    }
}
