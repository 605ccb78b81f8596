using Forecast.Domain.Series;
using Forecast.Training.Intervals;
using Forecast.Training.Lstm;
using Forecast.Training.Methods.Ensemble;

namespace Forecast.Training.Collections;

/// <summary>
/// The ensemble method on a collection: the global network and ets, arima and theta fitted to each member, forecasting a
/// member by the median of the four forecasts per step (the mean of the middle two).
/// </summary>
/// <remarks>
/// <para>
/// Its intervals are pooled over the members as a global network's are (<see cref="PooledCalibration"/>), but from the
/// ensemble's own errors on the validation parts, and scaled by each member's scale at the forecast's origin. They are
/// kept as the network artifact's <see cref="GlobalModelArtifact.Calibration"/>: the network's forecasts are only ever
/// combined here, never served alone.
/// </para>
/// <para>
/// A component that cannot forecast a member from a history is replaced there by the Theta method, as it would be alone
/// (a network's member too short for its lookback, an early backtest window's short history), and the median still runs
/// over four forecasts; <see cref="FallbackFor"/> names the component.
/// </para>
/// </remarks>
public sealed class CollectionEnsemble : ICollectionForecaster
{
    private readonly GlobalModel network;
    private readonly IReadOnlyList<ICollectionForecaster> components;

    /// <param name="network">The global network, its calibration the ensemble's.</param>
    /// <param name="fits">Every member's fits of the statistical components (<see cref="StatisticalPartState"/>).</param>
    public CollectionEnsemble(GlobalModelArtifact network, IReadOnlyList<MemberFit> fits, int seasonalPeriod)
    {
        this.network = new GlobalModel(network);
        var restored = fits.ToDictionary(f => f.Key, f => StatisticalComponents.RestoreEach(f.State, seasonalPeriod), StringComparer.Ordinal);
        components =
        [
            this.network,
            .. EnsembleMethod.StatisticalComponents.Select((name, c) => new MemberForecasters(name,
                restored.ToDictionary(m => m.Key, m => m.Value[c], StringComparer.Ordinal), seasonalPeriod)),
        ];
    }

    public string Method => EnsembleMethod.MethodName;

    public int SeasonalPeriod => network.SeasonalPeriod;

    public bool HasIntervals => network.HasIntervals;

    /// <remarks><paramref name="covariates"/> go to the network, which reads them when it was trained with them; ets, arima and theta forecast from the members' own past.</remarks>
    public IReadOnlyList<IReadOnlyList<ForecastStep>> ForecastAll(
        IReadOnlyList<(string Key, IReadOnlyList<double> History)> asked, int horizon, IntervalLevels levels, IReadOnlyDictionary<string, Covariates>? covariates = null)
    {
        var each = ComponentForecasts(asked, horizon, covariates);
        return [.. asked.Select((a, i) =>
            PooledCalibration.Around(EnsembleMedian.Of(each.Select(c => c.Forecasts[i]).ToList()), a.History, SeasonalPeriod, levels, network.Artifact.Calibration))];
    }

    /// <summary>Each component's point forecasts of the members asked for, in their order: what the median combines, for a benchmark to weigh other combinations on.</summary>
    public IReadOnlyList<(string Method, IReadOnlyList<double[]> Forecasts)> ComponentForecasts(
        IReadOnlyList<(string Key, IReadOnlyList<double> History)> asked, int horizon, IReadOnlyDictionary<string, Covariates>? covariates = null) =>
        [.. components.Select(c => (c.Method, c.PointForecasts(asked, horizon, covariates)))];

    /// <summary>Why a component of member <paramref name="key"/> is forecast by the Theta method after <paramref name="history"/>; null when none is.</summary>
    /// <summary>The ensemble, even where a component falls back: the median still runs over four forecasts.</summary>
    public string MethodFor(string key, IReadOnlyList<double> history) => Method;

    public string? FallbackFor(string key, IReadOnlyList<double> history) =>
        components.Select(c => c.FallbackFor(key, history) is { } reason ? $"its {c.Method} component is {reason.TrimEnd('.')}; the median still runs over four forecasts." : null)
            .FirstOrDefault(reason => reason is not null);

    public void Dispose() => network.Dispose();
}
