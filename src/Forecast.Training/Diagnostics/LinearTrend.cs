using MathNet.Numerics;

namespace Forecast.Training.Diagnostics;

/// <summary>The least-squares line through a series against time 0, 1, 2, ...</summary>
public static class LinearTrend
{
    /// <summary>The first <paramref name="count"/> values less their least-squares line.</summary>
    public static double[] Remove(IReadOnlyList<double> values, int count)
    {
        var time = new double[count];
        var y = new double[count];
        for (var t = 0; t < count; t++)
        {
            time[t] = t;
            y[t] = values[t];
        }
        var (intercept, slope) = Fit.Line(time, y);
        for (var t = 0; t < count; t++)
        {
            y[t] -= intercept + slope * t;
        }
        return y;
    }
}
