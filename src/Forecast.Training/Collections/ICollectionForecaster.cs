using Forecast.Domain.Series;
using Forecast.Training.Intervals;

namespace Forecast.Training.Collections;

/// <summary>
/// A method's fit of a collection: the one way the service forecasts a collection's members, whatever the method. A
/// global network over every member (<see cref="GlobalModel"/>) and a statistical method fitted to each member on its own
/// (<see cref="MemberForecasters"/>) both answer through it; evaluation, backtests, promotion, live accuracy, anomalies and
/// every member's forecast a client reads call only this.
/// </summary>
/// <remarks>
/// As <see cref="Methods.IFittedForecaster"/> does for a series, a fitted collection forecasts a member from any history:
/// its fit is fixed, and a forecast sees only the history it is given. Not safe to call from several threads at once (a
/// network is not); disposing it frees a network's native memory.
/// </remarks>
public interface ICollectionForecaster : IDisposable
{
    /// <summary>The method's name in the registry (<see cref="Methods.ForecastingMethods"/>).</summary>
    string Method { get; }

    /// <summary>The season it was fitted with: the lag of seasonal naive and of the MASE scale in its evaluations.</summary>
    int SeasonalPeriod { get; }

    /// <summary>Whether its forecasts can have intervals: a global network trained without validation parts has none.</summary>
    bool HasIntervals { get; }

    /// <summary>
    /// For each member asked, the forecast of <paramref name="horizon"/> points after its own history, each step with its
    /// intervals at <paramref name="levels"/>, in the order asked. A network forecasts its members together.
    /// </summary>
    /// <param name="covariates">
    /// Each member's covariates by key, aligned with its series and known at least <paramref name="horizon"/> points past
    /// each history asked: a member whose fit regresses on them forecasts with them. Null, or a member left out, for none.
    /// </param>
    /// <exception cref="KeyNotFoundException">A key that is not a member the collection was fitted on.</exception>
    /// <exception cref="Domain.UnprocessableException">Levels asked of a collection without intervals.</exception>
    /// <exception cref="Domain.Series.MissingCovariateException">A member fitted with covariates without a value its forecast needs.</exception>
    IReadOnlyList<IReadOnlyList<ForecastStep>> ForecastAll(
        IReadOnlyList<(string Key, IReadOnlyList<double> History)> asked, int horizon, IntervalLevels levels, IReadOnlyDictionary<string, Covariates>? covariates = null);

    /// <summary>
    /// Why member <paramref name="key"/> is forecast by the Theta method after <paramref name="history"/> rather than by
    /// the method itself; null when the method forecasts it.
    /// </summary>
    /// <exception cref="KeyNotFoundException">A key that is not a member the collection was fitted on.</exception>
    string? FallbackFor(string key, IReadOnlyList<double> history);

    /// <summary>
    /// The method that forecasts member <paramref name="key"/> after <paramref name="history"/>: the model's own, the one
    /// <c>auto</c> picked for the member, or theta where the method falls back to it.
    /// </summary>
    /// <exception cref="KeyNotFoundException">A key that is not a member the collection was fitted on.</exception>
    string MethodFor(string key, IReadOnlyList<double> history) => FallbackFor(key, history) is null ? Method : Methods.Simple.ThetaMethod.MethodName;
}

/// <summary>Point forecasts over <see cref="ICollectionForecaster.ForecastAll"/>.</summary>
public static class CollectionForecasterExtensions
{
    /// <summary>For each member asked, its point forecast of <paramref name="horizon"/> points after its history, in the order asked.</summary>
    public static IReadOnlyList<double[]> PointForecasts(this ICollectionForecaster model, IReadOnlyList<(string Key, IReadOnlyList<double> History)> asked, int horizon,
        IReadOnlyDictionary<string, Covariates>? covariates = null) =>
        model.ForecastAll(asked, horizon, IntervalLevels.None, covariates).Select(steps => steps.Select(s => s.Value).ToArray()).ToList();
}
