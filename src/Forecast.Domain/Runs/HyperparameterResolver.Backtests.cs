using Forecast.Domain.Evaluation;
using Forecast.Domain.Series;

namespace Forecast.Domain.Runs;

public sealed partial class HyperparameterResolver
{
    /// <summary>
    /// Checks a run's backtest before the run is queued: the windows fit before the test tail with the history the
    /// model needs at each origin (for transform auto, as much as any candidate needs), and, with refit, the earliest
    /// window's model can be trained on the points before its origin with the same request.
    /// </summary>
    /// <returns>The windows' origins, oldest first.</returns>
    /// <exception cref="DomainValidationException">Windows or step out of range.</exception>
    /// <exception cref="UnprocessableException">The windows do not fit, or an earlier window's model could not be trained.</exception>
    public IReadOnlyList<int> CheckBacktest(BacktestRequest backtest, HyperparameterRequest request, Hyperparameters hp, RegularSeries series)
    {
        if (!hp.TrainsNetwork)
        {
            // A statistical method fits whatever history a window leaves, falling back to a simpler form where it must.
            return backtest.Origins(series.Count - hp.TestSize, hp.TestSize, MinimumMemberHistory);
        }
        var pipelines = hp.Transform.Pipeline is { } given ? [given] : TransformPipeline.All.Append(TransformPipeline.None);
        var needed = pipelines.Max(p => Math.Max(p.PointsConsumed(hp.SeasonalPeriod) + hp.Lookback, p.HistoryNeeded(hp.SeasonalPeriod)));
        var testOrigin = series.Count - hp.TestSize;
        var origins = backtest.Origins(testOrigin, hp.TestSize, needed);
        if (backtest.Refit)
        {
            // The shortest window trains on the least: if its model can be trained, so can every later one's.
            var shortest = series with { Values = series.Values.Take(origins[0] + hp.TestSize).ToArray() };
            Resolve(request with { Seed = hp.Seed, Lookback = hp.Lookback }, shortest, () => hp.Seed);
        }
        return origins;
    }

    /// <summary>
    /// Checks a global run's backtest before the run is queued: each window's origin, counted back from every member's
    /// own test tail, leaves the shortest member the history the Theta fallback and the baselines need (a member too
    /// short for the network there is forecast by Theta, as in the evaluation), and, with refit, the earliest window's
    /// model can be trained on every member's points before its origin with the same request.
    /// </summary>
    /// <returns>Per window, oldest first, how many periods before each member's test tail its origin lies.</returns>
    /// <exception cref="DomainValidationException">Windows or step out of range.</exception>
    /// <exception cref="UnprocessableException">The windows do not fit the shortest member, or an earlier window's model could not be trained.</exception>
    public IReadOnlyList<int> CheckCollectionBacktest(BacktestRequest backtest, HyperparameterRequest request, Hyperparameters hp, CollectionShape shape)
    {
        var periodsBefore = backtest.PeriodsBeforeTestTail(shape.ShortestKey, shape.ShortestLength, hp.TestSize, MinimumMemberHistory);
        // A statistical method fits whatever history a window leaves each member, falling back to a simpler form where it must.
        if (backtest.Refit && hp.TrainsNetwork)
        {
            // The earliest window's model trains on the least of every member: if it can be trained, so can every later one's.
            var cut = periodsBefore[0];
            var earliest = shape with { ShortestLength = shape.ShortestLength - cut, LongestLength = shape.LongestLength - cut };
            var same = request with { Seed = hp.Seed, Lookback = hp.Lookback };
            _ = hp.Method == Hyperparameters.EnsembleMethod
                ? ResolveEnsembleForCollection(same, earliest, () => hp.Seed)
                : ResolveForCollection(same, earliest, () => hp.Seed);
        }
        return periodsBefore;
    }
}
