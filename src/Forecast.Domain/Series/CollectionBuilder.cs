namespace Forecast.Domain.Series;

/// <summary>One member of an uploaded collection: its key, its dated points in date order, and where it came from.</summary>
/// <param name="Source">Where the member starts in the upload, for error messages: "line 12" of a CSV, "series[3]" of JSON.</param>
public sealed record MemberPoints(string Key, IReadOnlyList<DateTime> Dates, IReadOnlyList<double> Values, string Source)
{
    /// <summary>The member's covariate rows, its known future included; none by default.</summary>
    public CovariateRows Covariates { get; init; } = CovariateRows.None;
}

/// <summary>A member as built: its key, its regular series with the gaps that were filled, and its covariates on its periods.</summary>
public sealed record BuiltMember(string Key, BuiltSeries Built)
{
    public Covariates Covariates { get; init; } = Covariates.None;
}

/// <summary>What an uploaded collection holds once built: one frequency, every member regular.</summary>
public sealed record CollectionContents(Frequency Frequency, IReadOnlyList<BuiltMember> Members)
{
    public int TotalPoints => Members.Sum(m => m.Built.Series.Count);
}

/// <summary>Sizes an operator allows a collection (<c>Limits:Collections</c>).</summary>
/// <param name="MaxFuturePeriods">The most periods past a member's end its covariates may be known.</param>
public sealed record CollectionLimits(int MaxMembers, int MaxTotalPoints, int MinMemberPoints, int MaxMemberPoints, int MaxFuturePeriods);

/// <summary>
/// Turns the members of an upload into regular series of one frequency, by the same rules as a single series
/// (<see cref="SeriesBuilder"/>), each member filled by the fill policy on its own. Every refusal names the member's
/// key and where it starts in the upload, since a collection may hold thousands. Every member carries the same
/// covariates, aligned with its own periods as a series' are (<see cref="CovariateAlignment"/>): a model of the collection
/// reads the same inputs for each.
/// </summary>
public static class CollectionBuilder
{
    public const int MaxKeyLength = 200;

    /// <param name="frequency">The collection's frequency; when null, the one most members have.</param>
    /// <param name="pastOnly">The covariates known only as they happen (<see cref="Covariate.PastOnly"/>), every member's; none by default.</param>
    public static CollectionContents Build(
        IReadOnlyList<MemberPoints> members, Frequency? frequency, GapFillPolicy policy, CollectionLimits limits, IReadOnlyCollection<string>? pastOnly = null)
    {
        CheckSizes(members, limits);
        CheckSameCovariates(members);
        var collectionFrequency = frequency ?? MostCommonFrequency(members);
        var built = members.Select(member => MemberErrors.Naming(member.Key, member.Source, () =>
        {
            var own = SeriesBuilder.FromPoints(member.Dates, member.Values, frequency: null, policy, limits.MaxMemberPoints);
            if (own.Series.Frequency != collectionFrequency)
            {
                throw new DomainValidationException(
                    $"is {own.Series.Frequency.Name()}, but the collection is {collectionFrequency.Name()}: every member must share one frequency.", "series");
            }
            return new BuiltMember(member.Key, own) { Covariates = CovariateAlignment.Align(own.Series, member.Covariates.InOrder(members[0].Covariates.Names), limits.MaxFuturePeriods, pastOnly) };
        })).ToList();
        if (built.Sum(m => m.Built.Series.Count) > limits.MaxTotalPoints)
        {
            throw new DomainValidationException(
                $"With its gaps filled the collection holds {built.Sum(m => m.Built.Series.Count)} points, more than the {limits.MaxTotalPoints} allowed (Limits:Collections:MaxTotalPoints).",
                "series");
        }
        return new CollectionContents(collectionFrequency, built);
    }

    private static void CheckSizes(IReadOnlyList<MemberPoints> members, CollectionLimits limits)
    {
        if (members.Count == 0)
        {
            throw new DomainValidationException("The collection has no members.", "series");
        }
        if (members.Count > limits.MaxMembers)
        {
            throw new DomainValidationException(
                $"The collection has {members.Count} members, more than the {limits.MaxMembers} allowed (Limits:Collections:MaxMembers).", "series");
        }
        var total = members.Sum(m => (long)m.Values.Count);
        if (total > limits.MaxTotalPoints)
        {
            throw new DomainValidationException(
                $"The collection has {total} points, more than the {limits.MaxTotalPoints} allowed (Limits:Collections:MaxTotalPoints).", "series");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (string.IsNullOrWhiteSpace(member.Key) || member.Key.Length > MaxKeyLength || !PrintableText.Is(member.Key))
            {
                throw new DomainValidationException(
                    $"{member.Source}: a member's key must have 1 to {MaxKeyLength} characters, none of them a control or bidirectional-override character.", "series");
            }
            if (!seen.Add(member.Key))
            {
                throw new DomainValidationException($"Member '{member.Key}' ({member.Source}) appears twice; keys must be unique.", "series");
            }
            if (member.Values.Count < limits.MinMemberPoints)
            {
                throw new DomainValidationException(
                    $"Member '{member.Key}' ({member.Source}) has {member.Values.Count} points; a member needs at least {limits.MinMemberPoints} (Limits:Collections:MinMemberPoints).",
                    "series");
            }
        }
    }

    private static void CheckSameCovariates(IReadOnlyList<MemberPoints> members)
    {
        // JSON names a member's covariates in any order; they are put in the first member's (see Build).
        var names = members[0].Covariates.Names;
        if (members.FirstOrDefault(m => m.Covariates.Names.Count != names.Count || m.Covariates.Names.Except(names, StringComparer.Ordinal).Any()) is { } other)
        {
            throw new DomainValidationException(
                $"Member '{other.Key}' ({other.Source}) carries the covariates ({string.Join(", ", other.Covariates.Names)}), but member '{members[0].Key}' carries ({string.Join(", ", names)}): every member must carry the same ones.",
                "covariates");
        }
    }

    private static Frequency MostCommonFrequency(IReadOnlyList<MemberPoints> members)
    {
        var inferred = members.Select(member => MemberErrors.Naming(member.Key, member.Source, () => FrequencyExtensions.Infer(member.Dates)
            ?? throw new DomainValidationException(
                $"has no frequency that its dates follow; give the collection's frequency ({FrequencyExtensions.Names}).", "frequency")));
        return inferred.GroupBy(f => f).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
    }

}
