using Forecast.Domain.Series;
using Forecast.Training.Intervals;
using Forecast.Training.Methods;

namespace Forecast.Training.Evaluation;

/// <summary>An observation outside the model's one-step interval at the level asked.</summary>
/// <param name="Index">The observation's index in the series.</param>
/// <param name="Score">
/// How far outside: the distance from the one-step forecast over the distance to the interval's bound on that side, so
/// above 1 is above the interval, below -1 below it.
/// </param>
public sealed record Anomaly(int Index, double Actual, double Predicted, PredictionInterval Interval, double Score);

/// <summary>
/// Flags the observations a model did not expect: each predicted one step ahead from the actual values before it, with the
/// model's conformal interval for one step scaled at that origin, and listed when it falls outside.
/// </summary>
public static class Anomalies
{
    /// <param name="from">The first index checked (at least the model's <see cref="IFittedForecaster.FirstPredictable"/>).</param>
    /// <param name="level">The interval's level in percent.</param>
    /// <param name="covariates">The series' covariates, which a model fitted with them predicts with.</param>
    public static IReadOnlyList<Anomaly> Find(IFittedForecaster model, IReadOnlyList<double> series, Covariates covariates, int from, double level)
    {
        var oneStep = model.OneStepAhead(series, covariates, from, series.Count, IntervalLevels.Of([level]));
        return Find(series, from, oneStep.Select(step => step.Value).ToArray(), (t, _) => oneStep[t - from].Intervals![0]);
    }

    /// <param name="predicted">The one-step forecast of every index from <paramref name="from"/> on, each from the actual values before it.</param>
    /// <param name="intervalAt">The one-step interval around a forecast of index t, as the model calibrated it there.</param>
    public static IReadOnlyList<Anomaly> Find(IReadOnlyList<double> series, int from, IReadOnlyList<double> predicted, Func<int, double, PredictionInterval> intervalAt)
    {
        var found = new List<Anomaly>();
        for (var t = from; t < series.Count; t++)
        {
            var (actual, forecast) = (series[t], predicted[t - from]);
            var interval = intervalAt(t, forecast);
            if (actual < interval.Lower || actual > interval.Upper)
            {
                var score = actual > forecast ? (actual - forecast) / (interval.Upper - forecast) : -(forecast - actual) / (forecast - interval.Lower);
                found.Add(new Anomaly(t, actual, forecast, interval, score));
            }
        }
        return found;
    }
}
