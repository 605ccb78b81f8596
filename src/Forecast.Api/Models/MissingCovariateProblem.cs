using Forecast.Domain;
using Forecast.Domain.Series;

namespace Forecast.Api.Models;

/// <summary>A missing covariate as a client reads it: by the timestamp of its first missing value, not the point Training counts.</summary>
public static class MissingCovariateProblem
{
    /// <param name="series">The series, or collection member, whose covariate it is.</param>
    /// <param name="why">What the model needs and what the client can do, after the missing value is named.</param>
    public static UnprocessableException Dated(MissingCovariateException missing, RegularSeries series, string why)
    {
        var when = series.Format(series.TimestampAt(missing.Point));
        var where = missing.Step is int s
            ? $"{when}, step {s} of the forecast from {series.Format(series.TimestampAt(missing.Point - s + 1))}"
                + (missing.StepsAtOnce > 1 ? $" (the model forecasts {missing.StepsAtOnce} steps at once and reads the covariates at each of them)" : "")
            : $"{when}, in the series' history";
        var whose = missing.Member is { } member ? $"Member '{member}': the" : "The";
        return new UnprocessableException($"{whose} covariate '{missing.Covariate}' has no value for {where}: {why}", "covariates");
    }
}
