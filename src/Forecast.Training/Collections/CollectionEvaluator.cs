using Forecast.Domain.Evaluation;
using Forecast.Training.Evaluation;
using Forecast.Training.Intervals;

namespace Forecast.Training.Collections;

/// <summary>One member scored on its test tail, with the multi-step forecast's intervals there.</summary>
/// <param name="Intervals">Per test point, its intervals at <see cref="ConformalCalibration.DefaultLevels"/>; empty lists without a calibration.</param>
/// <param name="Fallback">Why the Theta method forecast the member instead of the network; null when the network did.</param>
public sealed record EvaluatedMember(ScoredMember Score, IReadOnlyList<IReadOnlyList<PredictionInterval>> Intervals, string? Fallback);

/// <summary>A collection's evaluation: every member scored, the collection's accuracy over them and its pooled interval coverage.</summary>
/// <param name="Coverage">Per level, the share of all members' test points inside their intervals; empty without a calibration.</param>
public sealed record CollectionEvaluation(IReadOnlyList<EvaluatedMember> Members, CollectionAccuracy Accuracy, IReadOnlyList<IntervalCoverage> Coverage)
{
    /// <summary>Members the network could not forecast and the Theta method did.</summary>
    public int Fallbacks => Members.Count(m => m.Fallback is not null);
}

/// <summary>
/// Scores a global model on each member's last <c>testSize</c> points as R's <c>forecast()</c> is scored: a recursive
/// forecast of the whole tail from its origin, MASE scaled by the in-sample seasonal-naive MAE of everything before
/// the tail, beside naive, seasonal naive, Naive2 and Theta on the same tail.
/// </summary>
public static class CollectionEvaluator
{
    public static CollectionEvaluation Evaluate(GlobalModel model, IReadOnlyList<GlobalMember> members, int testSize)
    {
        var period = model.Artifact.SeasonalPeriod;
        var calibration = model.Artifact.Calibration;
        var histories = members.Select(m => (m.Key, (IReadOnlyList<double>)m.Values.Take(m.Values.Count - testSize).ToArray())).ToList();
        var forecasts = model.ForecastAll(histories, testSize);
        var fallbacks = model.Artifact.Members.ToDictionary(m => m.Key, m => m.Fallback, StringComparer.Ordinal);
        var evaluated = members.Select((member, i) =>
        {
            var history = histories[i].Item2;
            var actual = member.Values.Skip(history.Count).ToArray();
            var scale = AccuracyMetrics.MaseScale(history, period);
            AccuracyMetrics Score(IReadOnlyList<double> forecast) => AccuracyMetrics.Compute(actual, forecast, scale);
            var predicted = forecasts[i];
            var score = new ScoredMember(member.Key, actual, predicted, Score(predicted),
                Score(Baselines.Naive(history, testSize)),
                Score(Baselines.SeasonalNaive(history, testSize, period)),
                Score(Naive2.Forecast(history, testSize, period)),
                Score(Theta.Forecast(history, testSize, period)));
            IReadOnlyList<IReadOnlyList<PredictionInterval>> intervals = calibration is null
                ? predicted.Select(_ => (IReadOnlyList<PredictionInterval>)[]).ToArray()
                : calibration.IntervalsAlong(predicted, ConformalCalibration.DefaultLevels, PooledCalibration.ScaleAt(history, period));
            return new EvaluatedMember(score, intervals, fallbacks[member.Key]);
        }).ToList();
        var coverage = IntervalCoverage.Of(
            evaluated.SelectMany(m => m.Intervals).ToArray(), evaluated.SelectMany(m => m.Score.Actual).ToArray());
        return new CollectionEvaluation(evaluated, CollectionAccuracy.Of(evaluated.Select(m => m.Score).ToList()), coverage);
    }
}
