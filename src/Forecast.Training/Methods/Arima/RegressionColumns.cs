using MathNet.Numerics.LinearAlgebra;

namespace Forecast.Training.Methods.Arima;

/// <summary>
/// The columns x_t the regression part of an ARIMA model multiplies, in the coefficients' layout after the ARMA ones: R's
/// intercept (a mean) or drift (t = 1, 2, ...) as the spec's constant asks, then each covariate. What the ARMA part
/// models, with its differencing, is the series net of x_t'β.
/// </summary>
internal sealed class RegressionColumns
{
    private readonly IReadOnlyList<IReadOnlyList<double>> _columns;

    private RegressionColumns(IReadOnlyList<IReadOnlyList<double>> columns) => _columns = columns;

    /// <param name="covariates">Each covariate's values from the series' first point, at least <paramref name="length"/> of them.</param>
    /// <param name="length">The points the columns are read at: [0, length).</param>
    public static RegressionColumns For(ArimaSpec spec, IReadOnlyList<IReadOnlyList<double>> covariates, int length)
    {
        if (covariates.Count != spec.CovariateCount)
        {
            throw new ArgumentException($"{spec} regresses on {spec.CovariateCount} covariates; {covariates.Count} were given.", nameof(covariates));
        }
        var columns = new List<IReadOnlyList<double>>(spec.RegressionCount);
        switch (spec.Constant)
        {
            case ArimaConstant.Mean:
                columns.Add(Enumerable.Repeat(1.0, length).ToArray());
                break;
            case ArimaConstant.Drift:
                columns.Add(Enumerable.Range(1, length).Select(t => (double)t).ToArray());
                break;
        }
        columns.AddRange(covariates);
        return new RegressionColumns(columns);
    }

    public int Count => _columns.Count;

    /// <summary>The design matrix over points [0, <paramref name="length"/>): one row per point, one column per regressor.</summary>
    public Matrix<double> Design(int length) => Matrix<double>.Build.Dense(length, Count, (t, j) => _columns[j][t]);

    /// <summary>The columns X·<paramref name="rotation"/> over points [0, <paramref name="length"/>).</summary>
    public RegressionColumns Rotated(Matrix<double> rotation, int length)
    {
        var rotated = Design(length) * rotation;
        return new RegressionColumns([.. rotated.EnumerateColumns().Select(c => (IReadOnlyList<double>)c.ToArray())]);
    }

    /// <summary>x_t'β at points start..start+length.</summary>
    public double[] Effect(ReadOnlySpan<double> beta, int start, int length)
    {
        var values = new double[length];
        for (var j = 0; j < _columns.Count; j++)
        {
            var column = _columns[j];
            for (var i = 0; i < length; i++)
            {
                values[i] += beta[j] * column[start + i];
            }
        }
        return values;
    }

    /// <summary>series[0..length) net of x_t'β: the ARIMA errors the state space filters.</summary>
    public double[] Net(IReadOnlyList<double> series, ReadOnlySpan<double> beta, int length)
    {
        var net = Effect(beta, 0, length);
        for (var t = 0; t < length; t++)
        {
            net[t] = series[t] - net[t];
        }
        return net;
    }
}
