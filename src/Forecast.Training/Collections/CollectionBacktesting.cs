using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Training.Lstm;
using Forecast.Training.Methods;

namespace Forecast.Training.Collections;

/// <summary>Backtests a collection's model, whatever its method: from every window's origin with the model itself, or with a model refitted per window.</summary>
public static class CollectionBacktesting
{
    /// <param name="model">The run's model, its members' test tails the last window's.</param>
    /// <param name="hp">The run's hyperparameters: a refit builds every earlier window's model with them.</param>
    /// <exception cref="Forecast.Domain.UnprocessableException">The windows leave the shortest member too few points before the first origin.</exception>
    public static CollectionBacktest Run(
        BuiltCollectionModel model, IReadOnlyList<GlobalMember> members, Hyperparameters hp, BacktestRequest request, CancellationToken cancellation)
    {
        if (!request.Refit)
        {
            using var fitted = ForecastingMethods.RestoreCollection(model.Stored);
            return CollectionBacktest.Run(fitted, members, hp.TestSize, request);
        }
        // Each earlier window's model is built on every member's points before its origin plus its window as the test tail,
        // so the window is that model's own evaluation; the last window is the run's model's.
        var windows = CollectionBacktest.PeriodsBefore(request, members, hp.TestSize).Select(before =>
        {
            cancellation.ThrowIfCancellationRequested();
            var evaluation = before == 0
                ? model.Evaluation
                : CollectionModelBuilder.Build(CollectionBacktest.Before(members, before), hp, SilentObserver.Instance, cancellation).Evaluation;
            return CollectionBacktestWindow.Of(before, evaluation);
        }).ToList();
        return CollectionBacktest.Of(windows, request.Step ?? hp.TestSize, refit: true);
    }
}
