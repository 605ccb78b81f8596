using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Forecast.Training.Methods.Ets;

/// <summary>A form fitted to one history by maximum likelihood, with R's measures of the fit.</summary>
/// <param name="Period">m for a seasonal form, 1 otherwise.</param>
/// <param name="InitialStates">x_0 in R's order, [l, b, s_1, ..., s_m], the derived last seasonal index included.</param>
/// <param name="Sigma2">
/// R's sigma2: the sum of the squared one-step errors (relative ones for multiplicative errors) over n minus the number of
/// free values.
/// </param>
/// <param name="LogLikelihood">R's loglik, -lik / 2 (without the likelihood's constant, as R reports it).</param>
internal sealed record EtsFit(
    EtsForm Form, int Period, EtsParameters Parameters, double[] InitialStates, double Sigma2,
    double LogLikelihood, double Aic, double Aicc, double Bic);

/// <summary>
/// Fits one form as R's <c>etsmodel</c> does: R's starting values and first guesses of the initial states, then all of them
/// moved together by Nelder-Mead on R's likelihood criterion (<see cref="EtsLikelihood"/>) inside the parameter space
/// (<see cref="EtsParameterSpace"/>).
/// </summary>
internal static class EtsEstimation
{
    // R's optimiser settings: at most 2000 evaluations, relative tolerance sqrt(machine epsilon).
    private const int MaximumEvaluations = 2000;
    private static readonly double Tolerance = Math.Sqrt(Math.Pow(2, -52));

    /// <summary>The fit of <paramref name="form"/>; null where R finds none: too short a history for the form's free values, or a start where the likelihood is not finite.</summary>
    /// <param name="period">The data's m; a form without a season ignores it.</param>
    public static EtsFit? Fit(double[] y, EtsForm form, int period)
    {
        var formPeriod = form.HasSeason ? period : 1;
        var guesses = EtsInitialStates.Guess(y, form, period);
        if (guesses is null)
        {
            return null;
        }
        var start = EtsLikelihood.FreeValues(form, EtsParameterSpace.Start(form, formPeriod), guesses);
        // R's rule: the free values must leave at least two degrees of freedom.
        if (start.Length >= y.Length - 1)
        {
            return null;
        }
        var likelihood = new EtsLikelihood(y, form, formPeriod);
        var best = Minimise(likelihood, start);
        return best is null ? null : Measure(y, form, formPeriod, likelihood, best);
    }

    /// <summary>The free values with the least criterion that Nelder-Mead finds from <paramref name="start"/>; null when the start is infeasible.</summary>
    private static double[]? Minimise(EtsLikelihood likelihood, double[] start)
    {
        var best = new BestPoint(likelihood, start.Length);
        if (best.Evaluate(start) >= EtsLikelihood.Infeasible)
        {
            return null;
        }
        // R's initial simplex: every free value in turn moved by a tenth of the largest of them. Against a level in the
        // thousands that puts the smoothing parameters far outside their bounds, so the simplex first contracts onto them;
        // starting as R does keeps the search going the way R's does.
        var step = 0.1 * start.Max(Math.Abs);
        var perturbation = Vector<double>.Build.Dense(start.Length, step > 0 ? step : 0.1);
        try
        {
            new NelderMeadSimplex(Tolerance, MaximumEvaluations)
                .FindMinimum(ObjectiveFunction.Value(v => best.Evaluate(v.AsArray() ?? v.ToArray())), Vector<double>.Build.DenseOfArray(start), perturbation);
        }
        catch (MaximumIterationsException)
        {
            // R's optimiser stops at its budget too, and keeps the best point it has; so does this fit.
        }
        return best.Point;
    }

    private static EtsFit? Measure(double[] y, EtsForm form, int formPeriod, EtsLikelihood likelihood, double[] free)
    {
        var p = EtsLikelihood.ParametersOf(form, free);
        var states = new double[form.StateCount(formPeriod)];
        likelihood.TryInitialStates(free, states);
        var errors = new double[y.Length];
        var criterion = EtsLikelihood.Run(form, p, StartingAt(form, formPeriod, states), y, errors);
        // A perfect fit's criterion is minus infinity, and its AICc wins, as in R; only an undefined one fails.
        if (double.IsNaN(criterion) || double.IsPositiveInfinity(criterion))
        {
            return null;
        }
        var n = y.Length;
        // The information criteria count sigma among the parameters.
        var k = free.Length + 1;
        var aic = criterion + 2 * k;
        var sumOfSquares = errors.Sum(e => e * e);
        return new EtsFit(
            form, formPeriod, p, states, sumOfSquares / (n - free.Length),
            LogLikelihood: -0.5 * criterion,
            Aic: aic,
            Aicc: aic + 2.0 * k * (k + 1) / (n - k - 1),
            Bic: criterion + Math.Log(n) * k);
    }

    private static EtsStateVector StartingAt(EtsForm form, int formPeriod, double[] states)
    {
        var state = new EtsStateVector(form, formPeriod);
        state.Reset(states);
        return state;
    }

    /// <summary>The criterion as the optimiser sees it, remembering the best point: MathNet's Nelder-Mead gives no result when it runs out of evaluations.</summary>
    private sealed class BestPoint(EtsLikelihood likelihood, int dimension)
    {
        private double value = double.PositiveInfinity;

        public double[]? Point { get; private set; }

        public double Evaluate(double[] free)
        {
            var criterion = likelihood.Evaluate(free);
            if (criterion < value)
            {
                value = criterion;
                Point ??= new double[dimension];
                free.CopyTo(Point, 0);
            }
            return criterion;
        }
    }
}
