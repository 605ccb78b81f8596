using Forecast.Domain;

namespace Forecast.Api.Series;

/// <summary>
/// The covariates an upload says are known only as they happen (<see cref="Contracts.CreateSeriesRequest.PastOnly"/>):
/// a JSON array of names, or a CSV's query or form field of names separated by commas. Whether each names a covariate of
/// the upload is the alignment's to check (<see cref="Domain.Series.CovariateAlignment"/>).
/// </summary>
public static class PastOnlyNames
{
    /// <param name="names">Names separated by commas, or none.</param>
    /// <exception cref="DomainValidationException">A name given twice.</exception>
    public static IReadOnlyCollection<string> FromCsv(string? names) =>
        Distinct((names ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <param name="maxCovariates">The most covariates an upload may have (Limits:MaxCovariates), and so the most names.</param>
    /// <exception cref="DomainValidationException">More names than that, an empty one, or one given twice.</exception>
    public static IReadOnlyCollection<string> FromJson(string[]? names, int maxCovariates)
    {
        names ??= [];
        if (names.Length > maxCovariates)
        {
            throw new DomainValidationException($"pastOnly names {names.Length} covariates; an upload has at most {maxCovariates} (Limits:MaxCovariates).", "pastOnly");
        }
        if (names.Any(string.IsNullOrWhiteSpace))
        {
            throw new DomainValidationException("pastOnly must list covariates' names, none of them empty.", "pastOnly");
        }
        return Distinct(names);
    }

    private static HashSet<string> Distinct(IEnumerable<string> names)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names.Where(name => !distinct.Add(name)))
        {
            throw new DomainValidationException($"pastOnly names '{name}' twice.", "pastOnly");
        }
        return distinct;
    }
}
