namespace Forecast.Training.Methods.Arima;

/// <summary>What a pass of the Kalman filter over a series leaves behind.</summary>
/// <param name="SumOfSquares">Σ v_t² / F_t over the points the likelihood counts (those with F_t &lt; 10⁴).</param>
/// <param name="SumOfLogs">Σ log F_t over the same points.</param>
/// <param name="Counted">How many points the likelihood counts: the diffuse start of a differenced model is left out.</param>
/// <param name="StandardizedSquares">Σ v_t² / F_t over every observed point, the diffuse start included, as R's residuals.</param>
/// <param name="State">The filtered state a_{n|n} after the last point.</param>
/// <param name="Covariance">Its covariance P_{n|n} (row-major), in units of the innovation variance.</param>
internal sealed record FilterResult(double SumOfSquares, double SumOfLogs, int Counted, double StandardizedSquares, double[] State, double[] Covariance)
{
    /// <summary>The concentrated negative log-likelihood per counted point that R's <c>arima</c> minimises.</summary>
    public double Objective => 0.5 * (Math.Log(SumOfSquares / Counted) + SumOfLogs / Counted);
}

/// <summary>
/// An ARIMA model in the state-space form of R's <c>arima</c> (Harvey 1989; Durbin and Koopman 2001): an ARMA state of
/// dimension r = max(p, q + 1) followed by the d + D·m previous values of the series, which the differencing polynomial
/// combines. The ARMA part starts at its stationary covariance, the differenced part diffusely (variance κ = 10⁶), so
/// the exact likelihood of an integrated model needs no differencing of the data and forecasts come out undifferenced.
/// </summary>
internal sealed class ArimaStateSpace
{
    /// <summary>The prior variance of the past values of a differenced model, as a multiple of the innovation variance.</summary>
    private const double Kappa = 1e6;

    /// <summary>A one-step variance from which a point is still in the diffuse start and left out of the likelihood.</summary>
    private const double DiffuseGain = 1e4;

    private readonly double[] _phi;
    private readonly double[] _theta;
    private readonly double[] _delta;
    private readonly int _r;
    private readonly int _size;
    private readonly double[] _initialCovariance;

    public ArimaStateSpace(double[] phi, double[] theta, double[] delta)
    {
        _phi = phi;
        _theta = theta;
        _delta = delta;
        _r = Math.Max(phi.Length, theta.Length + 1);
        _size = _r + delta.Length;
        _initialCovariance = new double[_size * _size];
        var stationary = StationaryCovariance.Of(phi, theta, _r);
        for (var i = 0; i < _r; i++)
        {
            Array.Copy(stationary, i * _r, _initialCovariance, i * _size, _r);
        }
        for (var i = _r; i < _size; i++)
        {
            _initialCovariance[i * _size + i] = Kappa;
        }
    }

    public static ArimaStateSpace For(ArimaSpec spec, ReadOnlySpan<double> coefficients)
    {
        var (phi, theta) = ArimaPolynomials.Expand(spec, coefficients);
        return new ArimaStateSpace(phi, theta, spec.DifferencingPolynomial());
    }

    /// <summary>
    /// Runs the filter over <paramref name="y"/> (NaN for a missing point). When given, <paramref name="predictions"/>
    /// and <paramref name="variances"/> receive each point's one-step prediction and its variance F_t (in units of the
    /// innovation variance), made before the point was seen, and <paramref name="afterPoint"/> sees the filtered state
    /// and covariance after each point (with the count of points seen; the arrays are reused, so it copies what it keeps).
    /// </summary>
    public FilterResult Filter(
        ReadOnlySpan<double> y, Span<double> predictions = default, Span<double> variances = default,
        Action<int, double[], double[]>? afterPoint = null)
    {
        var n = _size;
        var a = new double[n];
        var predicted = new double[n];
        var covariance = new double[n * n];
        var predictedCovariance = (double[])_initialCovariance.Clone();
        var work = new double[n * n];
        var gainVector = new double[n];
        double sumOfSquares = 0, sumOfLogs = 0, standardizedSquares = 0;
        var counted = 0;

        for (var t = 0; t < y.Length; t++)
        {
            Transition(a, predicted);
            // The first point is predicted from the initial covariance itself.
            if (t > 0)
            {
                PredictCovariance(covariance, predictedCovariance, work);
            }

            var prediction = Observe(predicted);
            for (var i = 0; i < n; i++)
            {
                gainVector[i] = ObserveRow(predictedCovariance, i);
            }
            var variance = Observe(gainVector);
            if (!predictions.IsEmpty)
            {
                predictions[t] = prediction;
                variances[t] = variance;
            }

            if (double.IsNaN(y[t]))
            {
                Array.Copy(predicted, a, n);
                Array.Copy(predictedCovariance, covariance, n * n);
                afterPoint?.Invoke(t + 1, a, covariance);
                continue;
            }
            var innovation = y[t] - prediction;
            var standardized = innovation * innovation / variance;
            standardizedSquares += standardized;
            if (variance < DiffuseGain)
            {
                counted++;
                sumOfSquares += standardized;
                sumOfLogs += Math.Log(variance);
            }
            for (var i = 0; i < n; i++)
            {
                a[i] = predicted[i] + gainVector[i] * innovation / variance;
            }
            for (var i = 0; i < n; i++)
            {
                var scaled = gainVector[i] / variance;
                for (var j = i; j < n; j++)
                {
                    var value = predictedCovariance[i * n + j] - scaled * gainVector[j];
                    covariance[i * n + j] = value;
                    covariance[j * n + i] = value;
                }
            }
            afterPoint?.Invoke(t + 1, a, covariance);
        }
        return new FilterResult(sumOfSquares, sumOfLogs, counted, standardizedSquares, a, covariance);
    }

