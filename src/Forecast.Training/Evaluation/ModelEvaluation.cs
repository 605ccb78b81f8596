using Forecast.Domain.Evaluation;
using Forecast.Training.Intervals;

namespace Forecast.Training.Evaluation;

/// <summary>Forecasts for the test tail and how accurate they were.</summary>
public sealed record ScoredForecast(IReadOnlyList<double> Predicted, AccuracyMetrics Metrics);

public sealed record BaselineScores(ScoredForecast Naive, ScoredForecast SeasonalNaive, ScoredForecast Drift);

/// <summary>How often the test tail fell inside the multi-step forecast's intervals at one level.</summary>
/// <param name="Level">Nominal level, percent.</param>
/// <param name="Coverage">Share of test points inside their interval, 0..1.</param>
/// <param name="MeanWidth">Mean upper - lower over the tail, on the original scale.</param>
public sealed record IntervalCoverage(double Level, double Coverage, double MeanWidth)
{
    /// <summary>Per level, the share of <paramref name="actual"/> inside its point's interval; empty when the points have no intervals.</summary>
    /// <param name="intervals">Per point, its intervals at the same levels in the same order.</param>
    public static IntervalCoverage[] Of(IReadOnlyList<IReadOnlyList<PredictionInterval>> intervals, IReadOnlyList<double> actual) =>
        intervals.Count == 0 ? [] : intervals[0].Select((first, k) =>
        {
            var atLevel = intervals.Select(point => point[k]).ToArray();
            var inside = atLevel.Where((interval, i) => actual[i] >= interval.Lower && actual[i] <= interval.Upper).Count();
            return new IntervalCoverage(first.Level, (double)inside / actual.Count, atLevel.Average(interval => interval.Upper - interval.Lower));
        }).ToArray();
}

/// <summary>
/// A model judged on the held-out test tail, two ways: <see cref="MultiStep"/> forecasts the whole
/// tail recursively from the forecast origin (comparable with R's forecast()), <see cref="OneStep"/>
/// predicts each point from the actual values before it (the tutorial's way). Baselines are
/// multi-step forecasts from the same origin, so <see cref="SkillVsSeasonalNaive"/> compares like with like.
/// </summary>
/// <param name="ForecastOrigin">Index of the first test point in the series.</param>
/// <param name="SeasonalPeriod">The seasonal naive's period and the MASE scale's lag.</param>
/// <param name="SkillVsSeasonalNaive">1 - MAE(model) / MAE(seasonal naive), multi-step; null when seasonal naive is exact.</param>
/// <param name="MultiStepIntervals">Per test point, the multi-step forecast's intervals at <see cref="ConformalCalibration.DefaultLevels"/>; empty lists without calibration.</param>
/// <param name="Coverage">Empirical coverage of those intervals on the tail, per level; empty without calibration.</param>
public sealed record ModelEvaluation(
    int ForecastOrigin,
    int SeasonalPeriod,
    IReadOnlyList<double> Actual,
    ScoredForecast OneStep,
    ScoredForecast MultiStep,
    BaselineScores Baselines,
    double? SkillVsSeasonalNaive,
    bool BeatsSeasonalNaive,
    IReadOnlyList<IReadOnlyList<PredictionInterval>> MultiStepIntervals,
    IReadOnlyList<IntervalCoverage> Coverage);
