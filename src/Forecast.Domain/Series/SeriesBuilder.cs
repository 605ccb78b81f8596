namespace Forecast.Domain.Series;

/// <summary>A series as built from an upload, with the periods that were missing and how they were filled.</summary>
public sealed record BuiltSeries(RegularSeries Series, IReadOnlyList<DateTime> FilledGaps, GapFillPolicy Policy);

/// <summary>Turns uploaded points into a <see cref="RegularSeries"/>, enforcing the domain's rules.</summary>
public static class SeriesBuilder
{
    public const int MinimumPoints = 3;

    /// <summary>Builds a series from dated points, which must be in strictly increasing date order.</summary>
    public static BuiltSeries FromPoints(
        IReadOnlyList<DateTime> dates,
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
                $"The frequency could not be inferred from the timestamps; give it as {FrequencyExtensions.Names}.",
                "frequency");
        CheckResolution(dates, freq);
        return Regularize(dates, values, freq, policy, maxPoints);
    }

    /// <summary>Builds a series from values that are already one per period from <paramref name="start"/>.</summary>
    public static BuiltSeries FromValues(DateTime start, Frequency frequency, IReadOnlyList<double> values, int maxPoints)
    {
        CheckValues(values, maxPoints);
        CheckResolution([start], frequency);
        return new BuiltSeries(new RegularSeries(start, frequency, values.ToArray()), [], GapFillPolicy.Interpolate);
    }

    /// <exception cref="TimestampException">A timestamp repeats or goes back.</exception>
    internal static void CheckIncreasing(IReadOnlyList<DateTime> dates)
    {
        for (var i = 1; i < dates.Count; i++)
        {
            if (dates[i] == dates[i - 1])
            {
                throw new TimestampException($"Timestamp {FrequencyExtensions.Describe(dates[i])} appears twice (points {i} and {i + 1}).", i);
            }
            if (dates[i] < dates[i - 1])
            {
                throw new TimestampException(
                    $"Timestamps must be in increasing order: {FrequencyExtensions.Describe(dates[i])} (point {i + 1}) comes after {FrequencyExtensions.Describe(dates[i - 1])}.", i);
            }
        }
    }

    /// <summary>
    /// A daily or coarser series is dated: a time of day there (a local midnight sent with its offset, say) would be
    /// lost from every answer, so it is refused rather than silently moved to another date.
    /// </summary>
    /// <exception cref="TimestampException">A timestamp of a daily or coarser series is not at midnight UTC.</exception>
    private static void CheckResolution(IReadOnlyList<DateTime> dates, Frequency frequency)
    {
        if (frequency.IsSubDaily())
        {
            return;
        }
        for (var i = 0; i < dates.Count; i++)
        {
            if (dates[i].TimeOfDay != TimeSpan.Zero)
            {
                throw new TimestampException(
                    $"Timestamp {FrequencyExtensions.Describe(dates[i])} (point {i + 1}) has a time of day in UTC, but the series is {frequency.Name()}: a {frequency.Name()} series takes dates (e.g. 2024-01-31).",
                    i);
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
        IReadOnlyList<DateTime> dates, IReadOnlyList<double> values, Frequency frequency, GapFillPolicy policy, int maxPoints)
    {
        var start = dates[0];
        var filled = new List<double>(values.Count);
        var gaps = new List<DateTime>();
        var period = 0;
        for (var i = 0; i < dates.Count; i++)
        {
            var missingBefore = new List<DateTime>();
            DateTime expected;
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
                throw new TimestampException(
                    $"Timestamp {frequency.Format(dates[i])} (point {i + 1}) is not on the {frequency.Name()} grid starting {frequency.Format(start)}; expected {frequency.Format(expected)}.",
                    i);
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
            var shown = string.Join(", ", gaps.Take(20).Select(gap => frequency.Format(gap)));
            var more = gaps.Count > 20 ? $" and {gaps.Count - 20} more" : "";
            throw new UnprocessableException(
                $"The series has {gaps.Count} missing period(s): {shown}{more}. Upload them or choose fillPolicy 'interpolate' or 'forwardFill'.",
                "timestamps");
        }
        return new BuiltSeries(new RegularSeries(start, frequency, filled), gaps, policy);
    }
}
