using Forecast.Domain.Series;
using Forecast.Training.Intervals;

namespace Forecast.Training.Methods;

/// <summary>
/// A method's fit of a history: the one way the service forecasts, whatever the method. Evaluation, backtests, live
/// accuracy, anomalies and every forecast a client reads go through it.
/// </summary>
/// <remarks>
/// A fitted model forecasts from any origin of any version of its series: its parameters are fixed by the fit, its state
/// is carried through the points before the origin (an exponential smoothing's level, an ARIMA's innovations, a network's
/// window), so a forecast from an origin sees nothing after it. Implementations are safe to call from several threads.
/// A model fitted with covariates (<see cref="CovariateNames"/>) forecasts only with them: the overloads that take
/// <see cref="Covariates"/> need each of its covariates over the history and every step of the horizon, and refuse
/// with <see cref="MissingCovariateException"/> where one has no value; the overloads without covariates give none.
/// A model fitted without covariates ignores any it is given.
/// </remarks>
public interface IFittedForecaster
{
    /// <summary>The method's name in the registry (<see cref="ForecastingMethods"/>).</summary>
    string Method { get; }

    /// <summary>Whether its forecasts can have intervals: a network trained without a validation part has none.</summary>
    bool HasIntervals { get; }

    /// <summary>The fewest points before an origin that a forecast from it needs.</summary>
    int FirstPredictable { get; }

    /// <summary>
    /// From each of <paramref name="origins"/>, the forecast of <paramref name="horizon"/> points that sees only
    /// <paramref name="series"/>[0..origin), each step with its intervals at <paramref name="levels"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An origin before <see cref="FirstPredictable"/> or after the series' end.</exception>
    /// <exception cref="Domain.UnprocessableException">Levels asked of a model that has no intervals.</exception>
    IReadOnlyList<ForecastStep>[] Forecast(IReadOnlyList<double> series, IReadOnlyList<int> origins, int horizon, IntervalLevels levels);

    /// <summary>
    /// The one-step forecast of every point of <paramref name="series"/>[firstIndex..endIndex), each from the actual values before it,
    /// with its one-step intervals at <paramref name="levels"/>.
    /// </summary>
    IReadOnlyList<ForecastStep> OneStepAhead(IReadOnlyList<double> series, int firstIndex, int endIndex, IntervalLevels levels);

    /// <summary>The covariates its forecasts need, in the order of its coefficients; none for a model of the target's own past.</summary>
    IReadOnlyList<string> CovariateNames => [];

    /// <summary>
    /// <see cref="Forecast(IReadOnlyList{double}, IReadOnlyList{int}, int, IntervalLevels)"/> with the covariates the model
    /// was fitted with, aligned with <paramref name="series"/> and known at least <paramref name="horizon"/> points past each origin.
    /// </summary>
    /// <exception cref="MissingCovariateException">A covariate without a value the forecast needs: the first such point, as a step of its origin.</exception>
    IReadOnlyList<ForecastStep>[] Forecast(IReadOnlyList<double> series, Covariates covariates, IReadOnlyList<int> origins, int horizon, IntervalLevels levels) =>
        Forecast(series, origins, horizon, levels);

    /// <summary>
    /// <see cref="OneStepAhead(IReadOnlyList{double}, int, int, IntervalLevels)"/> with the covariates the model was fitted
    /// with, known up to <paramref name="endIndex"/>.
    /// </summary>
    /// <exception cref="MissingCovariateException">A covariate without a value before <paramref name="endIndex"/>.</exception>
    IReadOnlyList<ForecastStep> OneStepAhead(IReadOnlyList<double> series, Covariates covariates, int firstIndex, int endIndex, IntervalLevels levels) =>
        OneStepAhead(series, firstIndex, endIndex, levels);
}

/// <summary>Single-origin conveniences over <see cref="IFittedForecaster"/>'s forecasts.</summary>
public static class FittedForecasterExtensions
{
    /// <summary>The forecast of <paramref name="horizon"/> points after the end of <paramref name="history"/>.</summary>
    public static IReadOnlyList<ForecastStep> ForecastAfter(this IFittedForecaster model, IReadOnlyList<double> history, int horizon, IntervalLevels levels) =>
        model.Forecast(history, [history.Count], horizon, levels)[0];

    /// <summary>The forecast of <paramref name="horizon"/> points after the end of <paramref name="history"/>, with the covariates for them.</summary>
    public static IReadOnlyList<ForecastStep> ForecastAfter(
        this IFittedForecaster model, IReadOnlyList<double> history, Covariates covariates, int horizon, IntervalLevels levels) =>
        model.Forecast(history, covariates, [history.Count], horizon, levels)[0];

    /// <summary>Point forecasts only, from each origin.</summary>
    public static double[][] PointForecasts(this IFittedForecaster model, IReadOnlyList<double> series, IReadOnlyList<int> origins, int horizon) =>
        model.PointForecasts(series, Covariates.None, origins, horizon);

    /// <summary>Point forecasts only, from each origin, with the covariates for them.</summary>
    public static double[][] PointForecasts(this IFittedForecaster model, IReadOnlyList<double> series, Covariates covariates, IReadOnlyList<int> origins, int horizon) =>
        model.Forecast(series, covariates, origins, horizon, IntervalLevels.None).Select(steps => steps.Select(s => s.Value).ToArray()).ToArray();

    /// <summary>The point forecast of <paramref name="horizon"/> points after the end of <paramref name="history"/>.</summary>
    public static double[] PointForecast(this IFittedForecaster model, IReadOnlyList<double> history, int horizon) =>
        model.PointForecasts(history, [history.Count], horizon)[0];

    /// <summary>
    /// The mean squared error of the one-step forecasts of the last <paramref name="points"/> of <paramref name="history"/>,
    /// each from the points before it: how closely a fit follows the recent history it was fitted on, a statistical run's
    /// loss; 0 when it forecasts none of them.
    /// </summary>
    /// <remarks>
    /// The last points only: a method refitted at every origin in closed form (Theta) pays a fit per point, and a fit per
    /// point of a whole history made the loss of a collection's members cost a hundred times their fits.
    /// </remarks>
    /// <param name="covariates">The history's covariates, which a model fitted with them predicts with.</param>
    public static double RecentMeanSquaredError(this IFittedForecaster model, IReadOnlyList<double> history, Covariates covariates, int points)
    {
        var first = Math.Max(model.FirstPredictable, history.Count - points);
        if (first >= history.Count)
        {
            return 0;
        }
        var inSample = model.OneStepAhead(history, covariates, first, history.Count, IntervalLevels.None);
        return inSample.Select((step, i) => (history[first + i] - step.Value) * (history[first + i] - step.Value)).Average();
    }
}
