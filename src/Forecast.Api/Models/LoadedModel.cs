using Forecast.Api.Persistence;
using Forecast.Domain;
using Forecast.Domain.Series;
using Forecast.Training.Evaluation;
using Forecast.Training.Intervals;
using Forecast.Training.Lstm;

namespace Forecast.Api.Models;

/// <summary>A stored model with its network rebuilt and one version of its series loaded, ready to forecast.</summary>
/// <remarks>
/// A version of a series never changes, so the point forecast from its end is computed once and reused: recursive
/// forecasts are prefix-consistent (step h depends only on steps before it), so the longest horizon computed so far
/// answers every shorter one. A newer version gets a new <see cref="LoadedModel"/> sharing the network.
/// </remarks>
public sealed class LoadedModel(ModelEntity entity, LstmModel network, RegularSeries series, int seriesVersion)
{
    /// <summary>The most origins live accuracy scores: each is a recursive forecast.</summary>
    public const int MaxLiveOrigins = 1_000;

    /// <summary>The most observations an anomaly check predicts.</summary>
    public const int MaxAnomalyChecks = 10_000;

    private readonly Lock gate = new();
    private double[] forecast = [];

    // The interval scale at the end of the series (see ConformalCalibration.ScaleAt); 1 without a calibration.
    private readonly double intervalScale = entity.Artifact.Calibration?.ScaleAt(series.Values) ?? 1;

    public ModelEntity Entity { get; } = entity;

    public LstmModel Network { get; } = network;

    public RegularSeries Series { get; } = series;

    /// <summary>The version of the series loaded (see <see cref="SeriesEntity.Version"/>).</summary>
    public int SeriesVersion { get; } = seriesVersion;

    /// <summary>The same model over a newer version of its series; the network is shared, the forecasts are its own.</summary>
    public LoadedModel WithSeries(RegularSeries newer, int version) => new(Entity, Network, newer, version);

    /// <summary>A backtest of this model from <paramref name="origins"/>, without refitting (no training).</summary>
    public Backtest Backtest(IReadOnlyList<int> origins, int step)
    {
        var e = Entity.Evaluation;
        lock (gate)
        {
            return Training.Evaluation.Backtest.Run(Network, Entity.Artifact.Calibration, Series.Values, origins, e.Actual.Count, e.SeasonalPeriod, step);
        }
    }

    /// <summary>
    /// The model's live accuracy (see <see cref="Training.Evaluation.LiveAccuracy"/>): every origin from its test tail's
    /// to the newest point, the newest <see cref="MaxLiveOrigins"/> when there are more.
    /// </summary>
    public LiveAccuracy LiveAccuracy(int horizon)
    {
        var first = Math.Max(Entity.Evaluation.ForecastOrigin, Series.Count - MaxLiveOrigins);
        var origins = Enumerable.Range(first, Series.Count - first).ToList();
        return Training.Evaluation.LiveAccuracy.Measure(Network, Series.Values, origins, horizon, Entity.Evaluation.SeasonalPeriod);
    }

    /// <summary>
    /// The observations outside the model's one-step interval at <paramref name="level"/> percent, checked from
    /// <paramref name="from"/> (default its test tail's origin; the newest <see cref="MaxAnomalyChecks"/> points at most).
    /// </summary>
    /// <returns>The first index checked, and what was found.</returns>
    /// <exception cref="UnprocessableException">The model has no intervals (it was trained without a validation part).</exception>
    public (int From, IReadOnlyList<Anomaly> Found) Anomalies(double level, int? from = null)
    {
        var calibration = Entity.Artifact.Calibration ?? throw new UnprocessableException(
            $"Model '{Entity.Id}' has no prediction intervals (it was trained without a validation part), so nothing lies outside them.", "modelId");
        var first = Math.Max(Math.Max(from ?? Entity.Evaluation.ForecastOrigin, Network.FirstPredictable), Series.Count - MaxAnomalyChecks);
        return (first, Training.Evaluation.Anomalies.Find(Network, calibration, Series.Values, first, level));
    }

    /// <summary>The index of the first period a forecast from <paramref name="origin"/> predicts; the period after the series' end when null.</summary>
    /// <exception cref="DomainValidationException">An origin off the series' grid, after its end, or with too little history before it.</exception>
    public int OriginIndex(DateTime? origin) => ForecastOrigin.IndexOf(Series, origin, Network.FirstPredictable);

    /// <summary>
    /// The forecast of <paramref name="horizon"/> periods from index <paramref name="origin"/>, seeing only the points before
    /// it, with its intervals scaled to the volatility there: what the model would have said at that time.
    /// </summary>
    public IReadOnlyList<ForecastStep> Forecast(int origin, int horizon, IntervalLevels levels)
    {
        var calibration = Entity.Artifact.Calibration;
        if (origin == Series.Count)
        {
            return ForecastWithIntervals.Assemble(PointForecast(horizon), levels, calibration, intervalScale);
        }
        var history = Series.Values.Take(origin).ToArray();
        return ForecastWithIntervals.Assemble(Network.PredictRecursive(history, horizon), levels, calibration, calibration?.ScaleAt(history) ?? 1);
    }

    private ArraySegment<double> PointForecast(int horizon)
    {
        lock (gate)
        {
            if (forecast.Length < horizon)
            {
                forecast = Network.PredictRecursive(Series.Values, horizon);
            }
            return new ArraySegment<double>(forecast, 0, horizon);
        }
    }
}
