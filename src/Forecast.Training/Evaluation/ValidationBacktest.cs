using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training.Intervals;
using Forecast.Training.Lstm;

namespace Forecast.Training.Evaluation;

/// <summary>
/// Recursive forecasts from every origin in the validation part, beside what happened: the model's
/// multi-step errors on data its weights were not fitted on, on the original scale. They decide the
/// "auto" transform and calibrate the prediction intervals.
/// </summary>
public sealed class ValidationBacktest
{
    /// <summary>A calibrated step needs this many errors, or all the validation part has if fewer.</summary>
    public const int MinimumErrorsPerStep = 10;

    private readonly (double Actual, double Forecast, int Origin)[][] byStep;
    private readonly IReadOnlyList<double> series;

    private ValidationBacktest((double Actual, double Forecast, int Origin)[][] byStep, IReadOnlyList<double> series)
    {
        this.byStep = byStep;
        this.series = series;
    }

    /// <summary>Steps ahead covered; step h has one pair per origin at least h points before the validation part's end.</summary>
    public int Steps => byStep.Length;

    /// <summary>Forecasts up to <paramref name="steps"/> ahead (at most the validation part's length); null without a validation part.</summary>
    /// <param name="covariates">The series' covariates, known through the validation part, for a network that reads them.</param>
    public static ValidationBacktest? Run(LstmModel model, IReadOnlyList<double> series, Covariates covariates, DataSplit split, int steps)
    {
        var firstOrigin = Math.Max(split.TrainEnd, model.FirstPredictable);
        var count = split.ValidationEnd - firstOrigin;
        if (count <= 0)
        {
            return null;
        }
        var horizon = Math.Clamp(steps, 1, count);
        var origins = Enumerable.Range(firstOrigin, count).ToArray();
        var forecasts = model.PredictRecursive(series, Padded(covariates, split.ValidationEnd, firstOrigin + count - 1 + horizon), origins, horizon);
        var byStep = Enumerable.Range(0, horizon).Select(h =>
            origins.Select((origin, i) => (Origin: origin, Forecast: forecasts[i][h]))
                .Where(f => f.Origin + h < split.ValidationEnd)
                .Select(f => (series[f.Origin + h], f.Forecast, f.Origin))
                .ToArray()).ToArray();
        return new ValidationBacktest(byStep, series);
    }

    /// <summary>
    /// The covariates through <paramref name="known"/>, each then repeating its last value up to <paramref name="end"/>: a
    /// forecast step at index t reads covariates up to t only, so the repeated values reach only the steps past the
    /// validation part, which are never scored; and the covariates need not be known past it.
    /// </summary>
    private static Covariates Padded(Covariates covariates, int known, int end) =>
        new([.. covariates.Columns.Select(c => c with
        {
            Values = [.. c.Values.Take(known), .. Enumerable.Repeat(c.Values[Math.Min(known, c.Values.Count) - 1], Math.Max(0, end - known))],
        })]);

    /// <summary>Mean squared error over every origin and the steps up to <paramref name="maxStep"/>.</summary>
    public double MeanSquaredError(int maxStep) =>
        byStep.Take(maxStep).SelectMany(pairs => pairs).Average(p => (p.Actual - p.Forecast) * (p.Actual - p.Forecast));

    /// <summary>Conformal calibration from the steps that have enough errors (see <see cref="MinimumErrorsPerStep"/>).</summary>
    /// <param name="logScale">Measure errors between logs (the model took logs, so every value is positive).</param>
    /// <param name="growsBeyondCalibration">See <see cref="ConformalCalibration.GrowsBeyondCalibration"/>.</param>
    /// <param name="scaleWindow">Divide each error by the <see cref="VolatilityScale"/> of this window at its origin; null for plain errors.</param>
    public ConformalCalibration Calibrate(bool logScale, bool growsBeyondCalibration, int? scaleWindow = null)
    {
        var needed = Math.Min(MinimumErrorsPerStep, byStep[0].Length);
        var scale = scaleWindow is int window ? new VolatilityScale(series, window, logScale) : null;
        var errors = byStep.TakeWhile(pairs => pairs.Length >= needed)
            .Select(pairs => (IReadOnlyList<double>)pairs.Select(p =>
                (logScale ? Math.Log(p.Actual) - Math.Log(p.Forecast) : p.Actual - p.Forecast) / (scale?.At(p.Origin) ?? 1)).ToArray())
            .ToArray();
        return ConformalCalibration.FromErrors(errors, logScale, growsBeyondCalibration, scaleWindow);
    }
}
