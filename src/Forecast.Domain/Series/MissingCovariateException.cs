namespace Forecast.Domain.Series;

/// <summary>
/// A covariate a model needs has no value at a point it needs (HTTP 422): covariates are never filled in, by zero or by
/// their last value, since a forecast made so would not be the model's.
/// </summary>
/// <param name="covariate">The covariate's name.</param>
/// <param name="point">The first point (from 0, the series' first) that has no value.</param>
/// <param name="origin">The point the forecast starts from, when the point was needed by one.</param>
/// <param name="stepsAtOnce">
/// Steps the model forecasts at once from an origin (a direct network's outputs), reading the covariates at each: a
/// forecast needs their values through the end of its last block, past its horizon when that is shorter; 1 by default.
/// </param>
public sealed class MissingCovariateException(string covariate, int point, int? origin, int stepsAtOnce = 1)
    : UnprocessableException(Describe(covariate, point, origin, stepsAtOnce), "covariates")
{
    public string Covariate { get; } = covariate;

    /// <summary>The first missing point, from 0; a reader turns it into its timestamp.</summary>
    public int Point { get; } = point;

    /// <summary>The point the forecast starts from; null outside a forecast.</summary>
    public int? Origin { get; } = origin;

    /// <summary>Which step (from 1) of the forecast from its origin it is; null for a point of the history.</summary>
    public int? Step { get; } = origin is int o && point >= o ? point - o + 1 : null;

    /// <summary>Steps the model forecasts at once, reading the covariates at each; 1 for one step at a time.</summary>
    public int StepsAtOnce { get; } = stepsAtOnce;

    /// <summary>The collection member whose covariate it is; null for a series of its own.</summary>
    public string? Member { get; private init; }

    /// <summary>The same missing value, as collection member <paramref name="key"/>'s.</summary>
    public MissingCovariateException OfMember(string key) => new(Covariate, Point, Origin, StepsAtOnce) { Member = key };

    private static string Describe(string covariate, int point, int? origin, int stepsAtOnce) => origin switch
    {
        int o when point >= o && stepsAtOnce > 1 =>
            $"The covariate '{covariate}' has no value for step {point - o + 1} of the forecast from point {o} (point {point} of the series): the model forecasts {stepsAtOnce} steps at once and reads every covariate it was fitted with at each of them, so a forecast needs their future values through the end of its last block of {stepsAtOnce} steps.",
        int o when point >= o =>
            $"The covariate '{covariate}' has no value for step {point - o + 1} of the forecast from point {o} (point {point} of the series): a forecast needs the future values of every covariate its model was fitted with, for every step of its horizon.",
        int o =>
            $"The covariate '{covariate}' has no value for point {point}, before the forecast's origin {o}: the model needs every covariate it was fitted with over the history too.",
        _ => $"The covariate '{covariate}' has no value for point {point}: the model needs every covariate it was fitted with at every point it predicts.",
    };
}
