namespace Forecast.Domain.Series;

/// <summary>A series as built from an upload, with the periods that were missing and how they were filled.</summary>
public sealed record BuiltSeries(RegularSeries Series, IReadOnlyList<DateOnly> FilledGaps, GapFillPolicy Policy);

/// <summary>Turns uploaded points into a <see cref="RegularSeries"/>, enforcing the domain's rules.</summary>
public static class SeriesBuilder
{
    public const int MinimumPoints = 3;

    /// <summary>Builds a series from dated points, which must be in strictly increasing date order.</summary>
    public static BuiltSeries FromPoints(
        IReadOnlyList<DateOnly> dates,
        IReadOnlyList<double> values,
        Frequency? frequency,
        GapFillPolicy policy,
        int maxPoints)
    {
        if (dates.Count != values.Count)
        {
            throw new DomainValidationException(
                $"There are {dates.Count} timestamps but {values.Count} values; they must pair up.", "timestamps");
        }
        CheckValues(values, maxPoints);
        CheckIncreasing(dates);

        var freq = frequency ?? FrequencyExtensions.Infer(dates)
            ?? throw new DomainValidationException(
                "The frequency could not be inferred from the timestamps; give it as daily, weekly, monthly, quarterly or yearly.",
                "frequency");
        return Regularize(dates, values, freq, policy, maxPoints);
    }

    /// <summary>Builds a series from values that are already one per period from <paramref name="start"/>.</summary>
    public static BuiltSeries FromValues(DateOnly start, Frequency frequency, IReadOnlyList<double> values, int maxPoints)
    {
        CheckValues(values, maxPoints);
        return new BuiltSeries(new RegularSeries(start, frequency, values.ToArray()), [], GapFillPolicy.Interpolate);
    }

    /// <exception cref="DomainValidationException">A timestamp repeats or goes back.</exception>
    internal static void CheckIncreasing(IReadOnlyList<DateOnly> dates)
    {
        for (var i = 1; i < dates.Count; i++)
        {
            if (dates[i] == dates[i - 1])
            {
                throw new DomainValidationException($"Timestamp {dates[i]:yyyy-MM-dd} appears twice (points {i} and {i + 1}).", "timestamps");
            }
            if (dates[i] < dates[i - 1])
            {
                throw new DomainValidationException(
                    $"Timestamps must be in increasing order: {dates[i]:yyyy-MM-dd} (point {i + 1}) comes after {dates[i - 1]:yyyy-MM-dd}.",
                    "timestamps");
            }
        }
    }

    /// <exception cref="DomainValidationException">A value is NaN or infinite.</exception>
    internal static void CheckFinite(IReadOnlyList<double> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new DomainValidationException($"Value {i + 1} is {values[i]}; every value must be a finite number.", "values");
            }
        }
    }

    private static void CheckValues(IReadOnlyList<double> values, int maxPoints)
    {
        if (values.Count < MinimumPoints)
        {
            throw new DomainValidationException($"A series needs at least {MinimumPoints} points; this one has {values.Count}.", "values");
        }
        if (values.Count > maxPoints)
        {
            throw new DomainValidationException($"A series may have at most {maxPoints} points; this one has {values.Count}.", "values");
        }
        CheckFinite(values);
    }

    /// <summary>The points on the frequency's grid from the first date, missing periods filled by <paramref name="policy"/>.</summary>
    internal static BuiltSeries Regularize(
        IReadOnlyList<DateOnly> dates, IReadOnlyList<double> values, Frequency frequency, GapFillPolicy policy, int maxPoints)
    {
        var start = dates[0];
        var filled = new List<double>(values.Count);
        var gaps = new List<DateOnly>();
        var period = 0;
        for (var i = 0; i < dates.Count; i++)
        {
            var missingBefore = new List<DateOnly>();
            DateOnly expected;
            while ((expected = frequency.Advance(start, period)) < dates[i])
            {
                missingBefore.Add(expected);
                period++;
                if (period > maxPoints)
                {
                    throw new DomainValidationException(
                        $"With the gaps filled the series would exceed {maxPoints} points.", "timestamps");
                }
            }
            if (expected != dates[i])
            {
                throw new DomainValidationException(
                    $"Timestamp {dates[i]:yyyy-MM-dd} (point {i + 1}) is not on the {frequency.ToString().ToLowerInvariant()} grid starting {start:yyyy-MM-dd}; expected {expected:yyyy-MM-dd}.",
                    "timestamps");
            }
            for (var k = 0; k < missingBefore.Count; k++)
            {
                var fraction = (k + 1.0) / (missingBefore.Count + 1.0);
                filled.Add(policy == GapFillPolicy.ForwardFill
                    ? values[i - 1]
                    : values[i - 1] + fraction * (values[i] - values[i - 1]));
            }
            gaps.AddRange(missingBefore);
            filled.Add(values[i]);
            period++;
        }

        if (gaps.Count > 0 && policy == GapFillPolicy.Refuse)
        {
            var shown = string.Join(", ", gaps.Take(20).Select(d => d.ToString("yyyy-MM-dd")));
            var more = gaps.Count > 20 ? $" and {gaps.Count - 20} more" : "";
            throw new UnprocessableException(
                $"The series has {gaps.Count} missing period(s): {shown}{more}. Upload them or choose fillPolicy 'interpolate' or 'forwardFill'.",
                "timestamps");
        }
        return new BuiltSeries(new RegularSeries(start, frequency, filled), gaps, policy);
    }
}
