using System.Collections.Concurrent;
using Forecast.Api.Persistence;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Series;
using Forecast.Training.Collections;
using Forecast.Training.Evaluation;
using Forecast.Training.Intervals;

namespace Forecast.Api.Models;

/// <summary>A collection's member as its global model forecasts it: one version of the series and its interval scale at the end.</summary>
public sealed record ModelMember(string Key, Guid SeriesId, RegularSeries Series, int SeriesVersion, double IntervalScale);

/// <summary>A stored global model with its network rebuilt and one version of its collection's members loaded, ready to forecast any of them.</summary>
/// <remarks>
/// A version of the collection never changes, so each member's point forecast from its end is computed once and reused,
/// as <see cref="LoadedModel"/> does for one series; forecasting every member fills them all in one batch per step. A
/// newer version gets a new <see cref="LoadedCollectionModel"/> sharing the network.
/// </remarks>
public sealed class LoadedCollectionModel(CollectionModelEntity entity, GlobalModel network, IReadOnlyList<ModelMember> members, int collectionVersion)
{
    private readonly Dictionary<string, ModelMember> byKey = members.ToDictionary(m => m.Key, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double[]> forecasts = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public CollectionModelEntity Entity { get; } = entity;

    /// <summary>The version of the collection loaded (see <see cref="CollectionEntity.Version"/>).</summary>
    public int CollectionVersion { get; } = collectionVersion;

    /// <summary>The same model over a newer version of its members; the network is shared, the forecasts are its own.</summary>
    public LoadedCollectionModel WithMembers(IReadOnlyList<ModelMember> newer, int version) => new(Entity, network, newer, version);

    /// <summary>The members in key order.</summary>
    public IReadOnlyList<ModelMember> Members { get; } = members;

    public ModelMember? Member(string key) => byKey.GetValueOrDefault(key);

    /// <summary>A backtest of this model without refitting (no training): every member from each window's origin.</summary>
    /// <param name="testOrigins">
    /// Each member's test tail origin when the model was scored: a member may have grown since, and its windows end where
    /// its evaluation did, as a series' model's do.
    /// </param>
    /// <exception cref="Forecast.Domain.DomainValidationException">Windows or step out of range.</exception>
    /// <exception cref="Forecast.Domain.UnprocessableException">The windows leave the shortest member too few points before the first origin.</exception>
    public CollectionBacktest Backtest(BacktestRequest request, IReadOnlyDictionary<string, int> testOrigins)
    {
        var testSize = Entity.Hyperparameters.TestSize;
        var scored = Members.Select(m => new GlobalMember(m.Key, m.Series.Values.Take(testOrigins[m.Key] + testSize).ToArray())).ToList();
        return CollectionBacktest.Run(network, scored, testSize, request);
    }

    /// <summary>The index of the first period a member's forecast from <paramref name="origin"/> predicts; after its end when null.</summary>
    /// <remarks>A member with too little history for the network before an origin is forecast by Theta there, which needs only a few points.</remarks>
    /// <exception cref="Forecast.Domain.DomainValidationException">An origin off the member's grid, after its end, or before its third point.</exception>
    public static int OriginIndex(ModelMember member, DateTime? origin) => ForecastOrigin.IndexOf(member.Series, origin, SeriesBuilder.MinimumPoints);

    /// <summary>
    /// The member's forecast from index <paramref name="origin"/>, seeing only the points before it, with its intervals at
    /// <paramref name="levels"/> scaled there; the forecast from the end of the series is memoised.
    /// </summary>
    public IReadOnlyList<ForecastStep> Forecast(ModelMember member, int origin, int horizon, IntervalLevels levels)
    {
        if (origin == member.Series.Count)
        {
            return Forecast(member, horizon, levels);
        }
        var history = member.Series.Values.Take(origin).ToArray();
        double[] point;
        lock (gate)
        {
            point = network.Forecast(member.Key, history, horizon);
        }
        return ForecastWithIntervals.Assemble(point, levels, Entity.Artifact.Calibration, PooledCalibration.ScaleAt(history, Entity.Artifact.SeasonalPeriod));
    }

    /// <summary>
    /// The member's live accuracy as a series' model's is measured: from every origin since its test tail began
    /// (<paramref name="testOrigin"/>, where it was scored) to its newest point, the newest <see cref="LoadedModel.MaxLiveOrigins"/>
    /// at most; the network forecasts them together, and Theta where the member had too little history.
    /// </summary>
    public LiveAccuracy LiveAccuracy(ModelMember member, int testOrigin, int horizon)
    {
        var values = member.Series.Values;
        var first = Math.Max(testOrigin, values.Count - LoadedModel.MaxLiveOrigins);
        var origins = Enumerable.Range(first, values.Count - first).ToList();
        IReadOnlyList<double[]> forecasts;
        lock (gate)
        {
            forecasts = network.ForecastAll(origins.Select(o => (member.Key, (IReadOnlyList<double>)values.Take(o).ToArray())).ToList(), horizon);
        }
        return Training.Evaluation.LiveAccuracy.Measure(forecasts, values, origins, horizon, Entity.Artifact.SeasonalPeriod);
    }

    /// <summary>
    /// The member's observations from <paramref name="from"/> on (the newest <see cref="LoadedModel.MaxAnomalyChecks"/> at most)
    /// outside the one-step interval at <paramref name="level"/> percent: each predicted from the points before it, the
    /// pooled interval scaled by the member's MASE scale there, as its forecasts' are.
    /// </summary>
    /// <exception cref="Forecast.Domain.UnprocessableException">The model has no intervals.</exception>
    public (int From, IReadOnlyList<Anomaly> Found) Anomalies(ModelMember member, double level, int from)
    {
        var calibration = Entity.Artifact.Calibration ?? throw new Forecast.Domain.UnprocessableException(
            $"Model '{Entity.Id}' has no prediction intervals, so nothing lies outside them.", "modelId");
        var values = member.Series.Values;
        var first = Math.Max(Math.Max(from, SeriesBuilder.MinimumPoints), values.Count - LoadedModel.MaxAnomalyChecks);
        var histories = Enumerable.Range(first, values.Count - first).Select(t => (member.Key, (IReadOnlyList<double>)values.Take(t).ToArray())).ToList();
        IReadOnlyList<double[]> oneStep;
        lock (gate)
        {
            oneStep = network.ForecastAll(histories, 1);
        }
        var period = Entity.Artifact.SeasonalPeriod;
        return (first, Training.Evaluation.Anomalies.Find(values, first, oneStep.Select(f => f[0]).ToArray(),
            (t, forecast) => calibration.Interval(forecast, level, step: 1, PooledCalibration.ScaleAt(histories[t - first].Item2, period))));
    }

    /// <summary>The member's forecast from the end of its series, with its intervals at <paramref name="levels"/>.</summary>
    public IReadOnlyList<ForecastStep> Forecast(ModelMember member, int horizon, IntervalLevels levels)
    {
        if (!forecasts.TryGetValue(member.Key, out var point) || point.Length < horizon)
        {
            lock (gate)
            {
                point = network.Forecast(member.Key, member.Series.Values, horizon);
                forecasts[member.Key] = point;
            }
        }
        return ForecastWithIntervals.Assemble(new ArraySegment<double>(point, 0, horizon), levels, Entity.Artifact.Calibration, member.IntervalScale);
    }

    /// <summary>Every member's forecast, in key order; those not yet forecast this far go through the network together.</summary>
    public IReadOnlyList<IReadOnlyList<ForecastStep>> ForecastAll(int horizon, IntervalLevels levels)
    {
        lock (gate)
        {
            var missing = Members.Where(m => !forecasts.TryGetValue(m.Key, out var point) || point.Length < horizon).ToList();
            if (missing.Count > 0)
            {
                var computed = network.ForecastAll(missing.Select(m => (m.Key, m.Series.Values)).ToList(), horizon);
                for (var i = 0; i < missing.Count; i++)
                {
                    forecasts[missing[i].Key] = computed[i];
                }
            }
        }
        return Members.Select(m => Forecast(m, horizon, levels)).ToList();
    }
}
