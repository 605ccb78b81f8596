namespace Forecast.Domain.Evaluation;

/// <summary>
/// Simple exponential smoothing (level l_t = l_(t-1) + alpha (x_t - l_(t-1)), forecasts flat at the last
/// level) fitted as R's <c>forecast::ses(initial = "optimal")</c> fits it, i.e. <c>ets(x, "ANN", opt.crit = "mse")</c>:
/// alpha in ets's default bounds and the initial level l0 chosen together to minimise the mean squared
/// one-step error.
/// </summary>
/// <param name="Alpha">The smoothing parameter, in [<see cref="MinAlpha"/>, <see cref="MaxAlpha"/>].</param>
/// <param name="InitialLevel">l0, the level before the first observation.</param>
/// <param name="LastLevel">The level after the last observation: the forecast at every horizon.</param>
/// <param name="MeanSquaredError">The mean squared one-step error over the series at this fit.</param>
public sealed record SimpleExponentialSmoothing(double Alpha, double InitialLevel, double LastLevel, double MeanSquaredError)
{
    /// <summary>ets's default lower bound for alpha.</summary>
    public const double MinAlpha = 0.0001;

    /// <summary>ets's default upper bound for alpha.</summary>
    public const double MaxAlpha = 0.9999;

    // Spacing of the coarse search over alpha; the error surface is smooth, so a local minimum narrower
    // than this is not expected, and the golden-section search then refines within one step either side.
    private const int GridIntervals = 200;
    private const double AlphaTolerance = 1e-10;

    /// <summary>
    /// The least-squares fit. ets finds it with Nelder-Mead over (alpha, l0); here l0 is solved exactly
    /// instead: for a fixed alpha the one-step errors are linear in l0 (e_t = e_t(0) - (1 - alpha)^(t-1) l0),
    /// so the best l0 is a linear regression, and only alpha is left to a 1-D search (a grid, then golden
    /// section). Where the error has two minima over alpha, ets's Nelder-Mead may stop at the worse one (it does
    /// on tourism M363, Q158 and Q425); this fit takes the better, so those series' forecasts differ from R's.
    /// </summary>
    /// <exception cref="ArgumentException">An empty series.</exception>
    public static SimpleExponentialSmoothing Fit(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("Simple exponential smoothing needs at least one value.", nameof(values));
        }
        var errors = new double[values.Count];
        var step = (MaxAlpha - MinAlpha) / GridIntervals;
        var best = 0;
        var bestMse = double.PositiveInfinity;
        for (var k = 0; k <= GridIntervals; k++)
        {
            var mse = FitLevel(values, MinAlpha + k * step, errors).MeanSquaredError;
            if (mse < bestMse)
            {
                best = k;
                bestMse = mse;
            }
        }
        var alpha = GoldenSectionMinimum(
            a => FitLevel(values, a, errors).MeanSquaredError,
            Math.Max(MinAlpha, MinAlpha + (best - 1) * step),
            Math.Min(MaxAlpha, MinAlpha + (best + 1) * step));
        var refined = FitLevel(values, alpha, errors);
        // Golden section assumes one minimum in the bracket; should it hold two, keep the better grid point.
        return refined.MeanSquaredError <= bestMse ? refined : FitLevel(values, MinAlpha + best * step, errors);
    }

    /// <summary>The fit with the best l0 for this alpha; <paramref name="errors"/> is scratch space of the series' length.</summary>
    private static SimpleExponentialSmoothing FitLevel(IReadOnlyList<double> values, double alpha, double[] errors)
    {
        // Run from l0 = the first value and regress the errors on their sensitivity to l0, (1 - alpha)^(t-1):
        // starting near the data keeps the errors, and so the rounding in their squares, small.
        var start = values[0];
        var level = start;
        var weight = 1.0;
        double product = 0, weightSquares = 0;
        for (var t = 0; t < values.Count; t++)
        {
            var error = values[t] - level;
            errors[t] = error;
            product += error * weight;
            weightSquares += weight * weight;
            level += alpha * error;
            weight *= 1 - alpha;
        }
        var shift = product / weightSquares;
        var squares = 0.0;
        weight = 1.0;
        for (var t = 0; t < values.Count; t++)
        {
            var error = errors[t] - weight * shift;
            squares += error * error;
            weight *= 1 - alpha;
        }
        return new SimpleExponentialSmoothing(alpha, start + shift, level + weight * shift, squares / values.Count);
    }

    private static double GoldenSectionMinimum(Func<double, double> f, double lower, double upper)
    {
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var a = upper - ratio * (upper - lower);
        var b = lower + ratio * (upper - lower);
        double fa = f(a), fb = f(b);
        while (upper - lower > AlphaTolerance)
        {
            if (fa <= fb)
            {
                upper = b;
                b = a;
                fb = fa;
                a = upper - ratio * (upper - lower);
                fa = f(a);
            }
            else
            {
                lower = a;
                a = b;
                fa = fb;
                b = lower + ratio * (upper - lower);
                fb = f(b);
            }
        }
        return (lower + upper) / 2;
    }
}
