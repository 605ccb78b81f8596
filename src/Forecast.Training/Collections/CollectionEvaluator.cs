using Forecast.Domain.Evaluation;

namespace Forecast.Training.Collections;

/// <summary>A collection's evaluation: every member scored, and the collection's accuracy over them.</summary>
/// <param name="Fallbacks">Members the network could not forecast and the Theta method did, with the reason.</param>
public sealed record CollectionEvaluation(IReadOnlyList<ScoredMember> Members, CollectionAccuracy Accuracy, IReadOnlyDictionary<string, string> Fallbacks);

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
        var histories = members.Select(m => (m.Key, (IReadOnlyList<double>)m.Values.Take(m.Values.Count - testSize).ToArray())).ToList();
        var forecasts = model.ForecastAll(histories, testSize);
        var scored = members.Select((member, i) =>
        {
            var history = histories[i].Item2;
            var actual = member.Values.Skip(history.Count).ToArray();
            var scale = AccuracyMetrics.MaseScale(history, period);
            AccuracyMetrics Score(IReadOnlyList<double> forecast) => AccuracyMetrics.Compute(actual, forecast, scale);
            var predicted = forecasts[i];
            return new ScoredMember(member.Key, actual, predicted, Score(predicted),
                Score(Baselines.Naive(history, testSize)),
                Score(Baselines.SeasonalNaive(history, testSize, period)),
                Score(Naive2.Forecast(history, testSize, period)),
                Score(Theta.Forecast(history, testSize, period)));
        }).ToList();
        var fallbacks = model.Artifact.Members.Where(m => m.Fallback is not null).ToDictionary(m => m.Key, m => m.Fallback!);
        return new CollectionEvaluation(scored, CollectionAccuracy.Of(scored), fallbacks);
    }
}
