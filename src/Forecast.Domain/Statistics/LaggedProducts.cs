using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace Forecast.Domain.Statistics;

/// <summary>The sums  s[k] = sum_t x[t] x[t+k]  behind every autocovariance here (biased: divide by n).</summary>
public static class LaggedProducts
{
    // Above this many multiply-adds the SIMD direct sums cost more than MathNet's (managed) FFT of the
    // zero-padded series, measured at ~100-200 ms for 100,000 points.
    private const long DirectWorkLimit = 1L << 28;

    /// <summary>s[0..maxLag] of an already centred series.</summary>
    /// <remarks>
    /// Direct sums reproduce statsmodels' <c>np.correlate</c> (fft=False) to rounding; long lag ranges on long
    /// series use the FFT (the same estimator, with rounding of order 1e-16 of s[0]) to stay O(n log n).
    /// </remarks>
    public static double[] Sums(double[] centered, int maxLag)
    {
        var n = centered.Length;
        return (long)n * (maxLag + 1) <= DirectWorkLimit ? Direct(centered, maxLag) : ViaFourier(centered, maxLag);
    }

    private static double[] Direct(double[] x, int maxLag)
    {
        var sums = new double[maxLag + 1];
        for (var k = 0; k <= maxLag; k++)
        {
            sums[k] = Dot(x.AsSpan(0, x.Length - k), x.AsSpan(k));
        }
        return sums;
    }

    /// <summary>A SIMD dot product: these sums are nearly all of the diagnostics' work on long series.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var width = Vector<double>.Count;
        var partial = Vector<double>.Zero;
        var i = 0;
        for (; i <= a.Length - width; i += width)
        {
            partial += new Vector<double>(a[i..]) * new Vector<double>(b[i..]);
        }
        var sum = Vector.Sum(partial);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double[] ViaFourier(double[] x, int maxLag)
    {
        var circular = CircularCorrelation(x, x);
        var sums = new double[maxLag + 1];
        for (var k = 0; k <= maxLag; k++)
        {
            sums[k] = circular[k].Real;
        }
        return sums;
    }

    /// <summary>
    /// s[k] = sum_t x[t+k] y[t] for k from -maxLag to maxLag (at index k + maxLag) of two centred series of one length:
    /// the sums behind R's <c>ccf(x, y)</c>, whose lag k estimates cor(x[t+k], y[t]).
    /// </summary>
    public static double[] CrossSums(double[] x, double[] y, int maxLag)
    {
        var n = x.Length;
        var sums = new double[2 * maxLag + 1];
        if ((long)n * sums.Length <= DirectWorkLimit)
        {
            for (var k = -maxLag; k <= maxLag; k++)
            {
                sums[k + maxLag] = k >= 0 ? Dot(x.AsSpan(k), y.AsSpan(0, n - k)) : Dot(x.AsSpan(0, n + k), y.AsSpan(-k));
            }
            return sums;
        }
        var circular = CircularCorrelation(x, y);
        for (var k = -maxLag; k <= maxLag; k++)
        {
            sums[k + maxLag] = circular[k >= 0 ? k : circular.Length + k].Real;
        }
        return sums;
    }

    /// <summary>sum_t x[t+k] y[t] at index k, and at index size + k for negative k, by MathNet's FFT.</summary>
    private static Complex[] CircularCorrelation(double[] x, double[] y)
    {
        // Zero-padding to at least 2n turns the FFT's circular correlation into the linear one.
        var size = 1;
        while (size < 2 * x.Length)
        {
            size <<= 1;
        }
        var spectrum = Transform(x, size);
        // An autocorrelation transforms its one series once.
        var other = ReferenceEquals(x, y) ? spectrum : Transform(y, size);
        for (var f = 0; f < size; f++)
        {
            spectrum[f] *= Complex.Conjugate(other[f]);
        }
        Fourier.Inverse(spectrum, FourierOptions.Matlab);
        return spectrum;
    }

    private static Complex[] Transform(double[] values, int size)
    {
        var spectrum = new Complex[size];
        for (var t = 0; t < values.Length; t++)
        {
            spectrum[t] = values[t];
        }
        Fourier.Forward(spectrum, FourierOptions.Matlab);
        return spectrum;
    }

    /// <summary>
    /// The biased sample autocorrelations r[0..nlags] (R's <c>acf</c>, statsmodels' <c>acf(fft=False)</c>): mean
    /// removed, each lagged sum divided by the full sum of squares. NaN for a constant series, which has none.
    /// </summary>
    public static double[] Autocorrelations(double[] values, int nlags)
    {
        var sums = Sums(Centered(values), nlags);
        var r = new double[nlags + 1];
        for (var k = 0; k <= nlags; k++)
        {
            r[k] = sums[k] / sums[0];
        }
        return r;
    }

    public static double[] Centered(double[] values)
    {
        var mean = values.Average();
        var centered = new double[values.Length];
        for (var i = 0; i < centered.Length; i++)
        {
            centered[i] = values[i] - mean;
        }
        return centered;
    }
}
