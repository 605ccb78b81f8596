using Forecast.Domain.Series;
using Forecast.Training.Intervals;
using Forecast.Training.Methods;
using Forecast.Training.Methods.Simple;

namespace Forecast.Training.Collections;

/// <summary>
/// A statistical method fitted to every member of a collection on its own: one <see cref="IFittedForecaster"/> per
/// member, each forecasting from any history of its member with the method's own intervals.
/// </summary>
/// <remarks>
/// A history shorter than its member's forecaster needs (an early backtest window's) is forecast by the Theta method, as a
/// global network's too-short members are, and said so by <see cref="FallbackFor"/>. Safe to call from several threads,
/// as its forecasters are.
/// </remarks>
public sealed class MemberForecasters(string method, IReadOnlyDictionary<string, IFittedForecaster> members, int seasonalPeriod) : ICollectionForecaster
{
    private readonly IFittedForecaster theta = new ThetaMethod().Restore(ClosedFormForecaster.EmptyState, seasonalPeriod);

    public string Method => method;

    public int SeasonalPeriod => seasonalPeriod;

    public bool HasIntervals => members.Values.All(m => m.HasIntervals);

    /// <remarks>
    /// Members are forecast several at once (<see cref="MembersAtOnce"/>): an ARIMA forecast runs a Kalman filter over the
    /// member's whole history, and the monthly tourism ensemble took 1.2 s to forecast its 366 members one after another.
    /// </remarks>
    public IReadOnlyList<IReadOnlyList<ForecastStep>> ForecastAll(
        IReadOnlyList<(string Key, IReadOnlyList<double> History)> asked, int horizon, IntervalLevels levels, IReadOnlyDictionary<string, Covariates>? covariates = null) =>
        MembersAtOnce.Select(asked.Count, i => FallbackFor(asked[i].Key, asked[i].History) is null
            ? ForecastMember(asked[i].Key, asked[i].History, covariates?.GetValueOrDefault(asked[i].Key) ?? Covariates.None, horizon, levels)
            : theta.ForecastAfter(asked[i].History, horizon, levels));

    /// <exception cref="MissingCovariateException">A covariate without a value the forecast needs, naming the member.</exception>
    private IReadOnlyList<ForecastStep> ForecastMember(string key, IReadOnlyList<double> history, Covariates covariates, int horizon, IntervalLevels levels)
    {
        try
        {
            return members[key].ForecastAfter(history, covariates, horizon, levels);
        }
        catch (MissingCovariateException e)
        {
            throw e.OfMember(key);
        }
    }

    public string MethodFor(string key, IReadOnlyList<double> history) => FallbackFor(key, history) is null ? members[key].Method : ThetaMethod.MethodName;

    public string? FallbackFor(string key, IReadOnlyList<double> history)
    {
        var needed = members[key].FirstPredictable;
        return history.Count < needed ? $"forecast by the Theta method: {history.Count} points before the origin, fewer than the {needed} that {method} needs." : null;
    }

    /// <summary>Statistical fits hold no native memory.</summary>
    public void Dispose()
    {
    }
}
