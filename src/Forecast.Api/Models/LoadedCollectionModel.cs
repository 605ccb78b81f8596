using Forecast.Api.Persistence;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Series;
using Forecast.Training.Collections;
using Forecast.Training.Evaluation;
using Forecast.Training.Intervals;

namespace Forecast.Api.Models;

/// <summary>A collection's member as its model forecasts it: one version of the series, and its covariates.</summary>
public sealed record ModelMember(string Key, Guid SeriesId, RegularSeries Series, int SeriesVersion)
{
    public Covariates Covariates { get; init; } = Covariates.None;
}

/// <summary>
/// A stored collection model rebuilt by its method (<see cref="Training.Methods.ForecastingMethods.RestoreCollection"/>) with
/// one version of its collection's members loaded, ready to forecast any of them. Every read goes through the collection
/// contract (<see cref="ICollectionForecaster"/>): none asks which method it holds.
/// </summary>
/// <remarks>
/// A version of the collection never changes, so the members' forecasts from their ends are computed once per set of
/// levels and reused: every method's forecasts are prefix-consistent, so the longest horizon computed so far answers every
/// shorter one, as <see cref="LoadedModel"/> keeps them for one series. They are always asked of the model for every
/// member together, even when one member's is wanted: a network answers them in one batch per step, and a batch of the
/// same members gives the same numbers to the bit whatever levels were asked, so a member's forecast is the same in its
/// own answer and in every member's. Calls into the model are serialised: a network must not be called from two threads
/// at once. A newer version gets a new <see cref="LoadedCollectionModel"/> sharing the model.
/// </remarks>
public sealed class LoadedCollectionModel(CollectionModelEntity entity, ICollectionForecaster model, IReadOnlyList<ModelMember> members, int collectionVersion)
{
    /// <summary>The most sets of levels whose forecasts from the members' ends are kept: clients ask for few.</summary>
    private const int MaxKeptForecasts = 16;

    private readonly Dictionary<string, int> indexOf = members.Select((m, i) => (m.Key, i)).ToDictionary(m => m.Key, m => m.i, StringComparer.Ordinal);

    // Each member's covariates, which a member fitted with them forecasts with.
    private readonly Dictionary<string, Covariates> covariates = members.ToDictionary(m => m.Key, m => m.Covariates, StringComparer.Ordinal);

    // Every member's forecast from its end, in key order, at each set of levels asked, keyed by the levels in order.
    private readonly Dictionary<string, ForecastStep[][]> forecasts = [];
    private readonly Lock gate = new();

    public CollectionModelEntity Entity { get; } = entity;

    /// <summary>The version of the collection loaded (see <see cref="CollectionEntity.Version"/>).</summary>
    public int CollectionVersion { get; } = collectionVersion;

    /// <summary>The same model over a newer version of its members; the fitted model is shared, the forecasts are its own.</summary>
    public LoadedCollectionModel WithMembers(IReadOnlyList<ModelMember> newer, int version) => new(Entity, model, newer, version);

    /// <summary>The members in key order.</summary>
    public IReadOnlyList<ModelMember> Members { get; } = members;

    public ModelMember? Member(string key) => indexOf.TryGetValue(key, out var i) ? Members[i] : null;

    /// <summary>A backtest of this model without refitting: every member from each window's origin.</summary>
    /// <param name="testOrigins">
    /// Each member's test tail origin when the model was scored: a member may have grown since, and its windows end where
    /// its evaluation did, as a series' model's do.
    /// </param>
    /// <exception cref="Forecast.Domain.DomainValidationException">Windows or step out of range.</exception>
    /// <exception cref="Forecast.Domain.UnprocessableException">The windows leave the shortest member too few points before the first origin.</exception>
    public CollectionBacktest Backtest(BacktestRequest request, IReadOnlyDictionary<string, int> testOrigins)
    {
        var testSize = Entity.Hyperparameters.TestSize;
        var scored = Members.Select(m => new GlobalMember(m.Key, m.Series.Values.Take(testOrigins[m.Key] + testSize).ToArray()) { Covariates = m.Covariates }).ToList();
        lock (gate)
        {
            return Dated(() => CollectionBacktest.Run(model, scored, testSize, request));
        }
    }

    /// <summary>The index of the first period a member's forecast from <paramref name="origin"/> predicts; after its end when null.</summary>
    /// <remarks>A member with too little history for its model before an origin is forecast by Theta there, which needs only a few points.</remarks>
    /// <exception cref="Forecast.Domain.DomainValidationException">An origin off the member's grid, after its end, or before its third point.</exception>
    public static int OriginIndex(ModelMember member, DateTime? origin) => ForecastOrigin.IndexOf(member.Series, origin, SeriesBuilder.MinimumPoints);

