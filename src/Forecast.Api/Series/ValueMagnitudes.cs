using System.Globalization;
using Forecast.Domain;
using Forecast.Domain.Series;

namespace Forecast.Api.Series;

/// <summary>
/// Finite values can still overflow what is computed from them (sums of squares in the statistics, the metrics
/// and the scaler), and an infinite statistic cannot even be written as JSON: uploads keep within
/// <c>Limits:MaxAbsoluteValue</c>.
/// </summary>
public static class ValueMagnitudes
{
    /// <param name="prefix">Names what the values belong to, e.g. a collection's member.</param>
    public static void Check(IReadOnlyList<double> values, double maxAbsoluteValue, string prefix)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (Math.Abs(values[i]) > maxAbsoluteValue)
            {
                throw new DomainValidationException(string.Create(CultureInfo.InvariantCulture,
                    $"{prefix}Value {i + 1} is {values[i]:G6}; values must lie within ±{maxAbsoluteValue:G3} (Limits:MaxAbsoluteValue), or their statistics overflow. Rescale the series (e.g. to thousands or millions)."),
                    "values");
            }
        }
    }

    /// <summary>Each covariate's values, as a series' own.</summary>
    /// <param name="member">The collection's member they belong to; null for a series of its own.</param>
    public static void Check(Covariates covariates, double maxAbsoluteValue, string? member = null)
    {
        foreach (var covariate in covariates.Columns)
        {
            Check(covariate.Values, maxAbsoluteValue, prefix: member is null ? $"Covariate '{covariate.Name}': " : $"Member '{member}', covariate '{covariate.Name}': ");
        }
    }
}
