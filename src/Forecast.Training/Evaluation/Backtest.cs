using Forecast.Domain.Series;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Training.Intervals;
using Forecast.Training.Methods;

namespace Forecast.Training.Evaluation;

/// <summary>One origin of a backtest: the model's multi-step forecast from it beside the baselines', with interval coverage.</summary>
/// <param name="Origin">Index of the window's first forecast point.</param>
/// <param name="Scale">The MASE scale at the origin: the in-sample seasonal-naive MAE of the points before it.</param>
/// <param name="Coverage">Share of the window inside the model's 80 % and 95 % intervals; empty without a calibration.</param>
public sealed record BacktestWindow(
    int Origin,
    double Scale,
    IReadOnlyList<double> Actual,
    IReadOnlyList<double> Predicted,
    IReadOnlyList<double> SeasonalNaivePredicted,
    IReadOnlyList<double> DriftPredicted,
    IReadOnlyList<double> ThetaPredicted,
    AccuracyMetrics Model,
    AccuracyMetrics SeasonalNaive,
    AccuracyMetrics Drift,
    AccuracyMetrics Theta,
    IReadOnlyList<IntervalCoverage> Coverage);

/// <summary>
/// One horizon step over every window: the absolute error of the model and each baseline in MASE units (each window's
/// error divided by its own scale), averaged over the windows whose scale is positive.
/// </summary>
public sealed record BacktestStep(int Step, double? Mase, double? SeasonalNaiveMase, double? DriftMase, double? ThetaMase);

/// <summary>
/// A rolling-origin backtest (Amazon Forecast's backtest windows, Nixtla's <c>cross_validation</c>): the model forecast from
/// several origins, each scored as the evaluation scores its test tail. Without refitting, one model forecasts from every
/// origin, so earlier windows fall on points it was trained or validated on: it measures stability, not fresh accuracy.
/// </summary>
/// <param name="Refit">Whether each window's model was trained on the points before its origin only.</param>
/// <param name="MeanMase">The model's MASE averaged over windows: what a promotion compares when a backtest is present.</param>
public sealed record Backtest(
    int Step,
    bool Refit,
    IReadOnlyList<BacktestWindow> Windows,
    IReadOnlyList<BacktestStep> Steps,
    double? MeanMase,
    double? MeanSeasonalNaiveMase,
    double? MeanThetaMase)
{
    /// <summary>A backtest of one model from each of <paramref name="origins"/>, without refitting.</summary>
    /// <param name="covariates">The series' covariates, which a model fitted with them forecasts with.</param>
    public static Backtest Run(IFittedForecaster model, IReadOnlyList<double> series, Covariates covariates, IReadOnlyList<int> origins, int horizon, int seasonalPeriod, int step)
    {
        var forecasts = model.Forecast(series, covariates, origins, horizon, model.HasIntervals ? IntervalLevels.Default : IntervalLevels.None);
        return Of(origins.Select((origin, i) => Window(origin, series, forecasts[i], seasonalPeriod, horizon)).ToList(), step, refit: false);
    }

    /// <summary>A window scored from its own forecast, as the model that made it (refitted or not) forecast it.</summary>
    /// <param name="forecast">The forecast from the origin, with its intervals at <see cref="IntervalLevels.Default"/> where the model has them.</param>
    public static BacktestWindow Window(int origin, IReadOnlyList<double> series, IReadOnlyList<ForecastStep> forecast, int seasonalPeriod, int horizon)
    {
        var history = series.Take(origin).ToArray();
        var actual = series.Skip(origin).Take(horizon).ToArray();
        var scale = AccuracyMetrics.MaseScale(history, seasonalPeriod);
        AccuracyMetrics Score(IReadOnlyList<double> points) => AccuracyMetrics.Compute(actual, points, scale);
        var predicted = forecast.Select(step => step.Value).ToArray();
        var intervals = forecast.Count > 0 && forecast[0].Intervals is not null ? forecast.Select(step => step.Intervals!).ToArray() : null;
        var (seasonalNaive, drift, theta) = (Baselines.SeasonalNaive(history, horizon, seasonalPeriod), Baselines.Drift(history, horizon),
            Theta.Forecast(history, horizon, seasonalPeriod));
        return new BacktestWindow(origin, scale, actual, predicted, seasonalNaive, drift, theta,
            Score(predicted), Score(seasonalNaive), Score(drift), Score(theta), intervals is null ? [] : IntervalCoverage.Of(intervals, actual));
    }

    public static Backtest Of(IReadOnlyList<BacktestWindow> windows, int step, bool refit)
    {
        var horizon = windows.Min(w => w.Actual.Count);
        var steps = Enumerable.Range(0, horizon).Select(h => new BacktestStep(h + 1,
            MeanOf(windows, w => StepMase(w, h, w.Predicted)),
            MeanOf(windows, w => StepMase(w, h, w.SeasonalNaivePredicted)),
            MeanOf(windows, w => StepMase(w, h, w.DriftPredicted)),
            MeanOf(windows, w => StepMase(w, h, w.ThetaPredicted)))).ToList();
        return new Backtest(step, refit, windows, steps, MeanOf(windows, w => w.Model.Mase), MeanOf(windows, w => w.SeasonalNaive.Mase),
            MeanOf(windows, w => w.Theta.Mase));
    }

    private static double? StepMase(BacktestWindow w, int h, IReadOnlyList<double> predicted) =>
        w.Scale > 0 ? Math.Abs(w.Actual[h] - predicted[h]) / w.Scale : null;

    private static double? MeanOf(IReadOnlyList<BacktestWindow> windows, Func<BacktestWindow, double?> of) => FiniteMean.Of(windows.Select(of));
}
