using Forecast.Domain.Evaluation;

namespace Forecast.Domain.Tests.Evaluation;

public class SimpleExponentialSmoothingTests
{
    [Fact]
    public void The_fit_reproduces_its_own_recursion()
    {
        var x = TourismData.Load("tourism-quarterly").Members.Single(s => s.Key == "Q4").History;

        var fit = SimpleExponentialSmoothing.Fit(x);

        var (mse, lastLevel) = Run(x, fit.Alpha, fit.InitialLevel);
        Assert.Equal(mse, fit.MeanSquaredError, mse * 1e-9);
        Assert.Equal(lastLevel, fit.LastLevel, Math.Abs(lastLevel) * 1e-9);
    }

    [Fact]
    public void The_fit_is_the_global_minimum_where_a_local_one_lies_near()
    {
        // Tourism Q158 has two minima of the mean squared error over alpha: at the lower bound and near 0.2,
        // where ets's Nelder-Mead stops. For each alpha of a fine grid, the best l0 is the vertex of the parabola
        // through three trial values (the errors are linear in l0, so their mean square is quadratic).
        var x = TourismData.Load("tourism-quarterly").Members.Single(s => s.Key == "Q158").History;

        var fit = SimpleExponentialSmoothing.Fit(x);

        for (var alpha = SimpleExponentialSmoothing.MinAlpha; alpha <= SimpleExponentialSmoothing.MaxAlpha; alpha += 0.001)
        {
            Assert.True(fit.MeanSquaredError <= BestOverInitialLevel(x, alpha) * (1 + 1e-12), $"alpha {alpha} does better");
        }
    }

    private static double BestOverInitialLevel(double[] x, double alpha)
    {
        double l = x[0], d = Math.Max(1, Math.Abs(x[0]));
        var (below, centre, above) = (Run(x, alpha, l - d).Mse, Run(x, alpha, l).Mse, Run(x, alpha, l + d).Mse);
        var curvature = (above - 2 * centre + below) / (d * d);
        var best = l - (above - below) / (2 * d) / curvature;
        return Run(x, alpha, best).Mse;
    }

    private static (double Mse, double LastLevel) Run(double[] x, double alpha, double initialLevel)
    {
        var level = initialLevel;
        var squares = 0.0;
        foreach (var value in x)
        {
            var error = value - level;
            squares += error * error;
            level += alpha * error;
        }
        return (squares / x.Length, level);
    }
}
