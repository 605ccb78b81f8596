namespace Forecast.Domain.Evaluation;

/// <summary>
/// The seasonal figure of R's classical decomposition, <c>decompose(x, type = "multiplicative")</c>, which the
/// M4 Naive2 benchmark and <c>forecast::thetaf</c> divide out of a seasonal series.
/// </summary>
public static class ClassicalDecomposition
{
    /// <summary>
    /// One index per phase, element p for the observations t (0-based) with t mod <paramref name="period"/> = p:
    /// decompose counts phases from the first observation, whatever its calendar month. Each index is the mean
    /// ratio of the values of its phase to the centred moving-average trend, and the indices are then divided by
    /// their mean so that they average to 1 and a seasonally adjusted series keeps the original's level.
    /// </summary>
    /// <remarks>
    /// The trend is <c>filter(x, f)</c> with decompose's default filter: for an even period the 2 x m moving
    /// average (weights 1/(2m) at both ends, 1/m inside), for an odd one the plain m-point average; it is
    /// undefined for the first and last m/2 (rounded down) observations, which therefore have no ratio. A ratio
    /// 0/0 (a zero value where the trend is zero) is undefined too and left out, as <c>mean(na.rm = TRUE)</c>
    /// leaves out R's NaN.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// A period below 2 or fewer than two seasons of values (decompose stops there: "time series has no or
    /// less than 2 periods").
    /// </exception>
    public static double[] MultiplicativeSeasonalIndices(IReadOnlyList<double> values, int period)
    {
        var n = values.Count;
        if (period < 2 || n < 2 * period)
        {
            throw new ArgumentException(
                $"A classical decomposition of period {period} needs a period of at least 2 and two seasons ({2 * period} values); got {n}.",
                nameof(values));
        }
        var half = period / 2;
        var ratioSums = new double[period];
        var ratioCounts = new int[period];
        for (var t = half; t < n - half; t++)
        {
            var ratio = values[t] / CentredMovingAverage(values, t, period);
            if (!double.IsNaN(ratio))
            {
                ratioSums[t % period] += ratio;
                ratioCounts[t % period]++;
            }
        }
        var figure = ratioSums.Select((sum, p) => sum / ratioCounts[p]).ToArray();
        var mean = figure.Average();
        return figure.Select(f => f / mean).ToArray();
    }

    private static double CentredMovingAverage(IReadOnlyList<double> values, int t, int period)
    {
        var half = period / 2;
        var sum = 0.0;
        if (period % 2 == 1)
        {
            for (var j = t - half; j <= t + half; j++)
            {
                sum += values[j];
            }
        }
        else
        {
            for (var j = t - half + 1; j < t + half; j++)
            {
                sum += values[j];
            }
            sum += 0.5 * (values[t - half] + values[t + half]);
        }
        return sum / period;
    }
}
