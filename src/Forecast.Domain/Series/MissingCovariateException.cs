namespace Forecast.Domain.Series;

/// <summary>
/// A covariate a model needs has no value at a point it needs (HTTP 422): covariates are never filled in, by zero or by
/// their last value, since a forecast made so would not be the model's.
/// </summary>
/// <param name="covariate">The covariate's name.</param>
/// <param name="point">The first point (from 0, the series' first) that has no value.</param>
/// <param name="origin">The point the forecast starts from, when the point was needed by one.</param>
public sealed class MissingCovariateException(string covariate, int point, int? origin)
    : UnprocessableException(Describe(covariate, point, origin), "covariates")
{
    public string Covariate { get; } = covariate;

    /// <summary>The first missing point, from 0; a reader turns it into its timestamp.</summary>
    public int Point { get; } = point;

    /// <summary>The point the forecast starts from; null outside a forecast.</summary>
    public int? Origin { get; } = origin;

    /// <summary>Which step (from 1) of the forecast from its origin it is; null for a point of the history.</summary>
    public int? Step { get; } = origin is int o && point >= o ? point - o + 1 : null;

    /// <summary>The collection member whose covariate it is; null for a series of its own.</summary>
    public string? Member { get; init; }

    private static string Describe(string covariate, int point, int? origin) => origin switch
    {
        int o when point >= o =>
            $"The covariate '{covariate}' has no value for step {point - o + 1} of the forecast from point {o} (point {point} of the series): a forecast needs the future values of every covariate its model was fitted with, for every step of its horizon.",
        int o =>
            $"The covariate '{covariate}' has no value for point {point}, before the forecast's origin {o}: the model needs every covariate it was fitted with over the history too.",
        _ => $"The covariate '{covariate}' has no value for point {point}: the model needs every covariate it was fitted with at every point it predicts.",
    };
}