    /// <summary>
    /// The member's forecast from index <paramref name="origin"/>, seeing only the points before it, with its intervals at
    /// <paramref name="levels"/>; the forecast from the end of the series is memoised.
    /// </summary>
    /// <exception cref="Forecast.Domain.UnprocessableException">Levels asked of a model without intervals.</exception>
    /// <remarks>
    /// A member with covariates is forecast on its own: its forecast needs its own covariates' future only, and would fail
    /// with every member's when another's is known less far.
    /// </remarks>
    public IReadOnlyList<ForecastStep> Forecast(ModelMember member, int origin, int horizon, IntervalLevels levels)
    {
        if (origin == member.Series.Count && member.Covariates.IsEmpty)
        {
            return ForecastAll(horizon, levels)[indexOf[member.Key]];
        }
        lock (gate)
        {
            return Dated(() => model.ForecastAll([(member.Key, member.Series.Values.Take(origin).ToArray())], horizon, levels, covariates)[0]);
        }
    }

    /// <summary>Every member's forecast from its end, in key order.</summary>
    /// <exception cref="Forecast.Domain.UnprocessableException">Levels asked of a model without intervals.</exception>
    public IReadOnlyList<IReadOnlyList<ForecastStep>> ForecastAll(int horizon, IntervalLevels levels)
    {
        lock (gate)
        {
            var key = string.Join(',', levels.Values);
            if (!forecasts.TryGetValue(key, out var kept) || kept[0].Length < horizon)
            {
                if (forecasts.Count >= MaxKeptForecasts)
                {
                    forecasts.Clear();
                }
                kept = [.. Dated(() => model.ForecastAll(Members.Select(m => (m.Key, m.Series.Values)).ToList(), horizon, levels, covariates)).Select(steps => steps.ToArray())];
                forecasts[key] = kept;
            }
            return kept.Select(steps => (IReadOnlyList<ForecastStep>)new ArraySegment<ForecastStep>(steps, 0, horizon)).ToList();
        }
    }

    /// <summary>
    /// The member's live accuracy as a series' model's is measured: from every origin since its test tail began
    /// (<paramref name="testOrigin"/>, where it was scored) to its newest point, the newest <see cref="LoadedModel.MaxLiveOrigins"/>
    /// at most. The origins whose horizon ends within the member are asked of the model together; the newest, whose horizon
    /// runs past its end, only as far as their actuals reach, as a series' are (a member's covariates may be known no further).
    /// </summary>
    public LiveAccuracy LiveAccuracy(ModelMember member, int testOrigin, int horizon)
    {
        var values = member.Series.Values;
        var first = Math.Max(testOrigin, values.Count - LoadedModel.MaxLiveOrigins);
        var origins = Enumerable.Range(first, values.Count - first).ToList();
        IReadOnlyList<double[]> pointForecasts;
        lock (gate)
        {
            IReadOnlyList<double> Before(int origin) => values.Take(origin).ToArray();
            var whole = origins.Where(o => o + horizon <= values.Count).ToList();
            pointForecasts = Dated(() => (IReadOnlyList<double[]>)[
                .. model.PointForecasts([.. whole.Select(o => (member.Key, Before(o)))], horizon, covariates),
                .. origins.Skip(whole.Count).Select(o => model.PointForecasts([(member.Key, Before(o))], values.Count - o, covariates)[0]),
            ]);
        }
        return Training.Evaluation.LiveAccuracy.Measure(pointForecasts, values, origins, horizon, model.SeasonalPeriod);
    }

    /// <summary>
    /// The member's observations from <paramref name="from"/> on (the newest <see cref="LoadedModel.MaxAnomalyChecks"/> at most)
    /// outside the one-step interval at <paramref name="level"/> percent, each predicted from the points before it with its
    /// interval there, as the model's forecasts have them (a global network's pooled interval scaled by the member's MASE
    /// scale at each origin).
    /// </summary>
    /// <exception cref="Forecast.Domain.UnprocessableException">The model has no intervals.</exception>
    public (int From, IReadOnlyList<Anomaly> Found) Anomalies(ModelMember member, double level, int from)
    {
        if (!model.HasIntervals)
        {
            throw new Forecast.Domain.UnprocessableException($"Model '{Entity.Id}' has no prediction intervals, so nothing lies outside them.", "modelId");
        }
        var values = member.Series.Values;
        var first = Math.Max(Math.Max(from, SeriesBuilder.MinimumPoints), values.Count - LoadedModel.MaxAnomalyChecks);
        var histories = Enumerable.Range(first, values.Count - first).Select(t => (member.Key, (IReadOnlyList<double>)values.Take(t).ToArray())).ToList();
        IReadOnlyList<IReadOnlyList<ForecastStep>> oneStep;
        lock (gate)
        {
            oneStep = Dated(() => model.ForecastAll(histories, 1, IntervalLevels.Of([level]), covariates));
        }
        return (first, Training.Evaluation.Anomalies.Find(values, first, oneStep.Select(f => f[0].Value).ToArray(),
            (t, _) => oneStep[t - first][0].Intervals![0]));
    }

    /// <summary>A step that needs members' covariates, a missing value named by its member and timestamp.</summary>
    private T Dated<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (MissingCovariateException e) when (e.Member is { } key && indexOf.ContainsKey(key))
        {
            throw MissingCovariateProblem.Dated(e, Members[indexOf[key]].Series,
                $"model '{Entity.Id}' forecasts the member with it at every step, and a covariate is never filled. Upload the collection with its members' known future.");
        }
    }
}
