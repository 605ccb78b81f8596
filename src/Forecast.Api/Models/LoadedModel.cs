using Forecast.Api.Persistence;
using Forecast.Domain;
using Forecast.Domain.Series;
using Forecast.Training.Evaluation;
using Forecast.Training.Intervals;
using Forecast.Training.Methods;

namespace Forecast.Api.Models;

/// <summary>A stored model rebuilt by its method (<see cref="ForecastingMethods.Restore"/>) with one version of its series loaded, ready to forecast.</summary>
/// <remarks>
/// A version of a series never changes, so the forecast from its end is computed once and reused: every method's
/// forecasts are prefix-consistent (step h depends only on steps before it, its intervals too), so the longest horizon
/// computed so far answers every shorter one. A newer version gets a new <see cref="LoadedModel"/> sharing the fitted model.
/// Every forecast is made with the series' stored covariates, which a model fitted with them needs; one they do not
/// reach far enough is refused naming the covariate and the first timestamp without a value.
/// </remarks>
public sealed class LoadedModel(ModelEntity entity, IFittedForecaster model, RegularSeries series, Covariates covariates, int seriesVersion)
{
    /// <summary>The most origins live accuracy scores: each is a recursive forecast.</summary>
    public const int MaxLiveOrigins = 1_000;

    /// <summary>The most observations an anomaly check predicts.</summary>
    public const int MaxAnomalyChecks = 10_000;

    /// <summary>The most sets of levels whose forecast from the series' end is kept: clients ask for few.</summary>
    private const int MaxKeptForecasts = 16;

    private readonly Lock gate = new();

    // The forecast from the series' end at each set of levels asked, keyed by the levels in order.
    private readonly Dictionary<string, ForecastStep[]> forecasts = [];

    public ModelEntity Entity { get; } = entity;

    public IFittedForecaster Model { get; } = model;

    public RegularSeries Series { get; } = series;

    /// <summary>The series' covariates, as stored with the version loaded.</summary>
    public Covariates Covariates { get; } = covariates;

    /// <summary>The version of the series loaded (see <see cref="SeriesEntity.Version"/>).</summary>
    public int SeriesVersion { get; } = seriesVersion;

    /// <summary>The same model over a newer version of its series; the fitted model is shared, the forecasts are its own.</summary>
    public LoadedModel WithSeries(RegularSeries newer, Covariates newerCovariates, int version) => new(Entity, Model, newer, newerCovariates, version);

    /// <summary>A backtest of this model from <paramref name="origins"/>, without refitting (no training).</summary>
    public Backtest Backtest(IReadOnlyList<int> origins, int step)
    {
        var e = Entity.Evaluation;
        lock (gate)
        {
            return Dated(() => Training.Evaluation.Backtest.Run(Model, Series.Values, Covariates, origins, e.Actual.Count, e.SeasonalPeriod, step));
        }
    }

    /// <summary>
    /// The model's live accuracy (see <see cref="Training.Evaluation.LiveAccuracy"/>): every origin from its test tail's
    /// to the newest point, the newest <see cref="MaxLiveOrigins"/> when there are more.
    /// </summary>
    /// <param name="newest">Only the newest origins, this many at most (a retraining policy's accuracy trigger).</param>
    public LiveAccuracy LiveAccuracy(int horizon, int newest = MaxLiveOrigins)
    {
        var first = Math.Max(Entity.Evaluation.ForecastOrigin, Series.Count - Math.Min(newest, MaxLiveOrigins));
        var origins = Enumerable.Range(first, Series.Count - first).ToList();
        return Dated(() => Training.Evaluation.LiveAccuracy.Measure(Model, Series.Values, Covariates, origins, horizon, Entity.Evaluation.SeasonalPeriod));
    }

