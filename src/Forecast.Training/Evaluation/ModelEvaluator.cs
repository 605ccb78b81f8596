using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Training.Lstm;

namespace Forecast.Training.Evaluation;

public static class ModelEvaluator
{
    public static ModelEvaluation Evaluate(LstmModel model, IReadOnlyList<double> series, DataSplit split, int seasonalPeriod)
    {
        var origin = split.ValidationEnd;
        var history = series.Take(origin).ToArray();
        var actual = series.Skip(origin).ToArray();
        var horizon = actual.Length;
        var scale = AccuracyMetrics.MaseScale(history, seasonalPeriod);

        ScoredForecast Score(double[] predicted) => new(predicted, AccuracyMetrics.Compute(actual, predicted, scale));

        var multiStep = Score(model.PredictRecursive(history, horizon));
        var oneStep = Score(model.PredictOneStep(series, origin, series.Count));
        var baselines = new BaselineScores(
            Score(Baselines.Naive(history, horizon)),
            Score(Baselines.SeasonalNaive(history, horizon, seasonalPeriod)),
            Score(Baselines.Drift(history, horizon)));

        var seasonalNaiveMae = baselines.SeasonalNaive.Metrics.Mae;
        double? skill = seasonalNaiveMae > 0 ? 1 - multiStep.Metrics.Mae / seasonalNaiveMae : null;
        return new ModelEvaluation(origin, seasonalPeriod, actual, oneStep, multiStep, baselines, skill,
            multiStep.Metrics.Mae < seasonalNaiveMae);
    }
}
