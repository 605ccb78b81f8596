using Forecast.Domain.Series;

namespace Forecast.Training.Collections;

/// <summary>One series of a collection as its model sees it: its key, its whole history (test tail included) and its covariates.</summary>
public sealed record GlobalMember(string Key, IReadOnlyList<double> Values)
{
    /// <summary>Known values that go with the member's points, its known future included; none by default.</summary>
    public Covariates Covariates { get; init; } = Covariates.None;
}
