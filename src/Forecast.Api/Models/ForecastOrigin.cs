using Forecast.Domain;
using Forecast.Domain.Series;

namespace Forecast.Api.Models;

/// <summary>Where a forecast starts: by default after the newest observation, or at a period a client names (<c>origin=</c>).</summary>
public static class ForecastOrigin
{
    /// <summary>The index of the first period forecast from <paramref name="origin"/>; the period after the series' end when null.</summary>
    /// <param name="first">The first index the model can forecast from: the history it needs before it.</param>
    /// <exception cref="DomainValidationException">An origin off the series' grid, after its end, or with too little history before it.</exception>
    public static int IndexOf(RegularSeries series, DateTime? origin, int first)
    {
        if (origin is not { } timestamp)
        {
            return series.Count;
        }
        var index = series.Frequency.PeriodOf(series.Start, timestamp) ?? throw new DomainValidationException(
            $"origin {FrequencyExtensions.Describe(timestamp)} is not on the series' {series.Frequency.Name()} grid, which starts {series.Format(series.Start)}.", "origin");
        if (index < first || index > series.Count)
        {
            throw new DomainValidationException(
                $"origin must lie from {series.Format(series.TimestampAt(first))} (the model needs {first} points before it) to {series.Format(series.TimestampAt(series.Count))} (after the newest point); got {FrequencyExtensions.Describe(timestamp)}.",
                "origin");
        }
        return index;
    }
}