    /// <summary>
    /// Forecasts <paramref name="horizon"/> steps from a filtered state: the means and the variances (in units of the
    /// innovation variance) of the undifferenced series.
    /// </summary>
    public (double[] Means, double[] Variances) Forecast(double[] state, double[] covariance, int horizon)
    {
        var n = _size;
        var a = (double[])state.Clone();
        var next = new double[n];
        var p = (double[])covariance.Clone();
        var predicted = new double[n * n];
        var work = new double[n * n];
        var row = new double[n];
        var means = new double[horizon];
        var variances = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            Transition(a, next);
            (a, next) = (next, a);
            means[h] = Observe(a);
            PredictCovariance(p, predicted, work);
            (p, predicted) = (predicted, p);
            for (var i = 0; i < n; i++)
            {
                row[i] = ObserveRow(p, i);
            }
            variances[h] = Observe(row);
        }
        return (means, variances);
    }

    /// <summary>The observation Z·v = v_0 + Σ δ_k v_{r+k}: the ARMA part plus the differencing's weighted past values.</summary>
    private double Observe(ReadOnlySpan<double> v)
    {
        var value = v[0];
        for (var k = 0; k < _delta.Length; k++)
        {
            value += _delta[k] * v[_r + k];
        }
        return value;
    }

    /// <summary>(P Z')_i.</summary>
    private double ObserveRow(double[] covariance, int i) => Observe(covariance.AsSpan(i * _size, _size));

    /// <summary>
    /// T·v in O(size): the ARMA block is a companion matrix with φ in its first column, the differenced block shifts
    /// the past values down and takes the new value y_t = w_t + Σ δ_k y_{t-k} on top.
    /// </summary>
    private void Transition(ReadOnlySpan<double> v, Span<double> result)
    {
        for (var i = 0; i < _size; i++)
        {
            result[i] = TransitionAt(v, i);
        }
    }

    /// <summary>(T v)_i in O(1), O(d) for the new undifferenced value.</summary>
    private double TransitionAt(ReadOnlySpan<double> v, int i)
    {
        if (i < _r)
        {
            var value = i < _r - 1 ? v[i + 1] : 0.0;
            return i < _phi.Length ? value + _phi[i] * v[0] : value;
        }
        return i == _r ? Observe(v) : v[i - 1];
    }

    /// <summary>predicted = T P T' + R R', R = (1, θ_1, ..., θ_{r-1}, 0, ...), in O(size²) by T's structure.</summary>
    private void PredictCovariance(double[] covariance, double[] predicted, double[] work)
    {
        var n = _size;
        // work = T P: its column j is T applied to column j of P, which (P symmetric) is P's row j.
        for (var j = 0; j < n; j++)
        {
            var row = covariance.AsSpan(j * n, n);
            for (var i = 0; i < n; i++)
            {
                work[i * n + j] = TransitionAt(row, i);
            }
        }
        // (T P) T' is symmetric: its entry (j, i) is T applied to row j of work, taken at i; the upper triangle suffices.
        for (var j = 0; j < n; j++)
        {
            var row = work.AsSpan(j * n, n);
            for (var i = j; i < n; i++)
            {
                var value = TransitionAt(row, i);
                predicted[j * n + i] = value;
                predicted[i * n + j] = value;
            }
        }
        var q = _theta.Length;
        for (var i = 0; i <= q; i++)
        {
            var ri = i == 0 ? 1.0 : _theta[i - 1];
            for (var j = 0; j <= q; j++)
            {
                predicted[i * n + j] += ri * (j == 0 ? 1.0 : _theta[j - 1]);
            }
        }
    }
}
