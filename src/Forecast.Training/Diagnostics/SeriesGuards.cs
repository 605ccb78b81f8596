using System.Globalization;
using Forecast.Domain;

namespace Forecast.Training.Diagnostics;

/// <summary>Checks shared by the tests, so that each refuses bad input with the same clear message.</summary>
internal static class SeriesGuards
{
    /// <summary>
    /// Refuses a series that is missing, too short, not finite or constant: on a constant series every
    /// correlation and test statistic is 0 / 0, which would otherwise surface as NaN.
    /// </summary>
    public static void RequireUsable(
        IReadOnlyList<double> values, int minimum, string test, string field = "values", bool allowConstant = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < minimum)
        {
            throw new UnprocessableException(
                $"{test} needs at least {minimum} observations; the series has {values.Count}.", field);
        }
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new DomainValidationException(
                    $"Value {i} is {values[i].ToString(CultureInfo.InvariantCulture)}; every value must be a finite number.", field);
            }
        }
        if (allowConstant)
        {
            return;
        }
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] != values[0])
            {
                return;
            }
        }
        throw new UnprocessableException(
            $"{test} is undefined for a constant series (every value is {values[0].ToString(CultureInfo.InvariantCulture)}).", field);
    }

    /// <summary>
    /// <see cref="RequireUsable"/>, then a copy rescaled by the power of two nearest the series' range. Every
    /// statistic here is scale-free, a power-of-two factor is exact, and it keeps the sums of squares from
    /// underflowing (values near 1e-200) or overflowing (near 1e200).
    /// </summary>
    public static double[] Prepare(IReadOnlyList<double> values, int minimum, string test, string field = "values")
    {
        RequireUsable(values, minimum, test, field);
        var min = values.Min();
        var max = values.Max();
        var exponent = Math.ILogB(max - min);
        var prepared = new double[values.Count];
        for (var i = 0; i < prepared.Length; i++)
        {
            prepared[i] = Math.ScaleB(values[i], -exponent);
        }
        return prepared;
    }

    /// <summary>Each lag must lie in 1..n-1: a lag of 0 tests nothing and one of n or more has no pairs of values.</summary>
    public static void RequireLags(IReadOnlyList<int> lags, int count, string field = "lags")
    {
        ArgumentNullException.ThrowIfNull(lags);
        if (lags.Count == 0)
        {
            throw new DomainValidationException("At least one lag is required.", field);
        }
        foreach (var lag in lags)
        {
            if (lag < 1 || lag >= count)
            {
                throw new DomainValidationException(
                    $"Lag {lag} is out of range: lags must be between 1 and {count - 1} (one less than the series length {count}).", field);
            }
        }
    }
}
