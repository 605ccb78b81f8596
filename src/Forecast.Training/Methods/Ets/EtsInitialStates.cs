using MathNet.Numerics.LinearAlgebra;

namespace Forecast.Training.Methods.Ets;

/// <summary>
/// First guesses of a form's initial states, as R's <c>initstate</c> makes them; the fit then optimises them with the
/// smoothing parameters. Seasonal indices come from a classical decomposition (or, with fewer than three seasons of data,
/// from a regression on a line and one Fourier pair); the level and trend from the first points with the season taken out.
/// </summary>
internal static class EtsInitialStates
{
    /// <summary>
    /// The guesses in R's order, [l, b, s_1, ..., s_(m-1)]: the last seasonal index is left out, since the fit derives it from
    /// the others (they sum to 0, or to m when multiplicative). Null when the history is too short to guess a season from.
    /// </summary>
    public static double[]? Guess(IReadOnlyList<double> y, EtsForm form, int period)
    {
        var n = y.Count;
        double[] adjusted;
        double[] seasonal = [];
        if (form.HasSeason)
        {
            if (n < 4)
            {
                return null;
            }
            var pattern = n < 3 * period ? FourierDetrended(y, period, form.Season) : Decomposed(y, period, form.Season);
            // s_1 is the index of the m-th point, s_(m-1) the index of the second one.
            seasonal = Enumerable.Range(1, period - 1).Select(k => pattern[period - k]).ToArray();
            if (form.Season == Component.Additive)
            {
                adjusted = y.Select((value, t) => value - pattern[t]).ToArray();
            }
            else
            {
                // Negative indices would make the multiplicative recursion meaningless.
                for (var k = 0; k < seasonal.Length; k++)
                {
                    seasonal[k] = Math.Max(seasonal[k], 1e-2);
                }
                var total = seasonal.Sum();
                if (total > period)
                {
                    var divisor = total + 1e-2 * seasonal.Length;
                    for (var k = 0; k < seasonal.Length; k++)
                    {
                        seasonal[k] /= divisor;
                    }
                }
                adjusted = y.Select((value, t) => value / Math.Max(pattern[t], 1e-2)).ToArray();
            }
        }
        else
        {
            adjusted = [.. y];
        }

        var first = Math.Min(Math.Max(10, form.HasSeason ? 2 * period : 1), n);
        var start = adjusted.AsSpan(0, first);
        double[] levelAndTrend;
        if (form.HasTrend)
        {
            var (intercept, slope) = LineThrough(start);
            // A multiplicative error divides by l + b: keep that sum away from 0.
            if (Math.Abs(intercept + slope) < 1e-8)
            {
                intercept *= 1 + 1e-3;
                slope *= 1 - 1e-3;
            }
            levelAndTrend = [intercept, slope];
        }
        else
        {
            var sum = 0.0;
            foreach (var value in start)
            {
                sum += value;
            }
            levelAndTrend = [sum / first];
        }
        return [.. levelAndTrend, .. seasonal];
    }

    /// <summary>
    /// R's <c>decompose</c>: each point's ratio to (or difference from) a centred moving average over one season, averaged by
    /// position in the season and normalised to mean 1 (or 0), repeated along the series. Positions count from the first point.
    /// </summary>
    private static double[] Decomposed(IReadOnlyList<double> y, int period, Component season)
    {
        var n = y.Count;
        // An even season's average spans m + 1 points, the outer two at half weight.
        var half = period / 2;
        var sums = new double[period];
        var counts = new int[period];
        for (var t = half; t < n - half; t++)
        {
            var trend = 0.0;
            for (var j = -half; j <= half; j++)
            {
                var weight = period % 2 == 0 && Math.Abs(j) == half ? 0.5 : 1;
                trend += weight * y[t + j];
            }
            trend /= period;
            sums[t % period] += season == Component.Additive ? y[t] - trend : y[t] / trend;
            counts[t % period]++;
        }
        var figure = sums.Select((sum, k) => sum / counts[k]).ToArray();
        var mean = figure.Average();
        return Enumerable.Range(0, n)
            .Select(t => season == Component.Additive ? figure[t % period] - mean : figure[t % period] / mean)
            .ToArray();
    }

    /// <summary>
    /// What R does with fewer than three seasons: a least-squares fit of a line and one Fourier pair of period m, and each
    /// point's difference from (or ratio to) that line. Unlike a decomposition's, these indices are not periodic: element t
    /// belongs to point t.
    /// </summary>
    private static double[] FourierDetrended(IReadOnlyList<double> y, int period, Component season)
    {
        var n = y.Count;
        // With m = 2 the sine vanishes at every integer t and is left out, as R's fourier() leaves it out.
        var withSine = period > 2;
        var design = Matrix<double>.Build.Dense(n, withSine ? 4 : 3, (t, column) =>
        {
            var time = t + 1.0;
            return column switch
            {
                0 => 1,
                1 => time,
                2 when withSine => Math.Sin(2 * Math.PI * time / period),
                _ => Math.Cos(2 * Math.PI * time / period),
            };
        });
        var coefficients = design.QR().Solve(Vector<double>.Build.DenseOfEnumerable(y));
        return Enumerable.Range(0, n).Select(t =>
        {
            var line = coefficients[0] + coefficients[1] * (t + 1);
            return season == Component.Additive ? y[t] - line : y[t] / line;
        }).ToArray();
    }

    /// <summary>The least-squares line through the points (1, v_0), (2, v_1), ...: R's <c>lsfit</c>, as (value at time 0, slope).</summary>
    private static (double Intercept, double Slope) LineThrough(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var meanTime = (n + 1) / 2.0;
        var meanValue = 0.0;
        foreach (var v in values)
        {
            meanValue += v;
        }
        meanValue /= n;
        double covariance = 0, variance = 0;
        for (var t = 0; t < n; t++)
        {
            var dt = t + 1 - meanTime;
            covariance += dt * (values[t] - meanValue);
            variance += dt * dt;
        }
        var slope = variance > 0 ? covariance / variance : 0;
        return (meanValue - slope * meanTime, slope);
    }
}
