using Forecast.Domain;
using Forecast.Domain.Series;

namespace Forecast.Api.Series;

/// <summary>
/// A JSON upload's <c>covariates</c>, named arrays, read into rows the way a CSV's are (<see cref="CovariateRows.FromArrays"/>):
/// a series' upload and each member of a collection's read them alike.
/// </summary>
public static class JsonCovariates
{
    /// <param name="timestamps">The points' timestamps, in order.</param>
    /// <param name="frequency">The series' frequency, which dates the values past the last timestamp: the known future.</param>
    /// <exception cref="DomainValidationException">More than <paramref name="maxCovariates"/> names.</exception>
    public static CovariateRows Rows(IReadOnlyDictionary<string, double[]>? covariates, IReadOnlyList<DateTime> timestamps, Frequency frequency, int maxCovariates)
    {
        if (covariates is null || covariates.Count == 0)
        {
            return CovariateRows.None;
        }
        if (covariates.Count > maxCovariates)
        {
            throw new DomainValidationException($"The upload has {covariates.Count} covariates; at most {maxCovariates} are taken (Limits:MaxCovariates).", "covariates");
        }
        return CovariateRows.FromArrays(timestamps, frequency, covariates);
    }
}
