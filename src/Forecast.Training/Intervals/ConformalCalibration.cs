namespace Forecast.Training.Intervals;

/// <summary>A prediction interval at one confidence level, in percent.</summary>
public sealed record PredictionInterval(double Level, double Lower, double Upper);

/// <summary>
/// Split-conformal prediction intervals per horizon step, from the errors of recursive forecasts made
/// at many origins inside the validation part (which the weights were not fitted on), each divided by
/// how restless the series was before its origin.
/// </summary>
/// <remarks>
/// <para>
/// Scores are absolute errors divided by the <see cref="VolatilityScale"/> at their origin, and an
/// interval's half-width is a score quantile times the scale at its own origin (normalized conformal
/// prediction; any scale known at the origin keeps the coverage guarantee). Intervals therefore widen
/// after a restless spell: daily rainfall's validation part is mostly drier months than the wet December
/// it is tested on, and plain errors gave 80 % intervals that covered a third to a half of the test days.
/// </para>
/// <para>
/// Step h's half-width at level L is the ceil((n + 1) L)-th smallest of its n scores, the
/// split-conformal quantile; when that rank exceeds n (fewer than 1 / (1 - L) - 1 errors) the largest
/// error is used, and the interval is then knowingly narrower than the level promises. Half-widths are
/// made non-decreasing in h: a farther step is never more certain, and short validation parts make the
/// raw quantiles noisy.
/// </para>
/// <para>
/// Beyond the calibrated steps the last half-width is kept when the model is not first-differenced
/// (its errors level off, as a stationary series' do) and grows with sqrt(h / H) when it is (the
/// errors of an integrated forecast accumulate like a random walk's).
/// </para>
/// <para>
/// With a log transform the errors are measured between logs, so intervals are multiplicative and
/// stay positive: [f / e^q, f e^q]. Otherwise they are f ± q.
/// </para>
/// </remarks>
/// <param name="Scores">Per step (index 0 = one step ahead), the absolute errors (divided by their origin's scale) sorted ascending.</param>
/// <param name="LogScale">Errors are |log actual - log forecast|.</param>
/// <param name="GrowsBeyondCalibration">Half-widths beyond the last calibrated step grow with sqrt(h).</param>
/// <param name="ScaleWindow">
/// The window of the <see cref="VolatilityScale"/> the scores were divided by (the model's lookback: what the
/// network sees); null for plain errors, as in models stored before the scale existed.
/// </param>
public sealed record ConformalCalibration(IReadOnlyList<double[]> Scores, bool LogScale, bool GrowsBeyondCalibration, int? ScaleWindow = null)
{
    public const double MinimumLevel = 50;
    public const double MaximumLevel = 99.9;

    /// <summary>The levels the evaluation reports coverage for.</summary>
    public static IReadOnlyList<double> DefaultLevels { get; } = [80, 95];

    /// <summary>Steps with errors of their own; farther ones are extrapolated.</summary>
    public int CalibratedSteps => Scores.Count;

    /// <summary>Builds a calibration from signed errors per step (on the scale of <paramref name="logScale"/>).</summary>
    public static ConformalCalibration FromErrors(IReadOnlyList<IReadOnlyList<double>> errorsByStep, bool logScale, bool growsBeyondCalibration, int? scaleWindow = null)
    {
        if (errorsByStep.Count == 0 || errorsByStep.Any(e => e.Count == 0))
        {
            throw new ArgumentException("Every calibrated step needs at least one error.", nameof(errorsByStep));
        }
        var scores = errorsByStep.Select(errors => errors.Select(Math.Abs).Order().ToArray()).ToArray();
        return new ConformalCalibration(scores, logScale, growsBeyondCalibration, scaleWindow);
    }

    /// <summary>The interval's half-width at <paramref name="level"/> percent, <paramref name="step"/> steps ahead (1-based), on the error scale, for a scale of 1.</summary>
    public double HalfWidth(double level, int step)
    {
        if (!(level >= MinimumLevel && level <= MaximumLevel))
        {
            throw new ArgumentOutOfRangeException(nameof(level), $"level must lie in {MinimumLevel}..{MaximumLevel}.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        var calibrated = Math.Min(step, CalibratedSteps);
        var width = 0.0;
        for (var h = 0; h < calibrated; h++)
        {
            width = Math.Max(width, Quantile(Scores[h], level));
        }
        return step > CalibratedSteps && GrowsBeyondCalibration
            ? width * Math.Sqrt((double)step / CalibratedSteps)
            : width;
    }

    /// <summary>The scale of a forecast from the end of <paramref name="history"/>: 1 without <see cref="ScaleWindow"/>.</summary>
    public double ScaleAt(IReadOnlyList<double> history) =>
        ScaleWindow is int window ? new VolatilityScale(history, window, LogScale).At(history.Count) : 1;

    /// <summary>The <see cref="ScaleAt"/> of every origin of <paramref name="series"/> (the first n points for origin n), each in constant time.</summary>
    public Func<int, double> ScalesAlong(IReadOnlyList<double> series) =>
        ScaleWindow is int window ? new VolatilityScale(series, window, LogScale).At : _ => 1;

    /// <param name="scale">The <see cref="ScaleAt"/> of the forecast's origin.</param>
    public PredictionInterval Interval(double forecast, double level, int step, double scale = 1)
    {
        var q = HalfWidth(level, step) * scale;
        return LogScale
            ? new PredictionInterval(level, forecast * Math.Exp(-q), forecast * Math.Exp(q))
            : new PredictionInterval(level, forecast - q, forecast + q);
    }

    /// <summary>Per step of <paramref name="forecast"/> (index 0 = one step ahead), its <see cref="Interval"/> at each of <paramref name="levels"/>, in their order.</summary>
    /// <param name="forecast">A recursive forecast from one origin.</param>
    /// <param name="scale">The <see cref="ScaleAt"/> of that origin.</param>
    public PredictionInterval[][] IntervalsAlong(IReadOnlyList<double> forecast, IReadOnlyList<double> levels, double scale) =>
        forecast.Select((value, i) => levels.Select(level => Interval(value, level, i + 1, scale)).ToArray()).ToArray();

    private static double Quantile(double[] sorted, double level)
    {
        var n = sorted.Length;
        // The small tolerance keeps (n + 1) * 0.8 = 12.000000000000002 from rounding up to rank 13.
        var rank = (int)Math.Ceiling((n + 1) * level / 100 - 1e-9);
        return sorted[Math.Clamp(rank, 1, n) - 1];
    }
}
