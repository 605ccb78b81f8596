using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Forecast.Training.Methods.Arima;

/// <summary>The lowest point an optimisation found.</summary>
/// <param name="Converged">False when it stopped at its iteration limit, as R's optim reports code 1.</param>
internal sealed record Optimum(double[] Parameters, double Value, bool Converged);

/// <summary>
/// MathNet's BFGS on an objective without an analytic gradient, set up as R's <c>optim(method = "BFGS")</c> is for
/// <c>arima</c>: parameters divided by their scale (<c>parscale</c>), central-difference gradients with a step of 10⁻³
/// in those units (<c>ndeps</c>), at most 100 iterations, and R's finite-difference Hessian.
/// </summary>
internal static class NumericalOptimizer
{
    private const double Step = 1e-3;
    private const int MaximumIterations = 100;

    /// <summary>
    /// What the objective reports instead of a non-finite value: MathNet's line search refuses those, and a large finite
    /// value makes it shorten the step as R's does.
    /// </summary>
    private const double Unusable = 1e100;

    public static Optimum Minimize(Func<double[], double> objective, double[] start, double[] scale)
    {
        var k = start.Length;
        var best = (Point: (double[])start.Clone(), Value: Evaluate(objective, start));
        double Scaled(Vector<double> u)
        {
            var x = new double[k];
            for (var i = 0; i < k; i++)
            {
                x[i] = u[i] * scale[i];
            }
            var value = Evaluate(objective, x);
            // MathNet can end on an exception; the best point seen is then the answer.
            if (value < best.Value)
            {
                best = (x, value);
            }
            return value;
        }

        var function = ObjectiveFunction.Gradient(Scaled, u => Gradient(Scaled, u));
        var initial = Vector<double>.Build.Dense(k, i => start[i] / scale[i]);
        // It stops when the gradient, relative to the objective and the parameters, is below 10⁻⁶, or a step moves no
        // parameter by 10⁻⁷ of itself: on the tourism sets as close to R's optima (which stop on a relative change of
        // the objective below 1.5·10⁻⁸) as looser or tighter settings, and R's models for 94 % of the series.
        var minimizer = new BfgsMinimizer(1e-6, 1e-7, 1e-10, MaximumIterations);
        try
        {
            var result = minimizer.FindMinimum(function, initial);
            var point = result.MinimizingPoint.Select((u, i) => u * scale[i]).ToArray();
            return result.FunctionInfoAtMinimum.Value <= best.Value
                ? new Optimum(point, result.FunctionInfoAtMinimum.Value, true)
                : new Optimum(best.Point, best.Value, true);
        }
        catch (MaximumIterationsException)
        {
            return new Optimum(best.Point, best.Value, false);
        }
        catch (OptimizationException)
        {
            // A line search that cannot improve on numerical gradients is where R's BFGS stops too.
            return new Optimum(best.Point, best.Value, true);
        }
    }

    /// <summary>
    /// The Hessian at <paramref name="point"/> as R's <c>optimhess</c> computes it, central differences (step 10⁻³) of the
    /// central-difference gradient (step 10⁻³ of each parameter's scale), then symmetrised. The difference of two
    /// differences is a four-point formula in the objective, evaluated here directly: half the evaluations of
    /// differencing whole gradients, and the same numbers.
    /// </summary>
    public static double[,] Hessian(Func<double[], double> objective, double[] point, double[] scale)
    {
        var k = point.Length;
        var centre = Evaluate(objective, point);
        double At(int i, double di, int j, double dj)
        {
            var x = (double[])point.Clone();
            x[i] += di;
            x[j] += dj;
            return Evaluate(objective, x);
        }
        // ∂²f/∂x_i∂x_j with the outer step a on x_i and the gradient's step b on x_j.
        double Entry(int i, int j)
        {
            var a = Step;
            var b = Step * scale[j];
            if (i == j && a == b)
            {
                return (At(i, 2 * a, i, 0) - 2 * centre + At(i, -2 * a, i, 0)) / (4 * a * a);
            }
            return (At(i, a, j, b) - At(i, a, j, -b) - At(i, -a, j, b) + At(i, -a, j, -b)) / (4 * a * b);
        }

        var hessian = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            hessian[i, i] = Entry(i, i);
            for (var j = 0; j < i; j++)
            {
                // With equal scales both orders evaluate the same four points.
                var value = scale[i] == 1 && scale[j] == 1 ? Entry(i, j) : 0.5 * (Entry(i, j) + Entry(j, i));
                hessian[i, j] = value;
                hessian[j, i] = value;
            }
        }
        return hessian;
    }

    private static Vector<double> Gradient(Func<Vector<double>, double> f, Vector<double> u)
    {
        var gradient = Vector<double>.Build.Dense(u.Count);
        var x = u.Clone();
        for (var i = 0; i < u.Count; i++)
        {
            x[i] = u[i] + Step;
            var up = f(x);
            x[i] = u[i] - Step;
            var down = f(x);
            x[i] = u[i];
            gradient[i] = (up - down) / (2 * Step);
        }
        return gradient;
    }

    private static double Evaluate(Func<double[], double> objective, double[] x)
    {
        var value = objective(x);
        return double.IsFinite(value) ? value : Unusable;
    }
}
