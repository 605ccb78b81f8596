namespace Forecast.Training.Methods.Ets;

/// <summary>
/// R's criterion <c>opt.crit = "lik"</c> of one form on one history, as a function of the free values the optimiser moves:
/// n log(sum e^2) for additive errors, n log(sum e^2) + 2 sum log|yhat| for multiplicative (relative) ones, which is twice the
/// negative log-likelihood up to a constant. One instance serves one fit; it is evaluated thousands of times and allocates
/// nothing.
/// </summary>
/// <remarks>
/// The free values are laid out as R lays them: [alpha, beta, gamma, phi, l, b, s_1, ..., s_(m-1)], each only where the form
/// has it. The last seasonal index is not free: the indices sum to 0 (additive) or m (multiplicative).
/// </remarks>
internal sealed class EtsLikelihood
{
    /// <summary>The value of a point outside the parameter space, or where the criterion is not finite, as R's optimiser sees it.</summary>
    public const double Infeasible = 1e35;

    // R stops a perfect fit's criterion from running off to minus infinity.
    private const double PerfectFit = -1e10;

    private const double RescaleAbove = 1e150;
    private const double RescaleBelow = 1e-150;

    private readonly double[] y;
    private readonly EtsForm form;
    private readonly int period;
    private readonly EtsStateVector state;
    private readonly double[] initialStates;

    /// <param name="period">m of a seasonal form, 1 otherwise.</param>
    public EtsLikelihood(double[] y, EtsForm form, int period)
    {
        this.y = y;
        this.form = form;
        this.period = period;
        state = new EtsStateVector(form, period);
        initialStates = new double[form.StateCount(period)];
    }

    /// <summary>How many of the free values are smoothing parameters (alpha, beta, gamma, phi); the initial states follow them.</summary>
    public static int SmoothingCount(EtsForm form) => 1 + (form.HasTrend ? 1 : 0) + (form.HasSeason ? 1 : 0) + (form.Damped ? 1 : 0);

    /// <summary>The smoothing parameters among <paramref name="free"/>.</summary>
    public static EtsParameters ParametersOf(EtsForm form, ReadOnlySpan<double> free)
    {
        var i = 1;
        var beta = form.HasTrend ? free[i++] : 0;
        var gamma = form.HasSeason ? free[i++] : 0;
        var phi = form.Damped ? free[i] : 1;
        return EtsParameters.For(form, free[0], beta, gamma, phi);
    }

    /// <summary>The free values of <paramref name="p"/> and <paramref name="states"/> (R's order, the last seasonal index left out).</summary>
    public static double[] FreeValues(EtsForm form, EtsParameters p, ReadOnlySpan<double> states)
    {
        var free = new List<double>(SmoothingCount(form) + states.Length) { p.Alpha };
        if (form.HasTrend)
        {
            free.Add(p.Beta);
        }
        if (form.HasSeason)
        {
            free.Add(p.Gamma);
        }
        if (form.Damped)
        {
            free.Add(p.Phi);
        }
        free.AddRange(states);
        return [.. free];
    }

    /// <summary>
    /// The initial states that <paramref name="free"/> holds, completed with the last seasonal index, in R's order; false when
    /// a multiplicative season would start from a negative index.
    /// </summary>
    public bool TryInitialStates(ReadOnlySpan<double> free, Span<double> states)
    {
        var given = free[SmoothingCount(form)..];
        given.CopyTo(states);
        if (!form.HasSeason)
        {
            return true;
        }
        var firstSeason = form.HasTrend ? 2 : 1;
        var sum = 0.0;
        for (var k = firstSeason; k < given.Length; k++)
        {
            sum += given[k];
        }
        states[^1] = (form.Season == Component.Multiplicative ? period : 0) - sum;
        if (form.Season == Component.Multiplicative)
        {
            foreach (var index in states[firstSeason..])
            {
                if (index < 0)
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>The criterion at <paramref name="free"/>; <see cref="Infeasible"/> outside the parameter space.</summary>
    public double Evaluate(ReadOnlySpan<double> free)
    {
        var p = ParametersOf(form, free);
        if (!EtsParameterSpace.Contains(form, p, period) || !TryInitialStates(free, initialStates))
        {
            return Infeasible;
        }
        state.Reset(initialStates);
        var value = Run(form, p, state, y, []);
        return double.IsNaN(value) || value >= Infeasible ? Infeasible : Math.Max(value, PerfectFit);
    }

    /// <summary>
    /// Carries <paramref name="state"/> through <paramref name="series"/> and returns the criterion (not clamped; NaN or
    /// infinite where a forecast vanished), writing each one-step error into <paramref name="errors"/> unless it is empty.
    /// </summary>
    public static double Run(EtsForm form, in EtsParameters p, EtsStateVector state, ReadOnlySpan<double> series, Span<double> errors)
    {
        var squares = 0.0;
        // The sum of log|yhat| is kept as the logarithm of a running product: one logarithm per run instead of one per point,
        // each of which cost twice the rest of a step. The product is rescaled by powers of two, which is exact, to stay in range.
        var product = 1.0;
        var binaryExponent = 0;
        var multiplicative = form.Error == Component.Multiplicative;
        for (var t = 0; t < series.Length; t++)
        {
            var forecast = state.Observe(p, series[t]);
            var e = EtsStateVector.ErrorOf(form.Error, series[t], forecast);
            squares += e * e;
            if (multiplicative)
            {
                product *= Math.Abs(forecast);
                if (product > RescaleAbove || (product < RescaleBelow && product > 0))
                {
                    var exponent = Math.ILogB(product);
                    binaryExponent += exponent;
                    product = Math.ScaleB(product, -exponent);
                }
            }
            if (!errors.IsEmpty)
            {
                errors[t] = e;
            }
        }
        var criterion = series.Length * Math.Log(squares);
        return multiplicative ? criterion + 2 * (Math.Log(product) + binaryExponent * Math.Log(2)) : criterion;
    }
}
