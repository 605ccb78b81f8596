namespace Forecast.Training.Methods.Ets;

/// <summary>What the automatic choice chose and how.</summary>
/// <param name="Fit">The chosen fit; null for a fallback.</param>
/// <param name="Candidates">The forms tried.</param>
/// <param name="Fitted">The forms that could be fitted (a finite AICc).</param>
/// <param name="Fallback">Why the history fell back to a simpler model than a fitted form; null when it did not.</param>
internal sealed record EtsChoice(EtsModel Model, EtsFit? Fit, int Candidates, int Fitted, string? Fallback);

/// <summary>
/// R's <c>ets(y)</c> with its defaults: every form the data admit is fitted and the one with the least AICc is kept. Histories
/// R would not search fall back to a simple form, said in <see cref="EtsChoice.Fallback"/>.
/// </summary>
internal static class EtsSelection
{
    // R fits the automatic search only to more than npars + 4 points, npars = 2 (alpha and the level) for an unknown form.
    private const int ShortestSearched = 7;

    // R's seasonal recursion keeps at most 24 seasonal indices; it ignores longer seasons.
    private const int LongestSeason = 24;

    // R's is.constant(): all.equal's relative tolerance.
    private static readonly double ConstantTolerance = Math.Sqrt(Math.Pow(2, -52));

    /// <param name="period">The data's m; below 2 for data without a season.</param>
    public static EtsChoice Choose(IReadOnlyList<double> history, int period, CancellationToken cancellation)
    {
        var y = history.ToArray();
        if (y.Length == 0)
        {
            return Fallback(y, 1, "the history is empty, so the forecast is flat at 0");
        }
        if (IsConstant(y))
        {
            // R's answer to a constant series: ses(y, alpha = 0.99999, initial = "simple").
            return Fallback(y, 0.99999, "the history is constant, so alpha 0.99999 from its first value, as R's ets() answers a constant series");
        }
        if (y.Length < ShortestSearched)
        {
            return Fallback(y, 1, $"the history has {y.Length} points, fewer than the {ShortestSearched} R's automatic search needs, so the naive forecast (alpha 1 from the first value)");
        }
        var candidates = Candidates(y.Length, period, y.Min() > 0).ToArray();
        EtsFit? best = null;
        var fitted = 0;
        foreach (var form in candidates)
        {
            cancellation.ThrowIfCancellationRequested();
            var fit = EtsEstimation.Fit(y, form, period);
            if (fit is null || double.IsNaN(fit.Aicc))
            {
                continue;
            }
            fitted++;
            // The first of equals is kept, as R keeps it.
            if (fit.Aicc < (best?.Aicc ?? double.PositiveInfinity))
            {
                best = fit;
            }
        }
        if (best is null)
        {
            return Fallback(y, 1, $"none of the {candidates.Length} candidate forms could be fitted, so the naive forecast (alpha 1 from the first value)");
        }
        var model = new EtsModel(best.Form, best.Period, best.Parameters, best.InitialStates, best.Sigma2);
        return new EtsChoice(model, best, candidates.Length, fitted, Fallback: null);
    }

    /// <summary>
    /// The forms R's <c>ets(y)</c> tries, in its order: additive then multiplicative errors, no trend then additive (damped
    /// first), no season then additive then multiplicative; under R's <c>restrict</c>, no multiplicative season with additive
    /// errors; multiplicative errors only on strictly positive data; seasons only when m is in 2..24 and the data are longer
    /// than one season.
    /// </summary>
    public static IEnumerable<EtsForm> Candidates(int length, int period, bool positive)
    {
        var seasonal = period > 1 && period <= LongestSeason && length > period;
        foreach (var error in new[] { Component.Additive, Component.Multiplicative })
        {
            if (error == Component.Multiplicative && !positive)
            {
                continue;
            }
            foreach (var trend in new[] { Component.None, Component.Additive })
            {
                foreach (var season in seasonal ? [Component.None, Component.Additive, Component.Multiplicative] : new[] { Component.None })
                {
                    foreach (var damped in trend == Component.None ? [false] : new[] { true, false })
                    {
                        var form = new EtsForm(error, trend, damped, season);
                        if (form.IsAdmittedByRestrict)
                        {
                            yield return form;
                        }
                    }
                }
            }
        }
    }

    /// <summary>R's <c>is.constant</c>: the mean absolute difference from the first value is negligible beside the mean absolute value.</summary>
    private static bool IsConstant(double[] y)
    {
        var meanDifference = y.Average(v => Math.Abs(v - y[0]));
        var meanMagnitude = y.Average(Math.Abs);
        return (meanMagnitude > ConstantTolerance ? meanDifference / meanMagnitude : meanDifference) <= ConstantTolerance;
    }

    /// <summary>
    /// Simple exponential smoothing with a given alpha from the first value; its sigma^2 is the mean squared one-step error
    /// after the first point (whose error is 0 by construction).
    /// </summary>
    private static EtsChoice Fallback(double[] y, double alpha, string reason)
    {
        var form = EtsForm.SimpleSmoothing;
        var p = EtsParameters.For(form, alpha, 0, 0, 1);
        double[] initial = [y.Length > 0 ? y[0] : 0];
        var errors = new double[y.Length];
        var state = new EtsStateVector(form, 1);
        state.Reset(initial);
        EtsLikelihood.Run(form, p, state, y, errors);
        var sigma2 = y.Length > 1 ? errors.Skip(1).Average(e => e * e) : 0;
        return new EtsChoice(new EtsModel(form, 1, p, initial, sigma2), null, 0, 0, reason);
    }
}
