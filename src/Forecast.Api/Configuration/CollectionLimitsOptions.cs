using System.ComponentModel.DataAnnotations;
using Forecast.Domain.Series;

namespace Forecast.Api.Configuration;

/// <summary>Sizes of an uploaded collection (section <c>Limits:Collections</c>).</summary>
public sealed class CollectionLimitsOptions
{
    [Range(1, 1_000_000)]
    public int MaxMembers { get; set; } = 10_000;

    /// <summary>Points over all members, gaps filled included.</summary>
    [Range(10, 100_000_000)]
    public int MaxTotalPoints { get; set; } = 2_000_000;

    /// <summary>
    /// The shortest member accepted. Short members are normal in real collections, so the default is only what a
    /// frequency can be inferred from; whether a member is long enough to train on is the run's to say.
    /// </summary>
    [Range(SeriesBuilder.MinimumPoints, 1_000_000)]
    public int MinMemberPoints { get; set; } = SeriesBuilder.MinimumPoints;

    /// <param name="maxFuturePeriods">The most periods past a member's end its covariates may be known (Limits:MaxHorizon, as a series').</param>
    public CollectionLimits ToDomain(int maxMemberPoints, int maxFuturePeriods) => new(MaxMembers, MaxTotalPoints, MinMemberPoints, maxMemberPoints, maxFuturePeriods);
}
