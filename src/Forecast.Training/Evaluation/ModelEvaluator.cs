using Forecast.Domain.Series;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Training.Intervals;
using Forecast.Training.Methods;

namespace Forecast.Training.Evaluation;

public static class ModelEvaluator
{
    /// <param name="covariates">
    /// The series' covariates, over the test tail too: its future values were known when it was forecast, as a client
    /// knows a forecast's (a price set, a promotion planned), so a model fitted with them is scored with them.
    /// </param>
    /// <param name="seasonalPeriod">Period of seasonal naive and of the MASE scale, whose in-sample part is everything before the test tail.</param>
    public static ModelEvaluation Evaluate(
        IFittedForecaster model, IReadOnlyList<double> series, Covariates covariates, DataSplit split, int seasonalPeriod)
    {
        var origin = split.ValidationEnd;
        var history = series.Take(origin).ToArray();
        var actual = series.Skip(origin).ToArray();
        var horizon = actual.Length;
        var scale = AccuracyMetrics.MaseScale(history, seasonalPeriod);

        ScoredForecast Score(double[] predicted) => new(predicted, AccuracyMetrics.Compute(actual, predicted, scale));

        var levels = model.HasIntervals ? IntervalLevels.Default : IntervalLevels.None;
        var forecast = model.ForecastAfter(history, covariates, horizon, levels);
        var multiStep = Score(forecast.Select(step => step.Value).ToArray());
        var oneStep = Score(model.OneStepAhead(series, covariates, origin, series.Count, IntervalLevels.None).Select(step => step.Value).ToArray());
        var baselines = new BaselineScores(
            Score(Baselines.Naive(history, horizon)),
            Score(Baselines.SeasonalNaive(history, horizon, seasonalPeriod)),
            Score(Baselines.Drift(history, horizon)));

        var seasonalNaiveMae = baselines.SeasonalNaive.Metrics.Mae;
        double? skill = seasonalNaiveMae > 0 ? 1 - multiStep.Metrics.Mae / seasonalNaiveMae : null;
        var intervals = forecast.Select(step => step.Intervals ?? []).ToArray();
        return new ModelEvaluation(origin, seasonalPeriod, actual, oneStep, multiStep, baselines, skill,
            multiStep.Metrics.Mae < seasonalNaiveMae, intervals, IntervalCoverage.Of(intervals, actual));
    }

    /// <summary>
    /// <paramref name="model"/>'s forecast of the <paramref name="horizon"/> points from <paramref name="origin"/>,
    /// scored as <see cref="Evaluate"/> scores a multi-step forecast: to compare two models on the same points.
    /// </summary>
    public static AccuracyMetrics ScoreMultiStep(IFittedForecaster model, IReadOnlyList<double> series, Covariates covariates, int origin, int horizon, int seasonalPeriod)
    {
        var history = series.Take(origin).ToArray();
        var actual = series.Skip(origin).Take(horizon).ToArray();
        return AccuracyMetrics.Compute(actual, model.ForecastAfter(history, covariates, actual.Length, IntervalLevels.None).Select(step => step.Value).ToArray(), AccuracyMetrics.MaseScale(history, seasonalPeriod));
    }
}
