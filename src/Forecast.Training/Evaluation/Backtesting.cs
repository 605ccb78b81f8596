using Forecast.Domain.Series;
using Forecast.Domain;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Training.Intervals;
using Forecast.Training.Lstm;
using Forecast.Training.Methods;

namespace Forecast.Training.Evaluation;

/// <summary>Backtests a series' model: from every window's origin with the model itself, or with a model refitted per window.</summary>
public static class Backtesting
{
    /// <param name="model">The model, its test tail's origin the last window's.</param>
    /// <param name="hp">The model's hyperparameters with its transform, never "auto" (a refit trains the same pipeline).</param>
    /// <exception cref="UnprocessableException">The windows do not fit before the test tail with the history the model needs.</exception>
    /// <param name="covariates">The series' covariates, which its model was built with.</param>
    public static Backtest Run(BuiltModel model, IReadOnlyList<double> series, Covariates covariates, Hyperparameters hp, BacktestRequest request, CancellationToken cancellation)
    {
        var fitted = ForecastingMethods.Restore(model.Stored);
        var (horizon, period) = (hp.TestSize, hp.SeasonalPeriod);
        var origins = request.Origins(model.Evaluation.ForecastOrigin, horizon, fitted.FirstPredictable);
        var step = request.Step ?? horizon;
        if (!request.Refit)
        {
            return Backtest.Run(fitted, series, covariates, origins, horizon, period, step);
        }
        // Each earlier window's model trains on the points before its origin plus its window as the test tail, so the
        // window is that model's own evaluation; the last window is the run's model's.
        var windows = origins.Select(origin =>
        {
            cancellation.ThrowIfCancellationRequested();
            var refit = origin == model.Evaluation.ForecastOrigin
                ? model
                : ForecastModelBuilder.Build(series.Take(origin + horizon).ToArray(), hp, SilentObserver.Instance, cancellation, covariates: covariates);
            return Backtest.Window(origin, series, ForecastOf(refit.Evaluation), period, horizon);
        }).ToList();
        return Backtest.Of(windows, step, refit: true);
    }

    /// <summary>An evaluation's multi-step forecast of its test tail with the intervals it was scored with.</summary>
    private static ForecastStep[] ForecastOf(ModelEvaluation evaluation) =>
        evaluation.MultiStep.Predicted.Select((value, h) => new ForecastStep(value, evaluation.MultiStepIntervals[h] is { Count: > 0 } intervals ? intervals : null)).ToArray();
}
