using Forecast.Domain;

namespace Forecast.Api.Series;

/// <summary>The covariate columns a CSV header names, a series' or a collection's; <see cref="Domain.Series.CovariateAlignment"/> checks the names further once aligned.</summary>
public static class CovariateHeader
{
    /// <param name="names">The header's names of the covariate columns, in order.</param>
    /// <exception cref="DomainValidationException">More than <paramref name="maxCovariates"/> names, or one given twice.</exception>
    public static string[] Check(string[] names, long line, int maxCovariates)
    {
        if (names.Length > maxCovariates)
        {
            throw new DomainValidationException(
                $"CSV line {line}: the header names {names.Length} covariates; at most {maxCovariates} are taken (Limits:MaxCovariates).", "file");
        }
        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new DomainValidationException($"CSV line {line}: the header names the covariate '{TimestampText.Clip(repeated.Key)}' twice.", "file");
        }
        return names;
    }
}