    /// <summary>
    /// The observations outside the model's one-step interval at <paramref name="level"/> percent, checked from
    /// <paramref name="from"/> (default its test tail's origin; the newest <see cref="MaxAnomalyChecks"/> points at most).
    /// </summary>
    /// <returns>The first index checked, and what was found.</returns>
    /// <exception cref="UnprocessableException">The model has no intervals (it was trained without a validation part).</exception>
    public (int From, IReadOnlyList<Anomaly> Found) Anomalies(double level, int? from = null)
    {
        if (!Model.HasIntervals)
        {
            throw new UnprocessableException(
                $"Model '{Entity.Id}' has no prediction intervals (it was trained without a validation part), so nothing lies outside them.", "modelId");
        }
        var first = Math.Max(Math.Max(from ?? Entity.Evaluation.ForecastOrigin, Model.FirstPredictable), Series.Count - MaxAnomalyChecks);
        return (first, Dated(() => Training.Evaluation.Anomalies.Find(Model, Series.Values, Covariates, first, level)));
    }

    /// <summary>The index of the first period a forecast from <paramref name="origin"/> predicts; the period after the series' end when null.</summary>
    /// <exception cref="DomainValidationException">An origin off the series' grid, after its end, or with too little history before it.</exception>
    public int OriginIndex(DateTime? origin) => ForecastOrigin.IndexOf(Series, origin, Model.FirstPredictable);

    /// <summary>
    /// The forecast of <paramref name="horizon"/> periods from index <paramref name="origin"/>, seeing only the points before
    /// it, with its intervals at <paramref name="levels"/>: what the model would have said at that time.
    /// </summary>
    /// <param name="future">
    /// Known future values of covariates for this forecast alone, from the period after the series' end, in place of the
    /// stored ones; each must be one the model was fitted with.
    /// </param>
    /// <exception cref="UnprocessableException">Levels asked of a model without intervals; a covariate without a value the forecast needs.</exception>
    /// <exception cref="DomainValidationException">A covariate in <paramref name="future"/> the model was not fitted with.</exception>
    public IReadOnlyList<ForecastStep> Forecast(int origin, int horizon, IntervalLevels levels, IReadOnlyList<Covariate>? future = null)
    {
        if (future is { Count: > 0 })
        {
            CheckFitted(future);
            return Dated(() => Model.Forecast(Series.Values, Covariates.WithFuture(Series.Count, future), [origin], horizon, levels)[0]);
        }
        if (origin < Series.Count)
        {
            return Dated(() => Model.Forecast(Series.Values, Covariates, [origin], horizon, levels)[0]);
        }
        var key = string.Join(',', levels.Values);
        lock (gate)
        {
            if (!forecasts.TryGetValue(key, out var kept) || kept.Length < horizon)
            {
                if (forecasts.Count >= MaxKeptForecasts)
                {
                    forecasts.Clear();
                }
                kept = [.. Dated(() => Model.ForecastAfter(Series.Values, Covariates, horizon, levels))];
                forecasts[key] = kept;
            }
            return new ArraySegment<ForecastStep>(kept, 0, horizon);
        }
    }

    private void CheckFitted(IReadOnlyList<Covariate> future)
    {
        var fitted = Model.CovariateNames;
        if (future.FirstOrDefault(f => !fitted.Contains(f.Name)) is { } stranger)
        {
            var with = fitted.Count == 0 ? "no covariates" : $"the covariates {string.Join(", ", fitted)}";
            throw new DomainValidationException($"Model '{Entity.Id}' forecasts with {with}; '{stranger.Name}' is not one of them.", "covariates");
        }
    }

    /// <summary>A step that needs covariates, a missing value named by its timestamp rather than the point Training counts.</summary>
    private T Dated<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (MissingCovariateException e)
        {
            throw MissingCovariateProblem.Dated(e, Series,
                $"model '{Entity.Id}' forecasts with it at every step, and a covariate is never filled. Upload the series with its known future, or give its values in POST /api/models/{Entity.Id}/forecast.");
        }
    }
}
