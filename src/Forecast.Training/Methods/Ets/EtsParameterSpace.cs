namespace Forecast.Training.Methods.Ets;

/// <summary>
/// The parameters a fit may take, as R's <c>bounds = "both"</c> has them: inside the usual region (each parameter within its
/// bounds, beta at most alpha, gamma at most 1 - alpha) and inside the admissible region, where the model forgets its past
/// (Hyndman, Akram and Archibald, 2008).
/// </summary>
internal static class EtsParameterSpace
{
    /// <summary>R's default bounds on alpha, beta and gamma.</summary>
    public const double LowerSmoothing = 1e-4;

    public const double UpperSmoothing = 0.9999;

    /// <summary>R's default bounds on phi.</summary>
    public const double LowerDamping = 0.8;

    public const double UpperDamping = 0.98;

    // R lets the largest characteristic root exceed 1 by this much before it calls a seasonal model inadmissible.
    private const double RootTolerance = 1e-10;

    /// <summary>R's starting values (its <c>initparam</c>): alpha near its lower bound, the others as small fractions of their ranges.</summary>
    /// <param name="period">m of a seasonal form, 1 otherwise.</param>
    public static EtsParameters Start(EtsForm form, int period)
    {
        var alpha = LowerSmoothing + 0.2 * (UpperSmoothing - LowerSmoothing) / period;
        var beta = LowerSmoothing + 0.1 * (Math.Min(UpperSmoothing, alpha) - LowerSmoothing);
        var gamma = LowerSmoothing + 0.05 * (Math.Min(UpperSmoothing, 1 - alpha) - LowerSmoothing);
        var phi = LowerDamping + 0.99 * (UpperDamping - LowerDamping);
        return EtsParameters.For(form, alpha, beta, gamma, phi);
    }

    /// <summary>Whether <paramref name="p"/> lies in the usual and in the admissible region of <paramref name="form"/>.</summary>
    /// <param name="period">m of a seasonal form, 1 otherwise.</param>
    public static bool Contains(EtsForm form, in EtsParameters p, int period) =>
        WithinUsualBounds(form, p) && IsAdmissible(form, p, period);

    private static bool WithinUsualBounds(EtsForm form, in EtsParameters p) =>
        p.Alpha is >= LowerSmoothing and <= UpperSmoothing
        && (!form.HasTrend || (p.Beta >= LowerSmoothing && p.Beta <= p.Alpha && p.Beta <= UpperSmoothing))
        && (!form.Damped || p.Phi is >= LowerDamping and <= UpperDamping)
        && (!form.HasSeason || (p.Gamma >= LowerSmoothing && p.Gamma <= 1 - p.Alpha && p.Gamma <= UpperSmoothing));

    /// <summary>
    /// The admissible region as R checks it: closed-form limits for non-seasonal forms; for seasonal ones a few necessary
    /// limits first, then the roots of the characteristic polynomial, all of which must lie inside the unit circle.
    /// </summary>
    private static bool IsAdmissible(EtsForm form, in EtsParameters p, int period)
    {
        var (alpha, beta, gamma, phi) = (p.Alpha, p.Beta, p.Gamma, p.Phi);
        if (phi < 0 || phi > 1 + 1e-8)
        {
            return false;
        }
        if (!form.HasSeason)
        {
            return alpha >= 1 - 1 / phi && alpha <= 1 + 1 / phi
                && (!form.HasTrend || (beta >= alpha * (phi - 1) && beta <= (1 + phi) * (2 - alpha)));
        }
        var m = period;
        if (m <= 1)
        {
            return true;
        }
        if (gamma < Math.Max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha)
        {
            return false;
        }
        if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m))
        {
            return false;
        }
        if (beta < -(1 - phi) * (gamma / m + alpha))
        {
            return false;
        }
        return RootsWithinUnitCircle(alpha, beta, gamma, phi, m);
    }

    /// <summary>
    /// Whether every root of z^(m+1) + (a+b-phi) z^m + (a+b-a phi) (z^(m-1) + ... + z^2) + (a+b-a phi+g-1) z + phi (1-a-g),
    /// the characteristic polynomial R checks, has modulus at most 1 + 1e-10.
    /// </summary>
    /// <remarks>
    /// R finds the roots (polyroot) on every evaluation of the likelihood; only whether they lie inside the circle matters, which
    /// the Schur-Cohn test decides without finding them, in O(m^2) operations and no allocation. The polynomial is first
    /// rescaled to p((1 + 1e-10) z), whose roots are R's divided by 1 + 1e-10, so that R's tolerance carries over: forms
    /// without a trend always have the root z = 1, which R admits and the strict test must too.
    /// </remarks>
    internal static bool RootsWithinUnitCircle(double alpha, double beta, double gamma, double phi, int m)
    {
        // c[k] is the coefficient of z^k.
        Span<double> c = stackalloc double[m + 2];
        c[m + 1] = 1;
        c[m] = alpha + beta - phi;
        for (var k = 2; k < m; k++)
        {
            c[k] = alpha + beta - alpha * phi;
        }
        c[1] = alpha + beta - alpha * phi + gamma - 1;
        c[0] = phi * (1 - alpha - gamma);
        var scale = 1.0;
        for (var k = 1; k < c.Length; k++)
        {
            scale *= 1 + RootTolerance;
            c[k] *= scale;
        }
        // Schur-Cohn: with r = c_0 / c_d, every root of p lies strictly inside the circle iff |r| < 1 and every root of
        // (p(z) - r z^d p(1/z)) / z does; that polynomial has degree d - 1.
        Span<double> reduced = stackalloc double[m + 2];
        for (var degree = m + 1; degree > 0; degree--)
        {
            var r = c[0] / c[degree];
            if (!(Math.Abs(r) < 1))
            {
                return false;
            }
            for (var k = 0; k < degree; k++)
            {
                reduced[k] = c[k + 1] - r * c[degree - 1 - k];
            }
            var swap = c;
            c = reduced;
            reduced = swap;
        }
        return true;
    }
}
